import { describe, expect, it } from 'vitest';
import { seriesNotices, seriesProblems } from '../../src/checks/series';
import { boxLines, compareReadingOrder, groupSeries, partClashes, partCount, seriesBox, seriesSlug } from '../../src/model/series';
import { ARTICLE_TYPE_NAMES, findType, isLabelled, schemaTypes } from '../../src/model/article-types';
import { labelsOf } from '../../src/model/articles';

const day = (d: number) => ({ instant: new Date(Date.UTC(2026, 10, d)) });
const piece = (slug: string, d: number, part?: number, series = 'Harbour Inquiry') => ({
  slug,
  title: `Title ${slug}`,
  part,
  series,
  published: day(d),
  language: { tag: 'en', direction: 'ltr' as const },
});

describe('reading order', () => {
  it.each([
    ['by part', [piece('c', 1, 3), piece('a', 3, 1), piece('b', 2, 2)], ['a', 'b', 'c']],
    ['parts before pieces without one', [piece('loose', 1), piece('p2', 5, 2), piece('p1', 6, 1)], ['p1', 'p2', 'loose']],
    ['pieces without a part by publication, oldest first', [piece('late', 9), piece('early', 2), piece('mid', 5)], ['early', 'mid', 'late']],
    ['a gap in the parts kept as it is', [piece('p4', 1, 4), piece('p1', 2, 1)], ['p1', 'p4']],
    ['ties by slug, never by file order', [piece('b', 1), piece('a', 1)], ['a', 'b']],
  ])('is %s', (_, pieces, order) => {
    expect(pieces.toSorted(compareReadingOrder).map((one) => one.slug)).toEqual(order);
  });
});

describe('series names', () => {
  it.each([
    ['Harbour Inquiry', 'harbour-inquiry'],
    ['harbour  INQUIRY', 'harbour-inquiry'],
    ['Ukraine: the front line', 'ukraine-the-front-line'],
    ['港口調查', '港口調查'],
  ])('%j is /series/%s/', (name, slug) => {
    expect(seriesSlug(name)).toBe(slug);
  });

  it('groups spellings that differ in case and spacing, named as most pieces spell it, in reading order', () => {
    const grouped = groupSeries([piece('b', 2, 2, 'harbour inquiry'), piece('a', 1, 1), piece('c', 3, 3), piece('x', 1, undefined, 'Other')], (one) => one.series);
    expect(grouped.map((one) => [one.name, one.slug, one.articles.map((a) => a.slug)])).toEqual([
      ['Harbour Inquiry', 'harbour-inquiry', ['a', 'b', 'c']],
      ['Other', 'other', ['x']],
    ]);
  });

  it('refuses two spellings that would share a page but differ in more than case', () => {
    expect(() => groupSeries([piece('a', 1, 1, 'C#'), piece('b', 2, 2, 'C')], (one) => one.series)).toThrow('Series "C#" and "C" would share /series/c/');
  });
});

describe('parts', () => {
  it.each([
    ['pieces without parts', [undefined, undefined], 0],
    ['parts 1 to 3', [1, 2, 3], 3],
    ['part 4 out before part 3', [1, 2, 4], 4],
    ['parts and a piece without one (a letter is no part)', [1, 2, undefined], 2],
  ])('"of m" counts %s as %i', (_, parts, count) => {
    expect(partCount(parts.map((part) => ({ part })))).toBe(count);
  });

  it('finds every part claimed twice, whatever the spelling of the series, and nothing else', () => {
    const clashes = partClashes(
      [
        { file: 'a.md', series: 'Harbour Inquiry', part: 2 },
        { file: 'b.md', series: 'harbour  inquiry', part: 2 },
        { file: 'c.md', series: 'Harbour Inquiry', part: 3 },
        { file: 'd.md', series: 'Other', part: 2 },
        { file: 'e.md', series: 'Harbour Inquiry', part: undefined },
        { file: 'f.md', series: 'Harbour Inquiry', part: undefined },
      ],
      (one) => one.series,
      (one) => one.part,
    );
    expect(clashes.map((clash) => [clash.slug, clash.part, clash.articles.map((one) => one.file)])).toEqual([['harbour-inquiry', 2, ['a.md', 'b.md']]]);
  });

  it('words a clash for the editor, naming both files on each', () => {
    expect(seriesProblems([
      { file: 'content/articles/a.md', series: 'Harbour Inquiry', part: 2 },
      { file: 'content/articles/b.md', series: 'harbour inquiry', part: 2 },
    ])).toEqual([
      { file: 'content/articles/a.md', field: 'part', message: 'expected one piece per part of a series: content/articles/b.md also claims part 2 of "Harbour Inquiry" (renumber one of them)' },
      { file: 'content/articles/b.md', field: 'part', message: 'expected one piece per part of a series: content/articles/a.md also claims part 2 of "harbour inquiry" (renumber one of them)' },
    ]);
  });

  it('words two spellings that would merge, with their code points', () => {
    expect(seriesProblems([
      { file: 'a.md', series: 'C#' },
      { file: 'b.md', series: 'C' },
    ]).map((problem) => [problem.file, problem.field, problem.message])).toEqual([
      ['a.md', 'series', 'expected series names that keep their own page: "C#" (U+0043 U+0023) and "C" (U+0043) would share /series/c/ (use one spelling)'],
      ['b.md', 'series', 'expected series names that keep their own page: "C" (U+0043) and "C#" (U+0043 U+0023) would share /series/c/ (use one spelling)'],
    ]);
  });
});

describe('seriesBox', () => {
  it('holds the name, the count and each piece by slug, title and part, in reading order', () => {
    const [series] = groupSeries([piece('two', 2, 2), piece('one', 1, 1), piece('four', 4, 4)], (one) => one.series);
    expect(seriesBox(series!)).toEqual({
      name: 'Harbour Inquiry',
      slug: 'harbour-inquiry',
      count: 4,
      pieces: [
        { slug: 'one', title: 'Title one', part: 1, language: { tag: 'en', direction: 'ltr' } },
        { slug: 'two', title: 'Title two', part: 2, language: { tag: 'en', direction: 'ltr' } },
        { slug: 'four', title: 'Title four', part: 4, language: { tag: 'en', direction: 'ltr' } },
      ],
    });
  });
});

describe('types', () => {
  it.each([
    ['news', ['NewsArticle', 'ReportageNewsArticle'], false],
    ['analysis', ['NewsArticle', 'AnalysisNewsArticle'], true],
    ['opinion', ['NewsArticle', 'OpinionNewsArticle'], true],
    ['explainer', ['NewsArticle', 'BackgroundNewsArticle'], true],
    ['review', ['NewsArticle', 'ReviewNewsArticle'], true],
    ['interview', ['NewsArticle'], true],
    ['obituary', ['NewsArticle'], true],
    ['letter', ['NewsArticle'], true],
    ['sponsored', ['NewsArticle', 'AdvertiserContentArticle'], true],
  ] as const)('%s is JSON-LD %j, labelled: %s', (type, schema, labelled) => {
    expect(schemaTypes(type)).toEqual(schema);
    expect(isLabelled(type)).toBe(labelled);
  });

  it('lists every kind the table holds, news first', () => {
    expect(ARTICLE_TYPE_NAMES).toEqual(['news', 'analysis', 'opinion', 'explainer', 'review', 'interview', 'obituary', 'letter', 'sponsored']);
  });

  it.each([
    ['Analysis', 'analysis'],
    [' OPINION ', 'opinion'],
    ['analysys', undefined],
    ['toString', undefined],
    ['__proto__', undefined],
  ])('reads %j as %s', (typed, type) => {
    expect(findType(typed)).toBe(type);
  });

  it.each([
    ['news', [['Asia', '/sections/asia/']]],
    ['analysis', [['Asia', '/sections/asia/'], ['Analysis', '/types/analysis/']]],
    ['sponsored', [['Asia', '/sections/asia/'], ['Paid content', '/types/sponsored/']]],
  ] as const)('a %s piece is labelled %j', (type, labels) => {
    expect(labelsOf({ section: 'Asia', type }).map((label) => [label.text, label.path])).toEqual(labels);
  });
});

describe('boxLines', () => {
  const shown = (lines: ReturnType<typeof boxLines>) => lines.map((line) => ('gap' in line ? `…${line.gap}` : String(line.piece))).join(' ');
  it.each([
    [1, 0, '0'],
    [12, 5, '0 1 2 3 4 5 6 7 8 9 10 11'],
    [60, 0, '0 1 2 …56 59'],
    [60, 30, '0 …27 28 29 30 31 32 …26 59'],
    [60, 59, '0 …56 57 58 59'],
    [60, 3, '0 1 2 3 4 5 …53 59'],
    [13, 6, '0 …3 4 5 6 7 8 …3 12'],
  ])('a series of %i pieces, at piece %i, lists %s', (count, at, expected) => {
    expect(shown(boxLines(count, at))).toBe(expected);
  });

  it('refuses a piece that is not in the series', () => {
    expect(() => boxLines(3, -1)).toThrow('series box: no piece -1 of 3');
  });
});

describe('seriesNotices', () => {
  const claims = (parts: (number | undefined)[], series = 'Harbour Inquiry') => parts.map((part, i) => ({ file: `p${i}.md`, series, part }));
  it.each([
    ['parts 1 to 3', claims([1, 2, 3]), []],
    ['pieces without parts', claims([undefined, undefined]), []],
    ['parts 1 and 3', claims([1, 3]), ['p1.md part: part 3 of "Harbour Inquiry" is numbered past a part no file claims (2): a mistyped part number, or parts still to be written? Readers see "Part 3 of 3"']],
    ['parts 2 and 20 (a mistyped 3?)', claims([2, 20]), ['p1.md part: part 20 of "Harbour Inquiry" is numbered past parts no file claims (1, 3, 4, 5, 6 and 13 more): a mistyped part number, or parts still to be written? Readers see "Part 20 of 20"']],
    ['two series, one with a gap', [...claims([1, 2], 'A'), ...claims([1, 4], 'B').map((c) => ({ ...c, file: `b-${c.file}` }))], ['b-p1.md part: part 4 of "B" is numbered past parts no file claims (2, 3): a mistyped part number, or parts still to be written? Readers see "Part 4 of 4"']],
  ])('%s', (_, pieces, expected) => {
    expect(seriesNotices(pieces).map((notice) => `${notice.file} ${notice.field}: ${notice.message}`)).toEqual(expected);
  });
});
