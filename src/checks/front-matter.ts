import { readFileSync } from 'node:fs';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader } from 'astro/loaders';
import { CORE_SCHEMA, load } from 'js-yaml';

/**
 * How Broadsheet reads front matter: YAML 1.2's core schema, without YAML 1.1's timestamp type
 * (nor the merge keys and binary, set and ordered-map tags js-yaml's default schema adds, which
 * news front matter has no use for). A date then reaches
 * the schema as the editor typed it, quoted or not, so one rule reads every form
 * (src/model/dates.ts) — js-yaml would turn an unquoted `2024-06-18 09:30:00` into a UTC
 * instant but leave `2024-06-18 09:30` as text, four hours apart in New York, and would silently
 * turn `2024-02-30` into 1 March.
 */
export const FRONT_MATTER_YAML = CORE_SCHEMA;

/**
 * The front matter of a Markdown file, read the Broadsheet way: `undefined` when the file has no
 * `---` block, else the mapping it holds (an empty or non-mapping block reads as `{}`). Throws
 * js-yaml's YAMLException for text that is not YAML.
 */
export function readFrontMatter(text: string): Record<string, unknown> | undefined {
  return readMarkdown(text).data;
}

/**
 * A Markdown file split as Astro splits it: the front matter (read by `readFrontMatter`'s rules,
 * `undefined` without a `---` block) and the body after the block. Throws YAMLException.
 */
export function readMarkdown(text: string): { data: Record<string, unknown> | undefined; body: string } {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return { data: undefined, body: text };
  const body = text.replace(`---${raw}---`, '');
  const data = load(raw, { schema: FRONT_MATTER_YAML });
  return { data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {}, body };
}

/**
 * A content loader whose entries' front matter is read by `readFrontMatter`, as `npm run check`
 * reads it, instead of by Astro's reader: the schema then sees the same values in the check and in
 * the build. Wraps another loader (Astro's glob loader) through the public `parseData` hook.
 */
export function withNewsroomFrontMatter(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: (props) => {
          const typed = props.filePath ? readFrontMatter(readFileSync(props.filePath, 'utf8')) : undefined;
          return context.parseData(typed ? { ...props, data: typed as typeof props.data } : props);
        },
      }),
  };
}

/** js-yaml's error shape (YAMLException): the reason and where in the front matter it stopped. */
interface YamlError {
  reason?: string;
  mark?: { line: number; column: number };
}

// What js-yaml's reasons mean for someone who edits copy, not parsers.
// Most of what trips YAML in news copy is text that YAML reads as syntax: say so, and the cure.
const QUOTE_IT =
  'if the value holds ": " or " #", quotes, or starts with [ { & * ! | > % @ ` - or ?, put the whole value in double quotes';
const PLAIN_WORDS: [RegExp, string][] = [
  [/unexpected end of the stream within a (double|single) quoted scalar/, 'expected the closing quote of a quoted value, found none'],
  [/bad indentation of a (mapping|sequence) entry/, `expected a field (name: value) on this line, found text YAML cannot read: ${QUOTE_IT}`],
  [/duplicated mapping key/, 'expected each field once, found this one a second time: keep one'],
  [/missed comma between flow collection entries/, 'expected a comma between the items of a list in [ ], or its closing ], found neither'],
  [/unexpected end of the stream within a flow collection/, 'expected the closing ] of a list, found none'],
  [/a multiline key may not be an implicit key|incomplete explicit mapping pair/, `expected a value on one line, found one running onto the next: ${QUOTE_IT}`],
  [/can not read an implicit mapping pair; a colon is missed/, 'expected a colon after the field name, found none'],
  [/unknown escape sequence/, 'expected a known escape after a backslash inside double quotes: write \\\\ for a backslash, or use single quotes'],
  [/unidentified alias|unknown tag|a line break is expected|end of the stream or a document separator is expected|non-printable characters/, `expected a field (name: value), found text YAML reads as syntax: ${QUOTE_IT}`],
];

/**
 * A file's lines (as a text editor counts them, 0-based here) and where its front matter lies:
 * from `first`, the line after the opening ---, to `end`, the closing --- line. Undefined without
 * a front-matter block.
 */
function frontMatterLines(text: string): { lines: string[]; first: number; end: number } | undefined {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return undefined;
  // The block's text starts right after the opening ---, so its line k is line k of the file after it.
  const first = text.slice(0, text.indexOf(`---${raw}`)).split('\n').length;
  return { lines: text.split(/\r?\n/), first, end: first + raw.split('\n').length - 2 };
}

// A line that starts a field: its indentation, an optional list dash, the key and its colon.
const KEY_LINE = /^(\s*)(?:-\s+)?([^\s#:'"-][^:]*?):(?:\s+|$)/;

/**
 * Where a value starts a quote or a flow list `[`/`{` that its line never closes: the character
 * and its index (in characters) within `value`, or undefined. Quotes inside a list count;
 * `''` inside single quotes and `\"` inside double quotes are escapes (YAML 1.2 §7.3).
 */
function leftOpen(value: string): { char: string; at: number } | undefined {
  const chars = [...value];
  const opens: { char: string; at: number }[] = [];
  let quote: { char: string; at: number } | undefined;
  for (let at = 0; at < chars.length; at += 1) {
    const char = chars[at]!;
    if (quote) {
      if (quote.char === '"' && char === '\\') at += 1;
      else if (quote.char === "'" && char === "'" && chars[at + 1] === "'") at += 1;
      else if (char === quote.char) quote = undefined;
    } else if (char === '"' || char === "'") {
      // A quote opens a scalar only where a value starts: first, or after [ { , in a flow list.
      const before = chars.slice(0, at).join('').trimEnd();
      if (before === '' || /[[{,]$/.test(before)) quote = { char, at };
    } else if (char === '#' && (at === 0 || /\s/.test(chars[at - 1]!))) {
      break;
    } else if ((char === '[' || char === '{') && (at === 0 || opens.length > 0)) {
      // A flow list or map starts a value, or nests inside one.
      opens.push({ char, at });
    } else if ((char === ']' || char === '}') && opens.length > 0) {
      opens.pop();
    }
  }
  return quote ?? opens[0];
}

/** The dotted path of the field a line belongs to (`image.caption`), from the keys above it by indentation. */
function fieldAt(lines: readonly string[], lineIndex: number, first: number): string {
  const path: string[] = [];
  let indent = Infinity;
  for (let at = lineIndex; at >= first; at -= 1) {
    const key = KEY_LINE.exec(lines[at] ?? '');
    if (!key) continue;
    const width = key[1]!.length;
    if (width < indent) {
      path.unshift(key[2]!.trim());
      indent = width;
      if (width === 0) break;
    }
  }
  return path.join('.') || 'front matter';
}

/**
 * A YAML error in a Markdown file's front matter, said so an editor can fix it: the field it is
 * in (its dotted path, `image.caption`, or `front matter`), and "line L, column C: what is
 * wrong", counted in the file as an editor's text editor counts (1-based, characters).
 */
export function frontMatterYamlProblem(text: string, error: unknown): { field: string; message: string } {
  const { reason = String(error), mark } = error as YamlError;
  const block = frontMatterLines(text);
  if (!mark || !block) return { field: 'front matter', message: `expected YAML between the --- lines: ${reason}` };
  const { lines, first: opening } = block;
  let lineIndex = opening - 1 + mark.line;
  let column = mark.column + 1;
  // js-yaml often notices a quote or [ left open only lines later, where the next value starts;
  // the fault an editor must fix is the value that opened it.
  let opened: string | undefined;
  for (let at = opening; at <= lineIndex && !opened; at += 1) {
    const key = KEY_LINE.exec(lines[at] ?? '');
    if (!key) continue;
    const left = leftOpen((lines[at] ?? '').slice(key[0].length));
    if (left) {
      opened = left.char;
      lineIndex = at;
      column = [...key[0]].length + left.at + 1;
    }
  }
  const line = lines[lineIndex] ?? '';
  const field = fieldAt(lines, lineIndex, opening);
  let words = PLAIN_WORDS.find(([pattern]) => pattern.test(reason))?.[1] ?? `expected YAML, found an error: ${reason}`;
  if (opened === '[' || opened === '{') words = `expected the closing ${opened === '[' ? ']' : '}'} of this list on its line (or a missing comma), found none`;
  else if (opened) words = `expected the closing ${opened} of this value on its line, found none`;
  if (/expected valid JSON character/.test(reason)) {
    // js-yaml stops past the character; point at it, and name it.
    const chars = [...line];
    const at = chars.findIndex((char) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(char));
    if (at >= 0) {
      column = at + 1;
      words = `expected text without control characters, found U+${chars[at]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, which YAML does not allow inside quotes: delete it`;
    }
  }
  return { field, message: `line ${lineIndex + 1}, column ${column}: ${words}` };
}

// Fields that hold copy: a comment after one of them is far likelier to be part of the text.
const TEXT_FIELDS = new Set(['title', 'standfirst', 'section', 'caption', 'credit', 'alt', 'name']);

/**
 * Copy YAML would cut short without a word: an unquoted text value holding " #" (YAML starts a
 * comment there, so `title: We're #1 again` keeps only "We're"). Returns the dotted field, line
 * and column of each, counted as a text editor counts.
 */
export function truncatedByComments(text: string): { field: string; message: string }[] {
  const block = frontMatterLines(text);
  if (!block) return [];
  const { lines, first: opening, end: last } = block;
  const found: { field: string; message: string }[] = [];
  for (let at = opening; at < last; at += 1) {
    const key = KEY_LINE.exec(lines[at] ?? '');
    if (!key || !TEXT_FIELDS.has(key[2]!.trim())) continue;
    const value = (lines[at] ?? '').slice(key[0].length);
    const hash = value.indexOf(' #');
    if (!value || /^["'[{|>]/.test(value) || hash < 0) continue;
    found.push({
      field: fieldAt(lines, at, opening),
      message: `line ${at + 1}, column ${[...key[0]].length + [...value.slice(0, hash)].length + 2}: expected the whole value, found " #", where YAML starts a comment and drops the rest ("${value.slice(hash + 1).trim()}"): put the value in double quotes`,
    });
  }
  return found;
}
