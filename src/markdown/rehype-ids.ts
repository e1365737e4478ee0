import type { Root } from 'hast';
import { slug } from 'github-slugger';
import { visit } from 'unist-util-visit';
import { textOf } from './text-of.ts';

/**
 * The prefix the sanitiser puts before every `id` copy brings (GitHub's schema, as
 * rehype-sanitize applies it), so copy cannot clobber the page's own ids or DOM globals.
 */
export const COPY_ID_PREFIX = 'user-content-';

/**
 * Runs after the sanitiser: a link within the copy (`#fn-1`, or `#x` to a raw `<a id="x">`) points
 * at the id as the sanitiser renamed it (`#user-content-fn-1`), as GitHub's own page script
 * does in the browser. Links to ids the copy does not have are left alone.
 */
export function rehypeCopyFragmentLinks() {
  return (tree: Root) => {
    const ids = new Set<string>();
    visit(tree, 'element', (node) => {
      if (typeof node.properties['id'] === 'string') ids.add(node.properties['id']);
    });
    visit(tree, 'element', (node) => {
      const href = node.properties['href'];
      if (typeof href !== 'string' || !href.startsWith('#')) return;
      // The fragment as written and as decoded (`#fn-quelle-%C3%BC` names `fn-quelle-ü`); a
      // malformed escape is simply not decoded.
      const written = href.slice(1);
      let decoded = written;
      try {
        decoded = decodeURIComponent(written);
      } catch {
        // Keep it as written.
      }
      if (ids.has(written) || ids.has(decoded)) return;
      const target = [written, decoded].find((id) => ids.has(`${COPY_ID_PREFIX}${id}`));
      if (target !== undefined) node.properties['href'] = `#${COPY_ID_PREFIX}${target}`;
    });
  };
}

/** Options: the ids the page around the copy uses (its chrome), which copy must never take. */
export interface UniqueIdOptions {
  reserved: readonly string[];
}


/**
 * Every id in the copy unique on the page. Headings get ids as Astro would give them (GitHub's
 * slugs of their text, numbered on repeats), but never one the chrome uses (`## Main` becomes
 * `main-1`, not the skip link's `main`) nor one already taken; any other id copy brings that
 * repeats one is numbered the same way. Astro keeps ids that are already set (rehypeHeadingIds).
 */
export function rehypeUniqueIds({ reserved }: UniqueIdOptions) {
  return (tree: Root) => {
    const taken = new Set(reserved);
    // The number each wanted id's next repeat starts counting from: every number below it was
    // taken when it was tried, and taken ids stay taken, so the first free one is never skipped,
    // and a body of thousands of like headings is numbered in linear time, not quadratic.
    const counted = new Map<string, number>();
    const claim = (wanted: string) => {
      let id = wanted;
      if (taken.has(id)) {
        let n = counted.get(wanted) ?? 1;
        while (taken.has(`${wanted}-${n}`)) n += 1;
        id = `${wanted}-${n}`;
        counted.set(wanted, n + 1);
      }
      taken.add(id);
      return id;
    };
    // Ids the copy sets itself are claimed first, in document order, so a heading never takes one.
    visit(tree, 'element', (node) => {
      const id = node.properties['id'];
      if (typeof id === 'string') node.properties['id'] = claim(id);
    });
    visit(tree, 'element', (node) => {
      if (!/^h[1-6]$/.test(node.tagName) || typeof node.properties['id'] === 'string') return;
      // A heading with no letters still needs a non-empty id (HTML §3.2.6.2).
      node.properties['id'] = claim(slug(textOf(node)) || 'heading');
    });
  };
}
