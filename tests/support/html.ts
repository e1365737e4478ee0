import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';

const fragments = rehype().data('settings', { fragment: true });

function classes(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The text of each paragraph and caption in an HTML fragment, in document order, whitespace
 * folded: what a reader reads, block by block. Notes that are not copy (`.figure-note`) are left out.
 */
export function readingBlocks(html: string): string[] {
  const tree = fragments.parse(html) as Root;
  const blocks: string[] = [];
  visit(tree, 'element', (node) => {
    if ((node.tagName === 'p' && !classes(node).includes('figure-note')) || node.tagName === 'figcaption') {
      blocks.push(toText(node).replace(/\s+/g, ' ').trim());
      return 'skip';
    }
    return undefined;
  });
  return blocks;
}
