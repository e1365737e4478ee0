import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A page has one `h1`, the headline: a `# heading` in the body (or a raw `<h1>`) becomes an `h2`,
 * so the document outline and screen readers' heading lists stay right (WCAG 1.3.1).
 */
export function rehypeBodyHeadings() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'h1') node.tagName = 'h2';
    });
  };
}
