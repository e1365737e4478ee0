/**
 * How the schemas word what they refuse, for someone who edits copy: what was expected, what was
 * found, and the cure. Every schema in src/schemas/ words its problems through these, so one kind
 * of mistake reads alike in every field and every collection.
 */
import { closest, distance } from 'fastest-levenshtein';
import { nameKey } from '../names.ts';

/** A value as an editor would read it in a message: `"18/06/2024"`, `12`, `a list`. */
export function shown(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  // YAML's .inf and .nan: JSON would write null.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (value !== null && typeof value === 'object') return 'a group of fields';
  return JSON.stringify(value) ?? String(value);
}

/**
 * The message for a value of the wrong kind, saying which of the two it is: a required field
 * that is missing, or one that holds something else (and what). `expected` reads "expected …",
 * e.g. `expected a headline as text`.
 */
export const expecting = (expected: string) => (issue: { input?: unknown }) => {
  if (issue.input === undefined) return `missing: this field is required, ${expected}`;
  // YAML reads 1984, 1.10, 0x1F, yes, .inf or an empty value as a number, a flag or nothing:
  // quotes keep what was typed.
  const unquoted = issue.input === null || typeof issue.input === 'number' || typeof issue.input === 'boolean';
  // And the other way: a number in quotes is text to YAML.
  const quotedNumber = typeof issue.input === 'string' && /^\s*[-+]?\d+(\.\d+)?\s*$/.test(issue.input) && !expected.endsWith('as text');
  return `${expected}, found ${shown(issue.input)}${unquoted && expected.endsWith('as text') ? ' (put the value in double quotes to keep it as typed)' : ''}${quotedNumber ? ' (write the number without quotes)' : ''}`;
};

/**
 * What to say about a field the schema does not know: that it is unknown, the known field it is
 * most likely a misspelling of (at most a third of its letters away, by Levenshtein distance),
 * and every field that is allowed there.
 */
export function unknownFieldMessage(key: string, known: readonly string[]): string {
  const nearest = closest(key, [...known]);
  const likely = distance(key.toLowerCase(), nearest.toLowerCase()) <= Math.max(1, Math.floor(key.length / 3));
  return `unknown field "${key}"${likely ? ` (did you mean "${nearest}"?)` : ''}: expected only ${known.join(', ')}`;
}

/**
 * The allowed name an editor most likely meant by `typed`: the closest of `names` by Levenshtein
 * distance, when it is within two edits (a swapped pair of letters) or a third of the typed
 * letters, case and spacing ignored (`nameKey`); else undefined. Used where a field takes one of
 * a few names (a section, a type), so a typo is answered with the cure.
 */
export function likelyMeant(typed: string, names: readonly string[]): string | undefined {
  if (names.length === 0) return undefined;
  const nearest = closest(typed, [...names]);
  return distance(nameKey(typed), nameKey(nearest)) <= Math.max(2, Math.floor(typed.length / 3)) ? nearest : undefined;
}
