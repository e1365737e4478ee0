import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const HEADING = /^h([1-6])$/;

/**
 * The levels a body's headings take on the page, from the levels the copy gave them (1–6, in
 * document order): the page's one `h1` is the headline, so the body's outline starts at 2, and a
 * heading is at most one level below the heading it falls under, so no level is skipped however
 * the copy begins (`###` first) or jumps (`##` then `####`). A heading falls under the nearest
 * heading before it that the copy gave a higher level (a smaller number); headings the copy put at
 * one level under the same parent stay at one level. Levels past 6 stay at 6, as HTML has no h7.
 *
 * The rule is WCAG 2.2 technique G141 ("Organizing a page using headings") and axe's
 * `heading-order` rule, which the suite holds every page to.
 *
 *   bodyHeadingLevels([3, 4, 3])    → [2, 3, 2]
 *   bodyHeadingLevels([2, 4, 6, 2]) → [2, 3, 4, 2]
 *   bodyHeadingLevels([1, 1])       → [2, 2]
 */
export function bodyHeadingLevels(levels: readonly number[]): number[] {
  // The open sections: each heading's level in the copy and on the page, outermost first.
  const open: { copy: number; page: number }[] = [];
  return levels.map((copy) => {
    while (open.length > 0 && open.at(-1)!.copy >= copy) open.pop();
    const page = Math.min(6, open.length === 0 ? 2 : open.at(-1)!.page + 1);
    open.push({ copy, page });
    return page;
  });
}

/**
 * Re-levels the body's headings (Markdown's and raw HTML's alike) by bodyHeadingLevels, so the
 * page's outline and screen readers' heading lists stay right whatever level the copy starts at
 * (WCAG 1.3.1). The footnotes' heading (GFM's, inside `<section data-footnotes>`) closes every
 * section of the copy: it is always at the body's top level, whatever levels the copy used. Runs
 * after the sanitiser, so only headings that reach the page count.
 */
export function rehypeBodyHeadings() {
  return (tree: Root) => {
    const headings: { node: Element; copy: number }[] = [];
    visit(tree, 'element', (node, _index, parent) => {
      const level = HEADING.exec(node.tagName);
      if (!level) return;
      const footnotes = parent?.type === 'element' && parent.tagName === 'section' && parent.properties['dataFootnotes'] !== undefined;
      headings.push({ node, copy: footnotes ? 1 : Number(level[1]) });
    });
    const levels = bodyHeadingLevels(headings.map(({ copy }) => copy));
    headings.forEach(({ node }, i) => (node.tagName = `h${levels[i]}`));
  };
}
