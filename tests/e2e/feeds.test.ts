import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { contentProblems, ensureXmllint, parseXml, RFC3339, RFC822, xmllintErrors } from '../support/feeds';
import { readingBlocks } from '../support/html';
import { ARTICLE_PATH, HEADLINE, PARAGRAPHS } from '../support/seed';

const SITE = 'https://broadsheet.example';
const ARTICLE_URL = `${SITE}${ARTICLE_PATH}`;
const TAGS = ['NATO', 'China', 'Russia', 'Ukraine', 'Jens Stoltenberg', 'Vladimir Putin', 'Xi Jinping'];
// The kind of piece leads the categories: the seed is reporting (issue 22), never relabelled.
const CATEGORIES = ['News', ...TAGS];
const TAG_SLUGS = ['nato', 'china', 'russia', 'ukraine', 'jens-stoltenberg', 'vladimir-putin', 'xi-jinping'];
const PUBLISHED = '2024-06-18T04:00:00.000Z';

async function get(path: string): Promise<string> {
  const response = await fetch(inject('origin') + path);
  expect(response.status, path).toBe(200);
  return response.text();
}

const rssParser: Parser<Record<string, unknown>, { 'content:encoded'?: string; creator?: string; guid?: string; id?: string; content?: string }> =
  new Parser({ customFields: { item: ['content:encoded'] } });
const extraEntry = (entry: Record<string, any>) => ({
  html: entry['content:encoded'] ?? entry.content?.['#text'] ?? entry.content ?? entry.content_html,
  guid: entry.guid?.['#text'] ?? entry.guid ?? entry.id,
});

const XML_FEEDS = ['/rss.xml', '/atom.xml', ...TAG_SLUGS.map((slug) => `/tags/${slug}/rss.xml`)];

describe('every feed, read by two third-party parsers', () => {
  const feeds = new Map<string, string>();
  beforeAll(async () => {
    ensureXmllint();
    for (const path of [...XML_FEEDS, '/feed.json']) feeds.set(path, await get(path));
  });

  it.each(XML_FEEDS)('%s is well-formed XML (xmllint)', (path) => {
    expect(xmllintErrors(feeds.get(path)!)).toBe('');
  });

  it.each(['/rss.xml', '/atom.xml', ...TAG_SLUGS.map((slug) => `/tags/${slug}/rss.xml`)])(
    '%s through rss-parser: the article, absolute links, full text, date, categories',
    async (path) => {
      const feed = await rssParser.parseString(feeds.get(path)!);
      expect(feed.items).toHaveLength(1);
      const [item] = feed.items;
      expect(item!.title).toBe(HEADLINE);
      expect(item!.link).toBe(ARTICLE_URL);
      expect(item!.guid ?? item!.id).toBe(ARTICLE_URL);
      expect(new Date(item!.isoDate!).toISOString()).toBe(PUBLISHED);
      // rss-parser reads RSS categories only; Atom's are checked below.
      if (path.endsWith('rss.xml')) expect(item!.categories).toEqual(CATEGORIES);
      const html = item!['content:encoded'] ?? item!.content!;
      expect(readingBlocks(html)).toEqual(PARAGRAPHS);
    },
  );

  it.each([...XML_FEEDS, '/feed.json'])('%s through @extractus/feed-extractor agrees', (path) => {
    const text = feeds.get(path)!;
    const options = { descriptionMaxLen: 0, getExtraEntryFields: extraEntry };
    const feed = path.endsWith('.json') ? extractFromJson(text, options) : extractFromXml(text, options);
    expect(feed.entries).toHaveLength(1);
    const [entry] = feed.entries!;
    expect(entry!.title).toBe(HEADLINE);
    expect(entry!.link).toBe(ARTICLE_URL);
    expect(entry!['guid']).toBe(ARTICLE_URL);
    expect(new Date(entry!.published!).toISOString()).toBe(PUBLISHED);
    // RSS and Atom carry the standfirst as the summary; JSON Feed readers fall back to the text.
    expect(entry!.description?.startsWith(PARAGRAPHS[0]!)).toBe(true);
    expect(readingBlocks(String(entry!['html']))).toEqual(PARAGRAPHS);
  });
});

describe('the W3C Feed Validation Service rules', () => {
  it.each(['/rss.xml', ...TAG_SLUGS.map((slug) => `/tags/${slug}/rss.xml`)])('RSS %s', async (path) => {
    const { rss } = parseXml(await get(path));
    const channel = rss.channel;
    // A self link, equal to the address the feed is served at.
    expect(channel['atom:link']).toEqual([{ '@_href': `${SITE}${path}`, '@_rel': 'self', '@_type': 'application/rss+xml' }]);
    expect(channel.language).toBe('en');
    expect(channel.lastBuildDate).toMatch(RFC822);
    const [item] = channel.item;
    expect(item.pubDate).toMatch(RFC822);
    // lastBuildDate is the newest item's date, never the clock.
    expect(channel.lastBuildDate).toBe(item.pubDate);
    // A permalink guid is the item's link.
    expect(item.link).toEqual([ARTICLE_URL]);
    expect(item.guid).toEqual({ '#text': ARTICLE_URL, '@_isPermaLink': 'true' });
    // RSS's <author> must be an e-mail address: a name goes in dc:creator only, never both.
    expect(item.author).toBeUndefined();
    expect(item['dc:creator']).toEqual(['Breitbart News']);
    expect(item.category).toEqual(CATEGORIES);
    // Plain-text summary; HTML with only absolute references and nothing executable.
    expect(item.description).toBe(PARAGRAPHS[0]);
    expect(contentProblems(item['content:encoded'])).toEqual([]);
  });

  it('Atom /atom.xml', async () => {
    const { feed } = parseXml(await get('/atom.xml'));
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${SITE}/`);
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.link).toContainEqual({ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': `${SITE}/atom.xml` });
    expect(feed.author).toEqual([{ name: 'Broadsheet' }]);
    const [entry] = feed.entry;
    expect(entry.id).toBe(ARTICLE_URL);
    expect(entry.published).toBe(PUBLISHED);
    expect(entry.updated).toBe(PUBLISHED);
    expect(feed.updated).toBe(entry.updated);
    expect(entry.author).toEqual([{ name: 'Breitbart News' }]);
    // The kind first, in its own scheme (the /types/ page that explains it), then the tags.
    expect(entry.category[0]).toEqual({ '@_term': 'news', '@_scheme': `${SITE}/types/`, '@_label': 'News' });
    expect(entry.category.slice(1).map((c: Record<string, string>) => c['@_term'])).toEqual(TAGS);
    expect(entry.summary).toEqual({ '#text': PARAGRAPHS[0], '@_type': 'text' });
    expect(entry.content['@_type']).toBe('html');
    expect(contentProblems(entry.content['#text'])).toEqual([]);
  });

  it('JSON Feed /feed.json has every key version 1.1 requires, and the right types', async () => {
    const feed = JSON.parse(await get('/feed.json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Broadsheet');
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    expect(feed.home_page_url).toBe(`${SITE}/`);
    expect(feed.language).toBe('en');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item.id).toBe(ARTICLE_URL);
    expect(typeof item.content_html).toBe('string');
    expect(item.date_published).toMatch(RFC3339);
    expect(item.tags).toEqual(CATEGORIES);
    expect(item.authors).toEqual([{ name: 'Breitbart News' }]);
    expect(item).not.toHaveProperty('author');
    expect(contentProblems(item.content_html)).toEqual([]);
  });

  it('serves feeds with the right content types on hosts that read _headers', () => {
    const headers = readFileSync(join(inject('siteDir'), '_headers'), 'utf8');
    expect(headers).toContain('/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8');
    expect(headers).toContain('/tags/*/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8');
    expect(headers).toContain('/atom.xml\n  Content-Type: application/atom+xml; charset=utf-8');
    expect(headers).toContain('/feed.json\n  Content-Type: application/feed+json; charset=utf-8');
  });
});
