import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRendered, type RenderedEntry } from '../../src/checks/rendered';
import { archiveOf, cardOf, CARD_FIELDS, selectArticles, type Article } from '../../src/model/articles';
import type { Author } from '../../src/model/authors';
import { articleKey, authorKey, cacheKey, keyedPath, pageKey } from '../../src/model/cache-keys';
import { paginate, type Page } from '../../src/model/pagination';
import { searchShards } from '../../src/model/search-shards';
import { TMP } from '../support/paths';

/** One published article, built the way the catalogue builds it (each call a new object, as each build makes). */
function article(id: string, data: Partial<RenderedEntry['data']> = {}, html = '<p>Body.</p>'): Article {
  const entry: RenderedEntry = {
    id,
    filePath: `content/articles/${id}.md`,
    data: { title: id, standfirst: `About ${id}.`, published: '2024-06-18', section: 'Asia', tags: ['NATO'], type: 'news', draft: false, ...data },
    rendered: { html, metadata: { frontmatter: { broadsheet: { readingMinutes: 3 } } } },
  };
  return selectArticles(checkRendered([entry]), { now: new Date('2026-01-01T00:00:00Z') })[0]!;
}

describe('cacheKey', () => {
  it('is the same for the same parts, and differs when any part does', () => {
    expect(cacheKey('a', 1, [2])).toBe(cacheKey('a', 1, [2]));
    expect(cacheKey('a', 1, [2])).not.toBe(cacheKey('a', 1, [3]));
    expect(cacheKey('a', 1)).not.toBe(cacheKey('a1'));
  });
});

// The props each keyed route hands its page (src/pages/), built as the routes build them.
const masthead = [{ name: 'Asia', slug: 'asia' }];
const articlePage = (page: Article, related: Article[], older?: Article) => pageKey({ article: page, related: related.map(cardOf), older: older && cardOf(older), newer: undefined, masthead });
const listingPage = (items: Article[]) => pageKey({ page: paginate(items.map(cardOf), 20)[0]!, masthead });
const tagFeed = (items: Article[]) => pageKey({ tag: { name: 'NATO', slug: 'nato', articles: items } });

describe.each([
  ['a body correction', { html: '<p>Body, corrected.</p>' }, { article: true, card: false }],
  ['a headline change', { data: { title: 'Another headline' } }, { article: true, card: true }],
  ['a standfirst change', { data: { standfirst: 'Another standfirst.' } }, { article: true, card: true }],
  ['a new publication time', { data: { published: '2024-06-19' } }, { article: true, card: true }],
  ['a section change', { data: { section: 'Europe' } }, { article: true, card: true }],
  ['a tag change', { data: { tags: ['NATO', 'China'] } }, { article: true, card: false }],
  // Cards show the credit (issue 22).
  ['a byline', { data: { byline: ['A. Writer (fixture)'] } }, { article: true, card: true }],
  ['a type', { data: { type: 'analysis' } }, { article: true, card: true }],
  ['a prominence', { data: { prominence: 'top' } }, { article: true, card: false }],
  ['a series', { data: { series: 'Inquiry', part: 2 } }, { article: true, card: false }],
  ['a language', { data: { language: 'fr' } }, { article: true, card: true }],
  ['nothing', {}, { article: false, card: false }],
] as const)('after %s', (_, change, expected) => {
  const before = article('x');
  const after = article('x', 'data' in change ? (structuredClone(change.data) as Partial<RenderedEntry['data']>) : {}, 'html' in change ? change.html : undefined);

  it(`the article page's own key ${expected.article ? 'changes' : 'stays'}`, () => {
    expect(articleKey(after) !== articleKey(before)).toBe(expected.article);
    expect(articlePage(after, []) !== articlePage(before, [])).toBe(expected.article);
  });

  it(`the key of pages that list it as a card ${expected.card ? 'changes' : 'stays'}`, () => {
    expect(listingPage([after]) !== listingPage([before])).toBe(expected.card);
    const page = article('page');
    expect(articlePage(page, [after]) !== articlePage(page, [before])).toBe(expected.card);
    expect(articlePage(page, [], after) !== articlePage(page, [], before)).toBe(expected.card);
  });

  it(`a feed carrying it ${expected.article ? 'changes' : 'stays'}`, () => {
    expect(tagFeed([after]) !== tagFeed([before])).toBe(expected.article);
  });
});

describe('cardOf', () => {
  it('holds exactly the card fields, one object per article', () => {
    const x = article('x');
    expect(Object.keys(cardOf(x)).sort()).toEqual([...CARD_FIELDS].sort());
    expect(cardOf(x)).toBe(cardOf(x));
    expect(cardOf(cardOf(x))).toBe(cardOf(x));
  });
});

describe('pageKey', () => {
  it('is the same for equal props built apart, and differs when anything nested does', () => {
    const props = () => ({ year: '2024', months: [{ month: '06', count: 2 }], masthead: [{ name: 'Asia', slug: 'asia' }] });
    expect(pageKey(props())).toBe(pageKey(props()));
    expect(pageKey({ ...props(), months: [{ month: '06', count: 3 }] })).not.toBe(pageKey(props()));
    expect(pageKey({ ...props(), masthead: [...props().masthead, { name: 'Europe', slug: 'europe' }] })).not.toBe(pageKey(props()));
    expect(pageKey({ ...props(), masthead: [] })).not.toBe(pageKey(props()));
  });

  it('tells a string from an object holding the same words', () => {
    expect(pageKey({ a: '[1]' })).not.toBe(pageKey({ a: [1] }));
    expect(pageKey({ a: undefined })).toBe(pageKey({}));
  });

  it('keyedPath returns the params, the props and their key', () => {
    const props = { page: 1 };
    expect(keyedPath({ slug: 'x' }, props)).toEqual({ params: { slug: 'x' }, props, cacheKey: pageKey(props) });
  });
});

describe('authorKey', () => {
  /** A profile whose portrait throws when its metadata is read, as Astro's proxy would publish the original. */
  function profile(bio: string, digest: string): Author {
    const src = new Proxy({}, { get: () => { throw new Error('the portrait metadata was read'); }, ownKeys: () => { throw new Error('the portrait metadata was read'); } });
    return { slug: 'a', file: 'a.yaml', name: 'A. Writer', role: 'Reporter', bio, image: { src, alt: 'A portrait', digest }, links: [], expertise: [], fediverse: undefined };
  }

  it('keys the profile by its portrait digest, and page keys holding it never read the portrait', () => {
    const author = profile('Bio.', 'd1');
    const key = authorKey(author);
    expect(pageKey({ author, page: 1 })).toBe(pageKey({ author, page: 1 }));
    expect(authorKey(profile('Bio.', 'd1'))).toBe(key);
    expect(authorKey(profile('Bio.', 'd2'))).not.toBe(key);
    expect(authorKey(profile('Another bio.', 'd1'))).not.toBe(key);
  });
});

describe('a lead picture replaced by another file under the same name', () => {
  /** The article whose front matter's picture is `photo.jpg`, as a build sees it while the file holds `bytes`. */
  function pictured(bytes: Buffer): Article {
    const dir = join(TMP, 'cache-keys');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'photo.jpg'), bytes);
    const entry: RenderedEntry = {
      id: 'x',
      filePath: join(dir, 'x.md'),
      data: { title: 'x', standfirst: 'About x.', published: '2024-06-18', section: 'Asia', tags: ['NATO'], type: 'news', draft: false, image: { src: './photo.jpg', alt: 'A fixture picture', caption: 'Fixture caption.', afterParagraph: 0 } },
      rendered: { html: '<p>Body.</p>', metadata: { localImagePaths: ['./photo.jpg'], frontmatter: { broadsheet: { readingMinutes: 1 } } } },
    };
    return selectArticles(checkRendered([entry]), { now: new Date('2026-01-01T00:00:00Z') })[0]!;
  }
  const jpeg = (fill: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, fill)]);

  it('changes the key of the pages that show it as a thumbnail, and of its own page', () => {
    const before = pictured(jpeg(1));
    const after = pictured(jpeg(2));
    expect(after.leadImage?.fsPath).toBe(before.leadImage?.fsPath);
    expect(before.leadImage?.digest).not.toBe(after.leadImage?.digest);
    expect(listingPage([after])).not.toBe(listingPage([before]));
    expect(articleKey(after)).not.toBe(articleKey(before));
  });
});

describe('a listing page key', () => {
  const items = [article('a'), article('b')];
  const key = (heading: Record<string, string>, page: Page<Article>) => pageKey({ ...heading, page: { ...page, items: page.items.map(cardOf) }, masthead });
  const front: Page<Article> = { number: 'front', items, newer: null, older: null };
  const home = key({}, front);
  it.each([
    ['another listing', key({ tag: 'China' }, front)],
    ['another page number', key({}, { ...front, number: 2 })],
    ['an older page', key({}, { ...front, older: 1 })],
    ['a newer page', key({}, { ...front, newer: 3 })],
    ['another order', key({}, { ...front, items: [...items].reverse() })],
  ])('differs for %s', (_, other) => {
    expect(other).not.toBe(home);
  });

  // The routes' own pages (src/pages/[...page].astro): publishing one article changes the front's
  // key, and leaves every numbered page's key as it was.
  it('stays for every numbered page when an article is published', () => {
    const archive = Array.from({ length: 70 }, (_, i) => article(`a${i}`, { published: `2024-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}` })).reverse();
    const keys = (listed: Article[]) => new Map(paginate(listed.map(cardOf), 20).map((page) => [page.number, pageKey({ page, masthead })]));
    const before = keys(archive);
    const after = keys([article('new', { published: '2024-06-01' }), ...archive]);
    expect([...after.keys()]).toEqual(['front', 2, 1]);
    expect(after.get('front')).not.toBe(before.get('front'));
    expect([after.get(2), after.get(1)]).toEqual([before.get(2), before.get(1)]);
  });
});

describe('searchShards', () => {
  /** `count` articles published on the 1st of each month listed, in 2024 unless the month says a year. */
  function archive(months: Record<string, number>) {
    return archiveOf(
      selectArticles(
        Object.entries(months).flatMap(([month, count]) =>
          Array.from({ length: count }, (_, i) => {
            const day = month.includes('-') ? `${month}-01` : `2024-${month}-01`;
            return checkRendered([
              { id: `${month}-${i}`, filePath: `${month}-${i}.md`, data: { title: 't', standfirst: 's', published: day, section: 'Asia', tags: ['NATO'], type: 'news', draft: false }, rendered: { html: '<p>b</p>' } },
            ])[0]!;
          }),
        ),
        { now: new Date('2030-01-01T00:00:00Z') },
      ),
    );
  }
  const names = (months: Record<string, number>, limit: number) => searchShards(archive(months), limit).map((shard) => `${shard.name}:${shard.articles.length}`);

  it.each([
    ['a year under the limit is one shard', { '01': 2, '02': 3 }, 10, ['2024:5']],
    ['years are shards of their own, newest first', { '2023-05': 2, '2024-03': 1 }, 10, ['2024:1', '2023:2']],
    ['a year over the limit is split into runs of whole months, oldest first', { '01': 4, '02': 4, '03': 4 }, 10, ['2024-03:4', '2024-01:8']],
    ['a month over the limit is a shard of its own', { '01': 1, '02': 12, '03': 1 }, 10, ['2024-03:1', '2024-02:12', '2024-01:1']],
  ])('%s', (_, months, limit, expected) => {
    expect(names(months, limit)).toEqual(expected);
  });

  it('publishing in the newest month changes only the newest shard', () => {
    const before = searchShards(archive({ '01': 4, '02': 4, '03': 4 }), 10);
    const after = searchShards(archive({ '01': 4, '02': 4, '03': 5 }), 10);
    expect(after.slice(1).map((shard) => shard.articles.map((a) => a.slug))).toEqual(before.slice(1).map((shard) => shard.articles.map((a) => a.slug)));
    expect(after[0]!.articles).toHaveLength(5);
  });

  it('keeps every article exactly once, newest first within a shard', () => {
    const shards = searchShards(archive({ '01': 4, '02': 7, '03': 4, '2023-12': 3 }), 10);
    const slugs = shards.flatMap((shard) => shard.articles.map((a) => a.slug));
    expect(new Set(slugs).size).toBe(18);
    expect(slugs).toHaveLength(18);
    for (const shard of shards) {
      const times = shard.articles.map((a) => a.published.instant.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });
});
