import type { Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import { textOf } from './text-of.ts';


/**
 * Tables as news copy needs them. A column's alignment (GFM's `:---:`) becomes a class, since
 * HTML's `align` attribute is obsolete (HTML §16.2) and the CSP forbids inline styles. Each
 * table sits in a box of its own that scrolls sideways, so a wide results table never
 * makes the page wider than a phone's screen. The box is a labelled region that takes focus, so
 * keyboard users can scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable rule); its
 * name is the table's column headings.
 */
export function rehypeScrollingTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if ((node.tagName === 'td' || node.tagName === 'th') && typeof node.properties['align'] === 'string') {
        const align = node.properties['align'];
        delete node.properties['align'];
        if (['left', 'center', 'right'].includes(align)) {
          const classes = Array.isArray(node.properties['className']) ? node.properties['className'] : [];
          node.properties['className'] = [...classes, `align-${align}`];
        }
      }
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const headings = [] as string[];
      visit(node, 'element', (cell) => void (cell.tagName === 'th' && headings.push(textOf(cell).trim())));
      const label = headings.filter(Boolean).length > 0 ? `Table: ${headings.filter(Boolean).join(', ')}` : 'Table';
      parent.children[index] = h('div.table-scroll', { role: 'region', tabIndex: 0, ariaLabel: label }, [node]);
      return undefined;
    });
  };
}
