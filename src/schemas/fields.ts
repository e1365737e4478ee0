/**
 * The building blocks every Broadsheet schema is made of (src/schemas/article.ts,
 * src/schemas/profile.ts): text, dates, web addresses and objects that refuse unknown fields,
 * each worded for editors (src/schemas/messages.ts). Like Starlight's `schemas/`, one concern per
 * file; a field's own doc comment stays with the schema that declares it.
 */
import { z } from 'astro/zod';
import { readDate } from '../model/dates.ts';
import { SITE } from '../site.ts';
import { dropUnprintable } from '../text.ts';
import { expecting, shown, unknownFieldMessage } from './messages.ts';

/**
 * The schemas' text fields: every schema `text()` builds is registered here, with what the field
 * holds. Zod keeps a schema's registration on the schemas derived from it (`.overwrite()`,
 * `.transform()`, `.optional()`), so `textFieldPaths` finds a text field however it is refined,
 * and a new text field is known the moment it is declared: no hand-kept list to forget.
 */
export const TEXT_FIELDS = z.registry<{ what: string }>();

/**
 * A field of copy: a string, with characters no page or feed may carry dropped (src/text.ts),
 * trimmed, and refused when empty or only invisible characters. `what` names it in messages
 * ("a headline"). Registered in TEXT_FIELDS: YAML's ` #` comment rule is checked on it
 * (src/checks/front-matter.ts `truncatedByComments`).
 */
export const text = (what: string) =>
  z
    .string({ error: expecting(`expected ${what} as text`) })
    // Control characters and noncharacters cannot appear on a page or in a feed (src/text.ts):
    // they are dropped here, once, so every output shows the same text.
    .overwrite(dropUnprintable)
    .trim()
    .min(1, { error: `expected ${what}, found an empty value` })
    // Text of nothing but invisible characters (format characters, blank braille, Hangul fillers)
    // would be an empty headline, link or chip on the page.
    .refine((value) => /[^\s\p{Cf}\u2800\u3164\uFFA0\u115F\u1160]/u.test(value), {
      error: `expected ${what}, found only invisible characters`,
    })
    .register(TEXT_FIELDS, { what });

/**
 * A date or a date and time, read by the newsroom's one date rule (src/model/dates.ts) in the
 * site's time zone (SITE.timeZone), as typed: `2024-06-18`, `2024-06-18T09:30:00-04:00`, or a
 * local time (refused, with the offsets to choose from, when the clocks skipped or repeated it).
 * Stored canonical: `YYYY-MM-DD` or a UTC ISO instant. `what` names it in messages.
 */
export const date = (what: string) =>
  z.unknown().transform((value, ctx) => {
    const reading = readDate(value, SITE.timeZone);
    if ('canonical' in reading) return reading.canonical;
    if (value === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `missing: this field is required, expected ${what} as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00`,
      });
      return z.NEVER;
    }
    const typed = typeof value === 'string' ? value.trim() : shown(value);
    const message =
      reading.problem === 'skipped'
        ? `expected ${what} as a time that happened in ${SITE.timeZone}, found "${typed}": clocks went forward that night and skipped it. Give the offset it was meant in, e.g. ${reading.wall}${reading.offsets[0]}`
        : reading.problem === 'repeated'
          ? `expected ${what} as a time that happened once in ${SITE.timeZone}, found "${typed}", which happened twice: clocks went back that night. Give its offset: ${reading.wall}${reading.offsets[0]} for the first, ${reading.wall}${reading.offsets[1]} for the second`
          : `expected ${what} as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00, found ${shown(value)}${reading.why ? `: ${reading.why}` : ''}`;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });

/**
 * An absolute http(s) address without a user name or password, stored as the WHATWG URL parser
 * writes it (spaces, quotes and < > percent-encoded).
 */
export const webUrl = z
  .url({
    protocol: /^https?$/,
    error: 'expected an absolute http(s) address like https://example.com/story',
  })
  .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
    error: 'expected an address without a user name or password in it',
  })
  .transform((value) => (URL.canParse(value) ? new URL(value).href : value));

/**
 * An object that rejects fields it does not know, saying which and what it takes instead
 * (`unknownFieldMessage`, one message per unknown key, joined by "; " in key order): a misspelt
 * field must never vanish silently. `what` names the object in messages ("the image").
 */
export function strictFields<T extends z.ZodRawShape>(shape: T, what: string) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownFieldMessage(key, known)).join('; ');
      if (issue.code === 'invalid_type') return expecting(`expected ${what} with the fields ${known.join(', ')}`)(issue);
      return undefined;
    },
  });
}

/**
 * The dotted paths of every text field (TEXT_FIELDS) in a schema, a list's items as `*`:
 * `title`, `image.caption`, `corrections.*.text`, `tags.*`. Walks objects, lists, optional
 * and defaulted fields, and refinements and transforms (their input side).
 */
export function textFieldPaths(schema: z.ZodType): string[] {
  const paths: string[] = [];
  const walk = (node: z.core.$ZodType, path: string[]): void => {
    if (TEXT_FIELDS.get(node as z.ZodType)) {
      paths.push(path.join('.'));
      return;
    }
    const def = node._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType; in?: z.core.$ZodType; element?: z.core.$ZodType; shape?: Record<string, z.core.$ZodType> };
    if (def.type === 'object' && def.shape) for (const [key, field] of Object.entries(def.shape)) walk(field, [...path, key]);
    else if (def.type === 'array' && def.element) walk(def.element, [...path, '*']);
    else if (def.type === 'pipe' && def.in) walk(def.in, path);
    else if (def.innerType) walk(def.innerType, path); // optional, default, nullable, readonly…
  };
  walk(schema, []);
  return paths;
}
