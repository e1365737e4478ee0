import { describe, expect, it } from 'vitest';
import { correctionFeedItem } from '../../src/feeds/items';
import { correctionAnchor, correctionGroups, correctionHeading, correctionsLog, findCorrectionKind, type Correction } from '../../src/model/corrections';
import { toArticleDate } from '../../src/model/dates';
import { articleSchema } from '../../src/schemas/article';

const NY = 'America/New_York';
const note = (kind: Correction['kind'], date: string, text = `${kind} on ${date}`): Correction => ({ kind, date: toArticleDate(date, NY), html: text, text });

describe('findCorrectionKind', () => {
  it.each([
    ['correction', 'correction'],
    ['Clarification', 'clarification'],
    ['editors-note', 'editors-note'],
    ["Editor's note", 'editors-note'],
    ['editor’s note', 'editors-note'],
    ['Editors note', 'editors-note'],
    ['erratum', undefined],
    ['note', undefined],
  ])('%j → %s', (typed, kind) => {
    expect(findCorrectionKind(typed)).toBe(kind);
  });
});

describe('correctionHeading', () => {
  it.each([
    ['correction', 1, 'Correction'],
    ['correction', 2, 'Corrections'],
    ['clarification', 1, 'Clarification'],
    ['clarification', 3, 'Clarifications'],
    ['editors-note', 1, 'Editor’s note'],
    ['editors-note', 2, 'Editor’s notes'],
  ] as const)('%s × %i → %s', (kind, count, heading) => {
    expect(correctionHeading(kind, count)).toBe(heading);
  });
});

describe('the schema', () => {
  const valid = { title: 'T', standfirst: 'S', published: '2024-06-18', section: 'Asia', tags: ['NATO'] };
  const kinds = (corrections: unknown) => {
    const parsed = articleSchema.safeParse({ ...valid, corrections });
    return parsed.success ? parsed.data.corrections?.map((one) => one.kind) : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };
  it.each([
    ['a correction by default', [{ date: '2024-06-19', text: 'Fixed.' }], ['correction']],
    ['each kind as typed', [{ date: '2024-06-19', text: 'A', kind: 'Clarification' }, { date: '2024-06-20', text: 'B', kind: "editor's note" }], ['clarification', 'editors-note']],
    ['an unknown kind refused, naming the kinds', [{ date: '2024-06-19', text: 'A', kind: 'retraction' }], ['corrections.0.kind: expected one of the kinds correction, clarification, editors-note, found "retraction"']],
    ['a kind that is not text refused', [{ date: '2024-06-19', text: 'A', kind: 3 }], ['corrections.0.kind: expected a kind: correction, clarification or editors-note, found 3']],
    [
      'two notes on one day refused: each is known by its instant',
      [{ date: '2024-06-19', text: 'A' }, { date: '2024-06-19', text: 'B', kind: 'clarification' }],
      ['corrections.1.date: expected each note at a time of its own: corrections.0 is dated 2024-06-19 too; give one of them its time of day, e.g. 2024-06-19T10:00:00'],
    ],
    ['one day and a time on it are two instants', [{ date: '2024-06-19', text: 'A' }, { date: '2024-06-19T10:00:00-04:00', text: 'B' }], ['correction', 'correction']],
  ])('%s', (_label, corrections, expected) => {
    expect(kinds(corrections)).toEqual(expected);
  });
});

describe("an article's notes", () => {
  it('are grouped by kind in the order corrections, clarifications, editor’s notes, each oldest first', () => {
    const notes = [note('editors-note', '2024-06-20'), note('correction', '2024-06-19'), note('clarification', '2024-06-21'), note('correction', '2024-06-22')];
    expect(correctionGroups(notes).map(({ kind, notes: group }) => [kind, group.map((one) => one.date.datetime)])).toEqual([
      ['correction', ['2024-06-19', '2024-06-22']],
      ['clarification', ['2024-06-21']],
      ['editors-note', ['2024-06-20']],
    ]);
  });

  it.each([
    ['a day: midnight in New York', note('correction', '2024-06-19'), 'correction-20240619T040000Z'],
    ['a day in winter', note('correction', '2024-01-19'), 'correction-20240119T050000Z'],
    ['a time (stored in UTC)', note('correction', '2024-06-19T13:30:00.000Z'), 'correction-20240619T133000Z'],
  ])('have anchors from their instants, letters, digits and a dash: %s', (_label, one, anchor) => {
    expect(correctionAnchor(one)).toBe(anchor);
  });
});

describe('correctionsLog', () => {
  const article = (slug: string, status: string, corrections: Correction[]) => ({ slug, title: `Headline ${slug}`, language: { tag: 'en', direction: 'ltr' as const }, status, corrections });
  const log = correctionsLog([
    article('harbour', 'published', [note('correction', '2024-06-19'), note('editors-note', '2024-06-20'), note('clarification', '2024-06-21')]),
    article('budget', 'published', [note('correction', '2024-06-21')]),
    article('draft', 'draft', [note('correction', '2024-06-25')]),
    article('scheduled', 'scheduled', [note('correction', '2024-06-26')]),
  ]);

  it("lists the published articles' corrections and clarifications, newest first, ties by slug; no editor's note, no draft", () => {
    expect(log.map((entry) => [entry.article.slug, entry.kind, entry.date.datetime])).toEqual([
      ['budget', 'correction', '2024-06-21'],
      ['harbour', 'clarification', '2024-06-21'],
      ['harbour', 'correction', '2024-06-19'],
    ]);
  });

  it("links each to its note on the article, by the anchor the article gives it", () => {
    expect(log.map((entry) => entry.path)).toEqual([
      '/articles/budget/#correction-20240621T040000Z',
      '/articles/harbour/#correction-20240621T040000Z',
      '/articles/harbour/#correction-20240619T040000Z',
    ]);
  });

  it('gives each feed item that address as its id and link, titled with its kind, dated when the note was made', () => {
    const item = correctionFeedItem(log[1]!, 'https://news.example.org');
    expect(item).toMatchObject({
      url: 'https://news.example.org/articles/harbour/#correction-20240621T040000Z',
      title: 'Clarification: Headline harbour',
      summary: 'clarification on 2024-06-21',
      published: new Date('2024-06-21T04:00:00.000Z'),
      categories: ['Clarification'],
    });
    expect(item.contentHtml).toBe('<p>clarification on 2024-06-21</p><p><a href="https://news.example.org/articles/harbour/">Headline harbour</a></p>');
  });
});
