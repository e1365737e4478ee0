import type { Nodes, Parent, Root } from 'mdast';
import { markdownToMdast } from 'satteri';
import type { Plugin } from 'unified';

/**
 * The kinds of copy Sätteri's parser does not read as remark-parse (with GFM) does, each with the
 * pattern that finds it in a body. A body with any of them is parsed by remark-parse; every other
 * body by Sätteri, which gives the same mdast (positions included) about five times faster.
 * tests/unit/markdown-parsers.test.ts shows, for each kind, copy on which the two parsers differ,
 * and holds them equal on every other body it tries: the fixtures, the CommonMark spec's examples
 * and generated Markdown. Sätteri 0.11.7 (the version package.json pins) against remark-parse
 * 11 / micromark 4, compared 2026-12-05; a kind is struck off only when that test says so.
 */
export const REMARK_ONLY: readonly { kind: string; pattern: RegExp }[] = [
  // Emoji and other astral characters: Sätteri classifies them differently around emphasis
  // delimiters and bare addresses ("~~!*~~😀" is struck through by one parser only).
  { kind: 'a character outside Unicode’s Basic Multilingual Plane (an emoji)', pattern: /[\uD800-\uDFFF]/ },
  { kind: 'a tab or a line indented four spaces (indented code)', pattern: /\t|^ {4}/m },
  // NUL, vertical tab, form feed, NEL (what "…" becomes when Windows-1252 is read as Latin-1)…
  {
    kind: 'a control character or non-ASCII white space',
    pattern: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/,
  },
  // An emoji written as a reference is classified as Sätteri classifies a written emoji; so are
  // the references the parsers must replace (0, surrogates, past U+10FFFF).
  {
    kind: 'a numeric character reference to U+D800 or above, or to 0',
    pattern:
      /&#(?:x0*(?:0|[d-f][\da-f]{3}|[1-9a-f][\da-f]{4,})|0*(?:0|5529[6-9]|55[3-9]\d\d|5[6-9]\d{3}|[6-9]\d{4}|[1-9]\d{5,}));/i,
  },
  { kind: 'a list or indented code inside a block quote', pattern: /^ {0,3}>[ >]*(?:(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)| {4})/m },
  { kind: 'an e-mail address (@)', pattern: /@/ },
  { kind: 'raw HTML or an autolink (<)', pattern: /</ },
  { kind: 'a table (|)', pattern: /\|/ },
  { kind: 'a backslash (an escape or a hard line break)', pattern: /\\/ },
  { kind: 'code (` or a ~~~ fence)', pattern: /`|~~~/ },
  { kind: 'a footnote ([^)', pattern: /\[\^/ },
  { kind: 'a task list item ([ ] or [x])', pattern: /\[[ xX]\]/ },
  {
    kind: 'emphasis or strikethrough delimiters of different kinds side by side (*_, _*, ~*…)',
    pattern: /\*_|_\*|~\*|\*~|~_|_~/,
  },
  { kind: 'a bare address with * or _ in or after it', pattern: /(?:www\.|:\/\/)\S*?[*_]/ },
];

/** Which parser reads `markdown`: remark-parse, naming the first kind of copy that sends it there, or Sätteri. */
export function parserFor(markdown: string): { parser: 'satteri' } | { parser: 'remark'; kind: string } {
  const found = REMARK_ONLY.find(({ pattern }) => pattern.test(markdown));
  return found ? { parser: 'remark', kind: found.kind } : { parser: 'satteri' };
}

/**
 * Sätteri's reading of `markdown` as mdast, with GFM and no front matter (Astro strips it before
 * rendering). Sätteri can leave two text nodes side by side (after a bare address it links); they
 * are joined into one, spanning both, as remark-parse (mdast-util-from-markdown) always joins them.
 */
export function satteriMdast(markdown: string): Root {
  const tree = markdownToMdast(markdown, { features: { gfm: true, frontmatter: false } }) as Root;
  joinTexts(tree);
  return tree;
}

function joinTexts(node: Nodes): void {
  if (!('children' in node)) return;
  const children: Nodes[] = [];
  for (const child of node.children) {
    const last = children.at(-1);
    if (last?.type === 'text' && child.type === 'text') {
      last.value += child.value;
      if (last.position && child.position) last.position = { start: last.position.start, end: child.position.end };
    } else children.push(child);
  }
  (node as Parent).children = children as Parent['children'];
  for (const child of children) joinTexts(child);
}

/**
 * A remark plugin that puts Sätteri (a native Markdown parser) in place of remark-parse for the
 * bodies it reads exactly as remark-parse does (parserFor), keeping every remark and rehype plugin
 * after it. It must come after remark-parse and remark-gfm, as Astro's processor adds them
 * (@astrojs/markdown-remark src/index.ts): it keeps their parser for the rest.
 */
export const remarkSatteri: Plugin<[], Root> = function () {
  const remarkParser = this.parser;
  if (!remarkParser) throw new Error('remarkSatteri: no parser before it; it must follow remark-parse');
  this.parser = (document, file) =>
    parserFor(document).parser === 'satteri' ? satteriMdast(document) : remarkParser(document, file);
};
