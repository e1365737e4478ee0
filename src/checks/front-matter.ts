import { readFileSync } from 'node:fs';
import { extractFrontmatter } from '@astrojs/markdown-remark';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { CORE_SCHEMA, load } from 'js-yaml';
import { textFieldPaths } from '../schemas/fields.ts';
import { codePoints } from './tags.ts';

/**
 * How Broadsheet reads YAML, in every collection (articles' front matter and authors' profiles,
 * in `npm run check` and in the build alike): YAML 1.2's core schema, without YAML 1.1's
 * timestamp type (nor the merge keys and binary, set and ordered-map tags js-yaml's default
 * schema adds, which news copy has no use for). A date then reaches the schema as the editor
 * typed it, quoted or not, so one rule reads every form (src/model/dates.ts) — js-yaml would turn
 * an unquoted `2024-06-18 09:30:00` into a UTC instant but leave `2024-06-18 09:30` as text, four
 * hours apart in New York, and would silently turn `2024-02-30` into 1 March.
 */
export const CONTENT_YAML = CORE_SCHEMA;

/**
 * The front matter of a Markdown file, read the Broadsheet way: `undefined` when the file has no
 * `---` block, else the mapping it holds (an empty or non-mapping block reads as `{}`). Throws
 * js-yaml's YAMLException for text that is not YAML.
 */
export function readFrontMatter(text: string): Record<string, unknown> | undefined {
  return readMarkdown(text).data;
}

/** A YAML document's top-level mapping, or `{}` for an empty or non-mapping document. */
function asMapping(data: unknown): Record<string, unknown> {
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * A Markdown file split as Astro splits it: the front matter (read by `readFrontMatter`'s rules,
 * `undefined` without a `---` block) and the body after the block. Throws YAMLException.
 */
export function readMarkdown(text: string): { data: Record<string, unknown> | undefined; body: string } {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return { data: undefined, body: text };
  const body = text.replace(`---${raw}---`, '');
  return { data: asMapping(load(raw, { schema: CONTENT_YAML })), body };
}

/**
 * A YAML file (an author's profile) read the Broadsheet way (CONTENT_YAML): its top-level mapping,
 * `{}` for an empty or non-mapping file. Throws js-yaml's YAMLException for text that is not YAML.
 */
export function readYaml(text: string): Record<string, unknown> {
  return asMapping(load(text, { schema: CONTENT_YAML }));
}

/**
 * A content loader whose entries' data is read by `read` (`readFrontMatter` for Markdown,
 * `readYaml` for profiles), as `npm run check` reads it, instead of by Astro's reader: the schema
 * then sees the same values in the check and in the build. Astro's glob loader parses YAML with
 * js-yaml's default schema and has no parser option (only the file loader has one:
 * node_modules/astro/dist/core/config/settings.js, content/loaders/glob.js), so this wraps it
 * through the public `parseData` hook and reads the file again.
 */
export function withContentYaml(loader: Loader, read: (text: string) => Record<string, unknown> | undefined): Loader {
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        parseData: (props) => {
          const typed = props.filePath ? read(readFileSync(props.filePath, 'utf8')) : undefined;
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
 * Where the YAML of a file lies, as a text editor counts lines (0-based here): from `first` to
 * `end` (exclusive); `markBase`, the file line of js-yaml's line 0; `whole`, the field named for
 * a problem in no field; `what`, the YAML as an editor knows it.
 */
interface YamlLines {
  lines: string[];
  first: number;
  end: number;
  markBase: number;
  whole: string;
  what: string;
}

/**
 * A Markdown file's front matter: from the line after the opening --- to the closing --- line.
 * Undefined without a front-matter block.
 */
function frontMatterLines(text: string): YamlLines | undefined {
  const raw = extractFrontmatter(text);
  if (raw === undefined) return undefined;
  // The block's text starts right after the opening ---, so its line k is line k of the file after it.
  const first = text.slice(0, text.indexOf(`---${raw}`)).split('\n').length;
  return { lines: text.split(/\r?\n/), first, end: first + raw.split('\n').length - 2, markBase: first - 1, whole: 'front matter', what: 'YAML between the --- lines' };
}

/** A YAML file (an author's profile): every line. */
function yamlFileLines(text: string): YamlLines {
  const lines = text.split(/\r?\n/);
  return { lines, first: 0, end: lines.length, markBase: 0, whole: 'file', what: 'YAML' };
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
function fieldAt(lines: readonly string[], lineIndex: number, first: number, whole: string): string {
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
  return path.join('.') || whole;
}

/**
 * A YAML error in a Markdown file's front matter, said so an editor can fix it: the field it is
 * in (its dotted path, `image.caption`, or `front matter`), and "line L, column C: what is
 * wrong", counted in the file as an editor's text editor counts (1-based, characters).
 */
export function frontMatterYamlProblem(text: string, error: unknown): { field: string; message: string } {
  return yamlProblem(frontMatterLines(text), error);
}

/**
 * A YAML error in a YAML file (an author's profile), in the words `frontMatterYamlProblem` uses:
 * the field (or `file`) and "line L, column C: what is wrong".
 */
export function yamlFileProblem(text: string, error: unknown): { field: string; message: string } {
  return yamlProblem(yamlFileLines(text), error);
}

function yamlProblem(block: YamlLines | undefined, error: unknown): { field: string; message: string } {
  const { reason = String(error), mark } = error as YamlError;
  if (!mark || !block) return { field: block?.whole ?? 'front matter', message: `expected ${block?.what ?? 'YAML between the --- lines'}: ${reason}` };
  const { lines, first: opening, whole } = block;
  let lineIndex = block.markBase + mark.line;
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
  const field = fieldAt(lines, lineIndex, opening, whole);
  let words = PLAIN_WORDS.find(([pattern]) => pattern.test(reason))?.[1] ?? `expected YAML, found an error: ${reason}`;
  if (opened === '[' || opened === '{') words = `expected the closing ${opened === '[' ? ']' : '}'} of this list on its line (or a missing comma), found none`;
  else if (opened) words = `expected the closing ${opened} of this value on its line, found none`;
  if (/expected valid JSON character/.test(reason)) {
    // js-yaml stops past the character; point at it, and name it.
    const chars = [...line];
    const at = chars.findIndex((char) => /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(char));
    if (at >= 0) {
      column = at + 1;
      words = `expected text without control characters, found ${codePoints(chars[at]!)}, which YAML does not allow inside quotes: delete it`;
    }
  }
  return { field, message: `line ${lineIndex + 1}, column ${column}: ${words}` };
}

/** A line of YAML that holds a value: its field's path (list items by index), and where the value starts. */
interface ValueLine {
  at: number;
  path: (string | number)[];
  /** Characters before the value on its line. */
  column: number;
  value: string;
  /** A further line of a plain value that began on a line above. */
  continued: boolean;
}

// A key and its colon, after any indentation and list dashes.
const KEY = /^([^\s#:'"-][^:]*?):(?:\s+|$)/;
// A value YAML reads as more than plain text: quoted, a flow list or map, a block scalar, an anchor, alias or tag.
const NOT_PLAIN = /^["'[{|>&*!]/;

/**
 * The lines of block-style YAML that hold values, each with the path of its field as the parser
 * would build it: `corrections.0.text` for `text:` in the first item of `corrections`, `tags.1`
 * for the second `- item`. Follows indentation and list dashes (compact `- key: value` items
 * included), skips comments and the lines of block scalars (`|`, `>`), and carries a plain value
 * onto the more-indented lines that continue it.
 */
function valueLines({ lines, first, end }: YamlLines): ValueLine[] {
  interface Frame {
    column: number;
    segment: string | number;
    isKey: boolean;
    /** A key with nothing after its colon: what follows, more indented or a list at its column, is its value. */
    opensBlock: boolean;
    /** A key whose value is plain text, which may run onto more-indented lines. */
    plain: boolean;
    items: number;
  }
  const stack: Frame[] = [];
  const found: ValueLine[] = [];
  let literalAbove: number | undefined;
  for (let at = first; at < end; at += 1) {
    const line = lines[at] ?? '';
    if (/^\s*$/.test(line)) continue;
    const indent = /^\s*/.exec(line)![0].length;
    if (literalAbove !== undefined && indent > literalAbove) continue;
    literalAbove = undefined;
    if (line[indent] === '#') {
      // A comment line, unless it sits under a plain value: then the editor meant it as the value's next line.
      const top = stack.at(-1);
      if (top?.plain && indent > top.column) found.push({ at, path: stack.map((frame) => frame.segment), column: indent, value: line.slice(indent), continued: true });
      continue;
    }
    let column = indent;
    let rest = line.slice(indent);
    const dash = /^-(\s+|$)/.test(rest);
    for (let top = stack.at(-1); top && (top.column > column || (top.column === column && !(dash && top.isKey && top.opensBlock))); top = stack.at(-1)) stack.pop();
    let item = false;
    for (let bullet = /^-(?:\s+|$)/.exec(rest); bullet; bullet = /^-(?:\s+|$)/.exec(rest)) {
      const parent = stack.at(-1);
      stack.push({ column, segment: parent ? parent.items++ : 0, isKey: false, opensBlock: false, plain: false, items: 0 });
      column += bullet[0].length;
      rest = rest.slice(bullet[0].length);
      item = true;
    }
    const key = KEY.exec(rest);
    const path = () => stack.map((frame) => frame.segment);
    if (key) {
      // A key with only a comment after it holds no value on its line: `image:   # optional`.
      const value = rest.slice(key[0].length).replace(/^#.*/, '');
      stack.push({ column, segment: key[1]!.trim(), isKey: true, opensBlock: value === '', plain: value !== '' && !NOT_PLAIN.test(value), items: 0 });
      found.push({ at, path: path(), column: column + [...key[0]].length, value, continued: false });
      if (/^[|>]/.test(value)) literalAbove = indent;
    } else if (item) {
      found.push({ at, path: path(), column, value: rest, continued: false });
      if (/^[|>]/.test(rest)) literalAbove = indent;
    } else {
      const top = stack.at(-1);
      if (top?.isKey && top.opensBlock) {
        // The value starts on the line after its key.
        top.opensBlock = false;
        top.plain = !NOT_PLAIN.test(rest);
        found.push({ at, path: path(), column, value: rest, continued: false });
      } else if (top?.plain) {
        found.push({ at, path: path(), column, value: rest, continued: true });
      }
    }
  }
  return found;
}

const textPaths = new WeakMap<z.ZodType, ReadonlySet<string>>();

/**
 * Copy YAML would cut short without a word: an unquoted value of a text field holding " #"
 * (YAML starts a comment there, so `title: We're #1 again` keeps only "We're"). The text fields
 * are the schema's own (src/schemas/fields.ts `textFieldPaths`), so a new one is checked the day
 * it is declared. `text` is a Markdown file's front matter, or with `whole`, a YAML file (a
 * author's profile). Returns the dotted field (`corrections.0.text`), line and column of each,
 * counted as a text editor counts.
 */
export function truncatedByComments(text: string, schema: z.ZodType, { whole = false }: { whole?: boolean } = {}): { field: string; message: string }[] {
  const block = whole ? yamlFileLines(text) : frontMatterLines(text);
  if (!block) return [];
  let fields = textPaths.get(schema);
  if (!fields) textPaths.set(schema, (fields = new Set(textFieldPaths(schema))));
  const found: { field: string; message: string }[] = [];
  for (const { at, path, column, value, continued } of valueLines(block)) {
    if (!fields.has(path.map((segment) => (typeof segment === 'number' ? '*' : segment)).join('.'))) continue;
    // Where the comment starts: at a # after white space (a space or a tab: YAML 1.2 §6.6), or at
    // the start of a continued line.
    const start = continued ? /(^|\s)#/.exec(value) : /[ \t]#/.exec(value);
    if (!start || (!continued && NOT_PLAIN.test(value))) continue;
    const hash = start.index + start[0].length - 1;
    found.push({
      field: path.join('.'),
      message: `line ${at + 1}, column ${column + [...value.slice(0, hash)].length + 1}: expected the whole value, found "${start[0].startsWith('\t') ? '<tab>#' : ' #'}", where YAML starts a comment and drops the rest ("${value.slice(hash).trim()}"): put the value in double quotes`,
    });
  }
  return found;
}
