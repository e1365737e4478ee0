import type { Element, ElementContent, Root } from 'hast';

/** Elements that hold only phrasing content (HTML § 3.2.5.2.5), and links: no block, no player, may sit in one. */
const PHRASING_HOLDERS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'span', 'sub', 'sup', 'small', 'mark', 'q', 'cite',
  'abbr', 'code', 'dfn', 'time', 'label', 'kbd', 'samp', 'var', 'bdi', 'bdo', 'data',
]);

/** Drops the white space an element ends with (where a lifted embed stood): a heading's id is made from its text. */
function trimEnd(node: Element): void {
  const last = node.children.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  else if (last?.type === 'element') trimEnd(last);
}

/**
 * Moves each element `moves` picks out of the phrasing elements around it (PHRASING_HOLDERS),
 * to just after the outermost of them, and drops a holder left empty (a paragraph that held
 * only the embed, the link around it). Order is kept: elements lifted from one holder follow it
 * in the order they were in. `holders` narrows which elements count (a player may sit in a
 * paragraph, not in a link).
 */
export function liftOutOfPhrasing(tree: Root, moves: (node: ElementContent) => node is Element, holders: ReadonlySet<string> = PHRASING_HOLDERS): void {
  const lifted = new Map<Element, Element[]>();
  const walk = (node: Root | Element, outer: Element | undefined) => {
    node.children = (node.children as ElementContent[]).filter((child) => {
      if (outer && moves(child)) {
        lifted.set(outer, [...(lifted.get(outer) ?? []), child]);
        return false;
      }
      if (child.type === 'element') walk(child, outer ?? (holders.has(child.tagName) ? child : undefined));
      return true;
    });
  };
  walk(tree, undefined);
  if (lifted.size === 0) return;
  const empty = (node: Element): boolean => node.children.every((child) => (child.type === 'text' ? child.value.trim() === '' : child.type === 'element' && holders.has(child.tagName) && empty(child)));
  const place = (node: Root | Element) => {
    node.children = (node.children as ElementContent[]).flatMap((child): ElementContent[] => {
      if (child.type !== 'element') return [child];
      place(child);
      const out = lifted.get(child);
      if (out) trimEnd(child);
      return out ? [...(empty(child) ? [] : [child]), ...out] : [child];
    });
  };
  place(tree);
}

/** Links alone as holders: what may sit in a paragraph but not in a link (a player, another link). */
export const LINK_HOLDERS: ReadonlySet<string> = new Set(['a']);
