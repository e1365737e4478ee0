import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { withBase } from '../model/urls.ts';

const URL_PROPERTIES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * Rebases root-relative addresses written in Markdown (`[NATO](/tags/nato/)`) onto the site's
 * base path, so copy written for a root deployment still works under `/news/`. Relative, absolute
 * and protocol-relative (`//host`) addresses are left alone.
 */
export function rehypeBaseLinks(options: { base: string }) {
  const { base } = options;
  const rebase = (value: string) => (value.startsWith('/') && !value.startsWith('//') && !value.startsWith(base) ? withBase(base, value) : value);
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = rebase(value);
      }
    });
  };
}
