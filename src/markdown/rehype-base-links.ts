import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { URL_ATTRIBUTES } from './url-attributes.ts';

/** Options: how to move a root-relative address under the site's base path. */
export interface BaseLinkOptions {
  /**
   * Returns the address a reader should follow for an address written in copy; the site passes
   * `rebaseRootPath` from src/model/urls.ts, so URL building stays in one place. Leave it out
   * for a root deployment.
   */
  rebase?: ((address: string) => string) | undefined;
}

/**
 * Rebases root-relative addresses written in Markdown (`[NATO](/tags/nato/)`) onto the site's
 * base path, so copy written for a root deployment still works under `/news/`.
 */
export function rehypeBaseLinks({ rebase }: BaseLinkOptions = {}) {
  return (tree: Root) => {
    if (!rebase) return;
    visit(tree, 'element', (node) => {
      for (const name of URL_ATTRIBUTES) {
        const value = node.properties[name];
        if (typeof value === 'string') node.properties[name] = rebase(value);
      }
    });
  };
}
