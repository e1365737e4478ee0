import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import type { Paragraph, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toHast } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/**
 * Inline Markdown, for short copy outside the body such as a correction: emphasis, strong, code
 * and links in one paragraph. Pictures, raw HTML and blocks (headings, lists, quotes, a second
 * paragraph) are refused by `inlineMarkdownProblem`, not dropped, so nothing an editor typed
 * disappears without a word.
 */

// Only what inline copy needs; addresses limited to the web, mail and the site's own paths
// (hast-util-sanitize's defaults, which drop javascript: and data:).
const INLINE_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: ['a', 'em', 'strong', 'code', 'del'],
  attributes: { a: ['href', 'rel'] },
  clobber: [],
};

function paragraphOf(markdown: string): { paragraph: Paragraph } | { problem: string } {
  const tree: Root = fromMarkdown(markdown);
  const [first, ...rest] = tree.children;
  if (!first || rest.length > 0 || first.type !== 'paragraph') {
    return { problem: 'expected inline Markdown in one paragraph (emphasis, links, code), found a block such as a heading, list, quote or second paragraph' };
  }
  let found: string | undefined;
  visit(first, (node) => {
    if (node.type === 'image' || node.type === 'imageReference') found ??= 'a picture';
    if (node.type === 'html') found ??= 'raw HTML';
    // A link the sanitiser would strip must not pass as a dead word: only the web, mail and the site's own paths.
    if (node.type === 'link' && /^[a-z][a-z0-9+.-]*:/i.test(node.url) && !/^(https?|mailto):/i.test(node.url)) found ??= `a link to "${node.url}" (expected an http(s) or mailto: address, or a path on this site)`;
  });
  return found ? { problem: `expected inline Markdown (emphasis, links, code), found ${found}` } : { paragraph: first };
}

/** Why `markdown` is not inline Markdown this site can show, or undefined when it is. */
export function inlineMarkdownProblem(markdown: string): string | undefined {
  const read = paragraphOf(markdown);
  return 'problem' in read ? read.problem : undefined;
}

/** A relative address resolved against a site path, as a site path: `../b/` against `/articles/a/` is `/articles/b/`. */
function resolvedPath(address: string, page: string): string {
  const url = new URL(address, new URL(page, 'https://site.invalid'));
  return `${url.pathname}${url.search}${url.hash}`;
}

/** How links in inline copy are written out. */
export interface InlineOptions {
  /** Moves root-relative addresses under the base path (src/model/urls.ts `rebaserFor`). */
  rebase?: ((address: string) => string) | undefined;
  /**
   * The site path (without the base) of the page the copy belongs to, `/articles/<slug>/`: a
   * relative address (`../other/`, `#anchor`) is resolved against it, so the copy links the same
   * wherever it is shown (the article's foot, the corrections log).
   */
  page?: string | undefined;
}

/**
 * Inline Markdown as HTML (no wrapping `<p>`) and as plain text (for JSON-LD), or why it is not
 * inline Markdown this site can show (`inlineMarkdownProblem`'s words), from one parse. External
 * links get rel="external noopener", as in the body.
 */
export function renderInlineMarkdown(markdown: string, { rebase, page }: InlineOptions = {}): { html: string; text: string } | { problem: string } {
  const read = paragraphOf(markdown);
  if ('problem' in read) return read;
  const hast = toHast(read.paragraph) as Element;
  const root: HastRoot = { type: 'root', children: hast.children as ElementContent[] };
  visit(root, 'element', (node) => {
    if (node.tagName !== 'a' || typeof node.properties['href'] !== 'string') return;
    // Schemes are case-insensitive (RFC 3986 §3.1) but the sanitiser's allowlist is not: HTTPS:// would lose its address.
    const typed = node.properties['href'].replace(/^[a-z][a-z0-9+.-]*:/i, (scheme) => scheme.toLowerCase());
    const href = page && !/^([a-z][a-z0-9+.-]*:|\/)/i.test(typed) ? resolvedPath(typed, page) : typed;
    node.properties['href'] = rebase ? rebase(href) : href;
    if (/^(https?:)?\/\//i.test(href)) node.properties['rel'] = ['external', 'noopener'];
  });
  return { html: toHtml(sanitize(root, INLINE_SCHEMA)), text: toString(read.paragraph) };
}
