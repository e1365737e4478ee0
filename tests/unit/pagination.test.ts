import { describe, expect, it } from 'vitest';
import { paginate, type Page } from '../../src/model/pagination';

/** Items 1…n, newest first (n is the newest), as a listing hands them over. */
const listing = (n: number) => Array.from({ length: n }, (_, index) => n - index);
/** A page as one line: its number, first–last item, and its neighbours. */
const line = (page: Page<number>) =>
  `${page.number}: ${page.items.length ? `${page.items[0]}–${page.items.at(-1)}` : 'none'} newer ${page.newer} older ${page.older}`;

describe('paginate: a listing numbered from the oldest, 3 to a page', () => {
  it.each<[number, string[]]>([
    [0, ['front: none newer null older null']],
    [1, ['front: 1–1 newer null older null']],
    [5, ['front: 5–1 newer null older null']],
    [6, ['front: 6–4 newer null older 1', '1: 3–1 newer front older null']],
    [8, ['front: 8–4 newer null older 1', '1: 3–1 newer front older null']],
    [9, ['front: 9–7 newer null older 2', '2: 6–4 newer front older 1', '1: 3–1 newer 2 older null']],
    [10, ['front: 10–7 newer null older 2', '2: 6–4 newer front older 1', '1: 3–1 newer 2 older null']],
  ])('%d items: %j', (count, expected) => {
    expect(paginate(listing(count), 3).map(line)).toEqual(expected);
  });

  // What keeps a warm build small: one more article changes the front, and pages already
  // numbered keep their number, items and neighbours, except the page a new one is added above.
  it.each([[7], [8], [9], [200]])('publishing item %d leaves every numbered page as it was but the one a new page is added above', (newest) => {
    const before = new Map(paginate(listing(newest - 1), 3).filter((page) => page.number !== 'front').map((page) => [page.number, page]));
    const after = paginate(listing(newest), 3).filter((page) => page.number !== 'front');
    const added = after.filter((page) => !before.has(page.number)).map((page) => page.number);
    const changed = after.filter((page) => before.has(page.number) && JSON.stringify(before.get(page.number)) !== JSON.stringify(page)).map((page) => page.number);
    expect({ added, changed }).toEqual(newest % 3 === 0 && newest >= 6 ? { added: [newest / 3 - 1], changed: [newest / 3 - 2].filter((n) => n > 0) } : { added: [], changed: [] });
  });

  it('puts every item on exactly one page, in order, and no page under 3 but a lone front', () => {
    for (let count = 0; count <= 40; count += 1) {
      const pages = paginate(listing(count), 3);
      expect(pages.flatMap((page) => page.items)).toEqual(listing(count));
      for (const page of pages) expect(page.items.length).toBeLessThanOrEqual(page.number === 'front' ? 5 : 3);
      if (pages.length > 1) for (const page of pages) expect(page.items.length).toBeGreaterThanOrEqual(3);
    }
  });

  it.each([[0], [1.5], [-2], [Number.NaN]])('refuses a page size of %d', (size) => {
    expect(() => paginate([1], size)).toThrow(`page size: expected a whole number above 0, found ${size}`);
  });
});
