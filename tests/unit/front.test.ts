import { describe, expect, it } from 'vitest';
import type { ArticleType } from '../../src/model/article-types';
import { frontOf, shownOnFront, type FrontPiece } from '../../src/model/front';
import type { SectionFront } from '../../src/model/sections';

/** A piece for the front's rules: its name, section, hours before the clock, and what the front matter marks. */
interface Piece extends FrontPiece {
  name: string;
  section: string;
}
const NOW = new Date('2026-11-28T00:00:00Z');
const piece = (name: string, section: string, hoursAgo: number, marks: { prominence?: 'lead' | 'top'; type?: ArticleType; status?: Piece['status'] } = {}): Piece => ({
  name,
  section,
  published: { instant: new Date(NOW.getTime() - hoursAgo * 3_600_000) },
  prominence: marks.prominence,
  type: marks.type ?? 'news',
  status: marks.status ?? 'published',
});
const MASTHEAD = ['World', 'Politics', 'Europe'];
/** The front of `pieces` (any order: sorted newest first here, as the catalogue hands them over). */
function front(pieces: Piece[], settings: Partial<{ leadHours: number; topStories: number; rowSize: number }> = {}) {
  const articles = pieces.toSorted((a, b) => b.published.instant.getTime() - a.published.instant.getTime());
  const sections: SectionFront<Piece>[] = MASTHEAD.map((name) => ({ name, slug: name.toLowerCase(), articles: articles.filter((one) => one.section === name) })).filter(
    (section) => section.articles.length > 0,
  );
  const chosen = frontOf(articles, sections, { now: NOW, leadHours: 72, topStories: 4, rowSize: 3, ...settings });
  return {
    lead: chosen.lead?.name,
    top: chosen.top.map((one) => one.name),
    rows: chosen.rows.map((row) => [row.section.name, row.articles.map((one) => one.name)]),
    shown: shownOnFront(chosen).map((one) => one.name),
  };
}

describe('the lead', () => {
  it.each([
    ['the newest piece marked lead within the window', [piece('old', 'World', 1), piece('marked', 'World', 10, { prominence: 'lead' })], 'marked'],
    ['the newer of two leads', [piece('lead-a', 'World', 30, { prominence: 'lead' }), piece('lead-b', 'World', 20, { prominence: 'lead' })], 'lead-b'],
    ['the newest piece when no lead is marked', [piece('older', 'World', 5), piece('newest', 'Politics', 2)], 'newest'],
    ['the newest piece when the marked lead has aged out of the window', [piece('aged', 'World', 73, { prominence: 'lead' }), piece('fresh', 'Politics', 10)], 'fresh'],
    ['an aged-out lead that is still the newest piece, as the newest', [piece('aged', 'World', 73, { prominence: 'lead' }), piece('older', 'World', 80)], 'aged'],
    ['a lead exactly 72 hours old is out of the window, so the newest leads', [piece('edge', 'World', 72, { prominence: 'lead' }), piece('newer', 'World', 71)], 'newer'],
    ['never paid content, even marked lead', [piece('paid', 'World', 1, { type: 'sponsored', prominence: 'lead' }), piece('news', 'World', 2)], 'news'],
    ['never paid content, even as the newest piece', [piece('paid', 'World', 1, { type: 'sponsored' }), piece('news', 'World', 200)], 'news'],
    ['nothing when every piece is paid content', [piece('paid', 'World', 1, { type: 'sponsored' })], undefined],
    ['nothing on an empty site', [], undefined],
    ['never a draft or a scheduled piece (in preview)', [piece('draft', 'World', 1, { prominence: 'lead', status: 'draft' }), piece('soon', 'World', -5, { status: 'scheduled' }), piece('out', 'World', 9)], 'out'],
    ['an opinion piece, when marked', [piece('comment', 'World', 3, { type: 'opinion', prominence: 'lead' }), piece('news', 'World', 1)], 'comment'],
  ])('is %s', (_, pieces, lead) => {
    expect(front(pieces).lead).toBe(lead);
  });
});

describe('top stories', () => {
  it.each([
    ['the newest top pieces and older leads, newest first', [piece('lead', 'World', 2, { prominence: 'lead' }), piece('old-lead', 'World', 40, { prominence: 'lead' }), piece('top', 'Politics', 10, { prominence: 'top' }), piece('plain', 'Europe', 1)], ['top', 'old-lead']],
    ['none outside the window', [piece('lead', 'World', 1, { prominence: 'lead' }), piece('stale', 'World', 100, { prominence: 'top' })], []],
    ['at most topStories', [1, 2, 3, 4, 5, 6].map((n) => piece(`top-${n}`, 'World', n, { prominence: 'top' })), ['top-2', 'top-3', 'top-4', 'top-5']],
    ['never paid content, even marked lead or top', [piece('lead', 'World', 3, { prominence: 'lead' }), piece('paid', 'World', 1, { type: 'sponsored', prominence: 'lead' }), piece('paid-top', 'World', 2, { type: 'sponsored', prominence: 'top' })], []],
    ['not the fallback lead again, when it is marked top', [piece('top-newest', 'World', 1, { prominence: 'top' }), piece('top-older', 'World', 2, { prominence: 'top' })], ['top-older']],
  ])('are %s', (_, pieces, top) => {
    expect(front(pieces).top).toEqual(top);
  });

  it('is empty when topStories is 0', () => {
    expect(front([piece('a', 'World', 1, { prominence: 'top' }), piece('b', 'World', 2)], { topStories: 0 }).top).toEqual([]);
  });
});

describe('section rows', () => {
  const pieces = [
    piece('w1', 'World', 1, { prominence: 'lead' }),
    piece('w2', 'World', 2),
    piece('w3', 'World', 3, { prominence: 'top' }),
    piece('w4', 'World', 4),
    piece('w5', 'World', 5),
    piece('w6', 'World', 6),
    piece('p1', 'Politics', 7, { prominence: 'top' }),
    piece('e1', 'Europe', 500),
  ];

  it('follow the masthead, each with its newest pieces not shown above, and none left empty', () => {
    expect(front(pieces).rows).toEqual([
      ['World', ['w2', 'w4', 'w5']],
      ['Europe', ['e1']],
    ]);
  });

  it('show a story once on the whole front', () => {
    const { shown } = front(pieces);
    expect(shown).toEqual(['w1', 'w3', 'p1', 'w2', 'w4', 'w5', 'e1']);
    expect(new Set(shown).size).toBe(shown.length);
  });

  it('hold rowSize pieces at most', () => {
    expect(front(pieces, { rowSize: 1 }).rows).toEqual([
      ['World', ['w2']],
      ['Europe', ['e1']],
    ]);
  });

  it('leave a one-article site with its lead alone', () => {
    expect(front([piece('seed', 'World', 20_000)])).toEqual({ lead: 'seed', top: [], rows: [], shown: ['seed'] });
  });
});

describe('settings', () => {
  it.each([['leadHours', -1], ['topStories', 1.5], ['rowSize', Number.NaN]] as const)('refuses %s = %s', (key, value) => {
    expect(() => front([], { [key]: value })).toThrow(`front page: expected ${key} as a whole number, 0 or more, found ${value}`);
  });
});
