import { describe, expect, it } from 'vitest';
import { checkRendered, type RenderedEntry } from '../../src/checks/rendered';
import { selectArticles, type ArticleInput } from '../../src/model/articles';
import { canonicalDate } from '../../src/model/dates';
import { newsSitemapXml } from '../../src/feeds/news-sitemap';
import { newsArticles, newsEntry, newsLanguage, NEWS_SITEMAP_LIMIT } from '../../src/model/news-sitemap';
import { XMLParser } from 'fast-xml-parser';

/**
 * A checked fixture article (the site's zone is America/New_York: EDT, -04:00, in June). Its date
 * is typed as an editor would and read as the content schema reads it.
 */
function entry(id: string, data: Partial<RenderedEntry['data']> = {}): ArticleInput {
  if (data.published) data = { ...data, published: canonicalDate(data.published, 'America/New_York')! };
  const [input] = checkRendered([
    {
      id,
      filePath: `content/articles/${id}.md`,
      data: { title: `Fixture ${id}`, standfirst: `About ${id}.`, published: '2024-06-18', section: 'Asia', tags: ['Fixtures'], type: 'news', draft: false, ...data },
      rendered: { html: '<p>Body.</p>', metadata: { frontmatter: { broadsheet: { readingMinutes: 1 } } } },
    },
  ]);
  return input!;
}

const BUILD_TIME = '2024-06-20T12:00:00Z';

describe('newsArticles: which articles the news sitemap lists', () => {
  describe.each([
    // [case, front matter, BUILD_TIME, listed?]
    ['published an hour before the build', { published: '2024-06-20T11:00:00Z' }, BUILD_TIME, true],
    ['published at the build instant', { published: '2024-06-20T12:00:00Z' }, BUILD_TIME, true],
    ['47 hours old', { published: '2024-06-18T13:00:00Z' }, BUILD_TIME, true],
    ['exactly 48 hours old', { published: '2024-06-18T12:00:00Z' }, BUILD_TIME, true],
    ['48 hours and a second old', { published: '2024-06-18T11:59:59Z' }, BUILD_TIME, false],
    ['49 hours old', { published: '2024-06-18T11:00:00Z' }, BUILD_TIME, false],
    ['a second in the future (scheduled)', { published: '2024-06-20T12:00:01Z' }, BUILD_TIME, false],
    // Offsets are instants: 08:00-04:00 is 12:00Z, 48 h before the build.
    ['written with an offset, exactly 48 h old', { published: '2024-06-18T08:00:00-04:00' }, BUILD_TIME, true],
    ['written with an offset, 48 h 1 min old', { published: '2024-06-18T07:59:00-04:00' }, BUILD_TIME, false],
    // A date alone is midnight in New York (04:00Z): 2024-06-18 is 56 h before the build, 06-19 32 h.
    ['a date alone, two days before', { published: '2024-06-18' }, BUILD_TIME, false],
    ['a date alone, the day before', { published: '2024-06-19' }, BUILD_TIME, true],
    ['a date alone, its New York midnight 48 h before', { published: '2024-06-18' }, '2024-06-20T04:00:00Z', true],
    ['a date alone, its New York midnight 48 h and a second before', { published: '2024-06-18' }, '2024-06-20T04:00:01Z', false],
    ['a draft, however recent', { published: '2024-06-20T11:00:00Z', draft: true }, BUILD_TIME, false],
    ['paid content, however recent', { published: '2024-06-20T11:00:00Z', type: 'sponsored' }, BUILD_TIME, false],
    ['analysis, an hour old', { published: '2024-06-20T11:00:00Z', type: 'analysis' }, BUILD_TIME, true],
  ] as const)('%s', (_, data, buildTime, listed) => {
    it.each([false, true])(`is ${listed ? '' : 'not '}listed (preview build: %s)`, (preview) => {
      const now = new Date(buildTime);
      const articles = selectArticles([entry('story', data), entry('old', { published: '2024-01-01' })], { now, preview });
      expect(newsArticles(articles, now).map((article) => article.slug)).toEqual(listed ? ['story'] : []);
    });
  });

  it('keeps the newest first and stops at the limit', () => {
    const now = new Date(BUILD_TIME);
    const inputs = Array.from({ length: 5 }, (_, hour) => entry(`h${hour}`, { published: `2024-06-20T0${hour}:00:00Z` }));
    const articles = selectArticles(inputs, { now });
    expect(newsArticles(articles, now, 3).map((article) => article.slug)).toEqual(['h4', 'h3', 'h2']);
    expect(NEWS_SITEMAP_LIMIT).toBe(1000);
  });
});

describe('newsLanguage: Google News language codes', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['pt-BR', 'pt'],
    ['ar', 'ar'],
    ['fil', 'fil'],
    ['zh', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-SG', 'zh-cn'],
    ['zh-Hant', 'zh-tw'],
    ['zh-TW', 'zh-tw'],
    ['zh-HK', 'zh-tw'],
    ['zh-Hans-HK', 'zh-cn'],
    ['zh-Hant-CN', 'zh-tw'],
  ])('%s → %s', (tag, code) => {
    expect(newsLanguage(tag)).toBe(code);
  });
});

describe('newsSitemapXml', () => {
  it('writes each entry with the publication, its language, an offset date-time and the headline, escaped', async () => {
    const now = new Date(BUILD_TIME);
    const [article] = selectArticles([entry('story', { published: '2024-06-20T09:30:00Z', title: 'Fixture: Q&A <live> "now"', language: 'zh-Hant' })], { now });
    const xml = await newsSitemapXml([newsEntry(article!, 'https://example.org/news/articles/story/', 'Broadsheet & Co', 'America/New_York')]);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(parsed.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(parsed.urlset.url).toEqual({
      loc: 'https://example.org/news/articles/story/',
      'news:news': {
        'news:publication': { 'news:name': 'Broadsheet & Co', 'news:language': 'zh-tw' },
        'news:publication_date': '2024-06-20T05:30:00-04:00',
        'news:title': 'Fixture: Q&A <live> "now"',
      },
    });
  });
});
