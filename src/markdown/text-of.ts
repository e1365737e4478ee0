import type { Element, Root, RootContent } from 'hast';
import { visit } from 'unist-util-visit';

/** Every text node's value under an element, joined as written (no white-space rules applied). */
export function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child) => void (text += child.value));
  return text;
}

/** Elements whose content a reader does not see: code, a player's fallback, embedded documents. */
const UNSEEN = new Set(['script', 'style', 'template', 'noscript', 'audio', 'video', 'iframe', 'object', 'head']);
/** Elements that begin and end a line: their text never runs into the next one's. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * The text a reader sees in a tree, as `innerText` would give it roughly: text nodes in order,
 * a space at the edges of every block (so list items and table cells stay apart), and nothing of
 * elements a reader does not see (UNSEEN, and GitHub's `sr-only` footnotes heading). Alt text is
 * not text. For counting words (src/markdown/reading-time.ts).
 */
export function readerText(tree: Root | Element): string {
  let text = '';
  const walk = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') text += node.value;
      else if (node.type === 'element') {
        if (UNSEEN.has(node.tagName) || (node.properties['className'] as string[] | undefined)?.includes('sr-only')) continue;
        const block = BLOCKS.has(node.tagName);
        if (block) text += ' ';
        walk(node.children);
        if (block) text += ' ';
      }
    }
  };
  walk(tree.children);
  return text;
}
