import { describe, expect, it } from 'vitest';
import { checkRendered, type RenderedEntry } from '../../src/checks/rendered';
import { updateMediaClashes, updateProblems, type StoryFacts, type UpdateClaim } from '../../src/checks/updates';
import { excerpt } from '../../src/feeds/items';
import { updatesChannel, updatesFeedContent } from '../../src/feeds/channels';
import { labelsOf, toArticle, type Article } from '../../src/model/articles';
import { toArticleDate } from '../../src/model/dates';
import { compareUpdates, coverageOf, KEY_EVENTS_LIMIT, toLiveUpdate, updateAnchor, updateHeading, updatePermalink, type LiveUpdate, type UpdateInput } from '../../src/model/live';
import { newsArticle } from '../../src/model/metadata';
import { searchDocuments } from '../../src/search/documents';
import type { SearchShard } from '../../src/model/search-shards';
import { publisherOf } from '../../src/model/about';
import { updateSchema } from '../../src/schemas/update';
import { SITE } from '../../src/site';

const ZONE = 'America/New_York';
const NOW = new Date('2026-11-28T17:00:00Z');
const PUBLISHED = toArticleDate('2026-11-28T12:00:00.000Z', ZONE);

/** An update as the build hands it over: `minute` minutes past 12:00 UTC on 28 November 2026. */
function input(id: string, minute: number, data: Partial<UpdateInput['data']> = {}): UpdateInput {
  const published = new Date(Date.UTC(2026, 10, 28, 12, minute)).toISOString();
  return { id, file: `content/updates/${id}.md`, data: { story: 'summit', published, key: false, ...data }, html: `<p>${id}.</p>`, text: `${id}.`, media: [] };
}
const update = (id: string, minute: number, data: Partial<UpdateInput['data']> = {}): LiveUpdate => toLiveUpdate(input(id, minute, data), ZONE);
const ids = (updates: readonly LiveUpdate[]) => updates.map((one) => one.id);

describe('coverageOf: a live story at the build clock', () => {
  it('is undefined for a piece that was never live (no field, no updates)', () => {
    expect(coverageOf(undefined, PUBLISHED, [], NOW)).toBeUndefined();
  });

  it.each([
    ['newest first', [update('a', 5), update('c', 90), update('b', 30)], ['update-c', 'update-b', 'update-a']],
    ['one instant: by anchor, whatever the file order', [update('z', 5), update('m', 5), update('a', 5)], ['update-a', 'update-m', 'update-z']],
    ['updates after the clock held back', [update('early', 10), update('late', 5 * 60 + 1), update('on-the-clock', 5 * 60)], ['update-on-the-clock', 'update-early']],
  ])('lists its updates %s', (_label, updates, expected) => {
    expect(ids(coverageOf(true, PUBLISHED, updates, NOW)!.updates)).toEqual(expected);
  });

  it(`lists at most ${KEY_EVENTS_LIMIT} key events, the newest, and only key updates published by the clock`, () => {
    const updates = [
      ...Array.from({ length: 12 }, (_, n) => update(`key-${String(n).padStart(2, '0')}`, n * 10, { key: true })),
      update('plain', 125),
      update('key-later', 6 * 60, { key: true }),
    ];
    const coverage = coverageOf(true, PUBLISHED, updates, NOW)!;
    expect(ids(coverage.keyEvents)).toEqual(Array.from({ length: 10 }, (_, n) => `update-key-${String(11 - n).padStart(2, '0')}`));
    expect(coverage.updates).toHaveLength(13);
  });

  it.each([
    // live, updates, start, end, latest (minutes past 12:00 UTC; undefined: none)
    ['running, with updates', true, [update('a', 10), update('b', 40)], 10, undefined, 40],
    ['running, none yet', true, [], 0, undefined, undefined],
    ['running, only a held-back one', true, [update('late', 9 * 60)], 0, undefined, undefined],
    ['ended, with updates', false, [update('a', 10), update('b', 40)], 10, 40, 40],
    ['ended, without any', false, [], 0, 0, undefined],
  ] as const)('times its coverage: %s', (_label, live, updates, start, end, latest) => {
    const at = (minutes: number | undefined) => (minutes === undefined ? undefined : new Date(Date.UTC(2026, 10, 28, 12, minutes)));
    const coverage = coverageOf(live, PUBLISHED, [...updates], NOW)!;
    expect(coverage.live).toBe(live);
    expect(coverage.start.instant).toEqual(at(start));
    expect(coverage.end?.instant).toEqual(at(end));
    expect(coverage.latest?.instant).toEqual(at(latest));
  });

  it('compares newest first', () => {
    expect(compareUpdates(update('a', 1), update('b', 2))).toBeGreaterThan(0);
    expect(compareUpdates(update('a', 1), update('b', 1))).toBeLessThan(0);
  });
});

describe.each([
  ['a plain name', 'summit-0915', 'update-summit-0915'],
  ['a name in a folder', 'day-2/summit-0915', 'update-day-2-summit-0915'],
])('updateAnchor: %s', (_label, id, anchor) => {
  it(`is ${anchor}`, () => expect(updateAnchor(id)).toBe(anchor));
});

describe('updateHeading', () => {
  it.each([
    ['its own title', { title: 'Leaders arrive' }, 'Leaders arrive'],
    ['its time in the newsroom zone, without one', {}, 'Update, 28 November 2026, 07:05 EST'],
  ])('is %s', (_label, data, heading) => {
    expect(updateHeading(update('a', 5, data), SITE.locale, ZONE)).toBe(heading);
  });
});

describe('updateProblems: the rules between an update and its story', () => {
  const stories: StoryFacts = new Map([
    ['harbour-summit', { file: 'content/articles/harbour-summit.md', published: '2026-11-28T12:00:00.000Z', live: true }],
    ['storm-passes', { file: 'content/articles/storm-passes.md', published: '2026-11-20', live: false }],
    ['budget-vote', { file: 'content/articles/budget-vote.md', published: '2026-11-18', live: undefined }],
    ['broken-story', undefined],
  ]);
  const claim = (story: string, published: string, id = 'one'): UpdateClaim => ({ file: `content/updates/${id}.md`, id, story, published });

  it.each([
    ['a running story, after its publication', claim('harbour-summit', '2026-11-28T12:05:00.000Z')],
    ['a running story, at its publication', claim('harbour-summit', '2026-11-28T12:00:00.000Z')],
    ['an ended story', claim('storm-passes', '2026-11-20T11:00:00.000Z')],
    ['a story published on a bare day, earlier that day', claim('storm-passes', '2026-11-20T05:30:00.000Z')],
    ['a story whose front matter has problems of its own (judged once it is fixed)', claim('broken-story', '2020-01-01T00:00:00.000Z')],
  ])('accepts an update to %s', (_label, update) => {
    expect(updateProblems([update], stories)).toEqual([]);
  });

  it.each([
    [
      'a story no article has, with the likeliest slug',
      claim('harbour-sumit', '2026-11-28T13:00:00.000Z'),
      'story',
      'expected the slug of a live story (its address is /articles/<slug>/), found "harbour-sumit", which no article has (did you mean "harbour-summit"?)',
    ],
    ['a story nothing is close to', claim('zzzzzzzzzzzz', '2026-11-28T13:00:00.000Z'), 'story', 'expected the slug of a live story (its address is /articles/<slug>/), found "zzzzzzzzzzzz", which no article has'],
    [
      'a story that is not live and never was',
      claim('budget-vote', '2026-11-19T10:00:00.000Z'),
      'story',
      'expected a live story, found "budget-vote", which is not one (content/articles/budget-vote.md has no live field). Mark the story live: true while coverage runs, and live: false (not removing the field) once it has ended',
    ],
    [
      'a time before its story was published',
      claim('harbour-summit', '2026-11-28T11:59:00.000Z'),
      'published',
      "expected a time on or after the story's publication (2026-11-28T07:00:00-05:00 in content/articles/harbour-summit.md), found 2026-11-28T06:59:00-05:00",
    ],
    ["a day before its story's day", claim('storm-passes', '2026-11-19T23:00:00.000Z'), 'published', "expected a time on or after the story's publication (2026-11-20 in content/articles/storm-passes.md), found 2026-11-19T18:00:00-05:00"],
  ])('refuses %s, naming the file and field', (_label, update, field, message) => {
    expect(updateProblems([update], stories)).toEqual([{ file: update.file, field, message }]);
  });

  it('refuses two files that make one anchor, each naming the other', () => {
    const [a, b] = [claim('harbour-summit', '2026-11-28T12:05:00.000Z', 'day-2/noon'), claim('harbour-summit', '2026-11-28T12:06:00.000Z', 'day-2-noon')];
    expect(updateProblems([a, b], stories)).toEqual([
      { file: a.file, field: 'file', message: `expected a file name of its own: ${b.file} also becomes the anchor #update-day-2-noon` },
      { file: b.file, field: 'file', message: `expected a file name of its own: ${a.file} also becomes the anchor #update-day-2-noon` },
    ]);
  });
});

describe('updateSchema', () => {
  it.each([
    ['an unknown field, with the one meant', { story: 's', published: '2026-11-28T09:00', keyy: true }, 'keyy'],
    ['a key that is not true or false', { story: 's', published: '2026-11-28T09:00', key: 'yes' }, 'key'],
    ['no story', { published: '2026-11-28T09:00' }, 'story'],
    ['no time', { story: 's' }, 'published'],
    ['an empty title', { story: 's', published: '2026-11-28T09:00', title: ' ' }, 'title'],
    ['a date without a time', { story: 's', published: '2026-11-28' }, 'published'],
  ])('refuses %s', (_label, data, field) => {
    const result = updateSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join() : ''))).toContain(field);
  });

  it('reads the time by the newsroom date rule and defaults key to false', () => {
    expect(updateSchema.parse({ story: 'summit', published: '2026-11-28T09:00' })).toEqual({ story: 'summit', published: '2026-11-28T14:00:00.000Z', key: false });
  });
});

/** A story as the build hands it to pages: checked, with updates, at the clock. */
function story(live: boolean | undefined, updates: UpdateInput[]): Article {
  const entry: RenderedEntry = {
    id: 'summit',
    filePath: 'content/articles/summit.md',
    data: { title: 'Summit', standfirst: 'Leaders meet.', published: '2026-11-28T12:00:00.000Z', section: 'World', tags: ['NATO'], type: 'news', draft: false, ...(live !== undefined && { live }) },
    rendered: { html: '<p>Summary.</p>', metadata: { frontmatter: { broadsheet: { readingMinutes: 1 } } } },
  };
  const [checked] = checkRendered([entry]);
  return toArticle({ ...checked!, updates }, NOW);
}

describe('a live story as pages, cards and feeds see it', () => {
  const running = story(true, [input('first', 5, { title: 'Leaders arrive', key: true, byline: ['Jane Roe'] }), input('second', 40), input('later', 9 * 60)]);
  const ended = story(false, [input('first', 5), input('last', 50)]);

  it('is modified at its latest published update, and cards show Live with that time only while it runs', () => {
    expect(running.modified.instant).toEqual(new Date(Date.UTC(2026, 10, 28, 12, 40)));
    expect(running.live?.latest.instant).toEqual(new Date(Date.UTC(2026, 10, 28, 12, 40)));
    expect(labelsOf(running).map((label) => label.text)).toEqual(['World', 'Live']);
    expect(ended.live).toBeUndefined();
    expect(labelsOf(ended).map((label) => label.text)).toEqual(['World']);
  });

  it('is a LiveBlogPosting with its coverage times and one BlogPosting per published update', () => {
    const site = 'https://example.org/';
    const node = newsArticle(running, site, publisherOf([]));
    expect(node['@type']).toEqual(['NewsArticle', 'ReportageNewsArticle', 'LiveBlogPosting']);
    expect(node.coverageStartTime).toBe('2026-11-28T07:05:00-05:00');
    expect(node).not.toHaveProperty('coverageEndTime');
    expect(node.liveBlogUpdate).toEqual([
      { '@type': 'BlogPosting', headline: 'Summit', datePublished: '2026-11-28T07:40:00-05:00', articleBody: 'second.', url: 'https://example.org/articles/summit/#update-second' },
      {
        '@type': 'BlogPosting',
        headline: 'Leaders arrive',
        datePublished: '2026-11-28T07:05:00-05:00',
        articleBody: 'first.',
        url: 'https://example.org/articles/summit/#update-first',
        author: [{ '@type': 'Person', name: 'Jane Roe' }],
      },
    ]);
    expect(newsArticle(ended, site, publisherOf([])).coverageEndTime).toBe('2026-11-28T07:50:00-05:00');
    expect(newsArticle(story(undefined, []), site, publisherOf([]))['@type']).toEqual(['NewsArticle', 'ReportageNewsArticle']);
  });

  it('has update feeds of its published updates, newest first, each with its permalink, expired once ended', () => {
    const site = new URL('https://example.org/');
    const feed = updatesChannel(updatesFeedContent(running as Article & { coverage: NonNullable<Article['coverage']> }), site, '/articles/summit/updates.json');
    expect(feed.items.map((item) => [item.url, item.title, item.categories])).toEqual([
      ['https://example.org/articles/summit/#update-second', 'Update, 28 November 2026, 07:40 EST', []],
      ['https://example.org/articles/summit/#update-first', 'Leaders arrive', ['Key event']],
    ]);
    expect(feed.items[1]!.live).toEqual({ datetime: '2026-11-28T07:05:00-05:00', time: '28 November 2026, 07:05 EST', titled: true, key: true, byline: 'By Jane Roe' });
    expect(feed.expired).toBe(false);
    expect(updatesChannel(updatesFeedContent(ended as Article & { coverage: NonNullable<Article['coverage']> }), site, '/x').expired).toBe(true);
  });
});

describe('updateMediaClashes: files published beside the story', () => {
  const file = (name: string, digest: string) => ({ source: `./${name}`, name, fsPath: `/x/${name}`, type: 'image/jpeg', length: 1, digest });
  const story = { slug: 'summit', file: 'content/articles/summit.md', media: [file('photo.jpg', 'A')] };
  const posted = (id: string, ...media: ReturnType<typeof file>[]): UpdateInput => ({ ...input(id, 5), media });

  it.each([
    ['a name of its own', [posted('a', file('crowd.jpg', 'B'))], []],
    ["the story's own file, the same bytes", [posted('a', file('photo.jpg', 'A'))], []],
    ['one file in two updates', [posted('a', file('crowd.jpg', 'B')), posted('b', file('crowd.jpg', 'B'))], []],
  ])('accepts %s', (_label, updates, expected) => {
    expect(updateMediaClashes([story], new Map([['summit', updates]]))).toEqual(expected);
  });

  it.each([
    ["the story's file name with other bytes", [posted('a', file('photo.jpg', 'Z'))], 'content/updates/a.md', 'content/articles/summit.md'],
    ["another update's file name with other bytes", [posted('a', file('crowd.jpg', 'B')), posted('b', file('crowd.jpg', 'C'))], 'content/updates/b.md', 'content/updates/a.md'],
  ])('refuses %s, naming both files', (_label, updates, refused, other) => {
    const [name] = [updates.at(-1)!.media[0]!.name];
    expect(updateMediaClashes([story], new Map([['summit', updates]]))).toEqual([
      { file: refused, field: 'body', message: `"./${name}": expected a file name of its own: ${other} publishes another file as /media/summit/${name}, beside which the story's files are published; rename one of them` },
    ]);
  });
});

describe('update permalinks and summaries', () => {
  it.each([
    ['an ASCII anchor', 'update-summit-0915', 'https://example.org/articles/s/#update-summit-0915'],
    ['an anchor with accents, percent-encoded', 'update-café', 'https://example.org/articles/s/#update-caf%C3%A9'],
  ])('gives %s', (_label, anchor, url) => {
    expect(updatePermalink('https://example.org/articles/s/', anchor)).toBe(url);
    expect(decodeURIComponent(new URL(url).hash.slice(1))).toBe(anchor);
  });

  it.each([
    ['short text as it is', 'Leaders arrive.', 20, 'Leaders arrive.'],
    ['long text cut at a word', 'Leaders arrive at the centre before noon.', 20, 'Leaders arrive at…'],
    ['one long word cut where it must be', 'Aaaaaaaaaaaaaaaaaaaaaaaaaa', 10, 'Aaaaaaaaa…'],
    ['code points, not UTF-16 units', '🇺🇦🇺🇦🇺🇦 flags', 4, '🇺🇦🇺…'],
  ])('excerpts %s', (_label, text, length, expected) => {
    expect(excerpt(text, length)).toBe(expected);
    expect([...excerpt(text, length)].length).toBeLessThanOrEqual(length);
  });
});

describe("a live story's search document", () => {
  const digest = (article: Article) => searchDocuments([{ name: 'shard', articles: [article] } as SearchShard<Article>]).documents[0]!.digest;

  it('keeps its digest when an update is posted (search shows the summary, not the updates), and changes it when what search shows does', () => {
    const before = story(true, [input('first', 5)]);
    expect(digest(story(true, [input('first', 5), input('second', 40, { key: true })]))).toBe(digest(before));
    // Coverage ended: the Live label leaves the result's labels.
    expect(digest(story(false, [input('first', 5)]))).not.toBe(digest(before));
  });
});
