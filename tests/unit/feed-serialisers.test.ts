import { describe, expect, it } from 'vitest';
import { atomResponse } from '../../src/feeds/atom';
import type { FeedChannel, FeedItem } from '../../src/feeds/items';
import { jsonFeedResponse } from '../../src/feeds/json-feed';
import { rssResponse } from '../../src/feeds/rss';
import { htmlText, parseXml } from '../support/feeds';

/*
 * The three serialisers on one small hand-made channel, whole documents as inline snapshots, so a
 * change to any byte a feed reader sees shows up in review. The copy is hostile on purpose:
 * ampersands, angle brackets and quotes in every text field, non-Latin text, an item in another
 * language, one item published on a date alone (midnight in the site's zone, UTC here) and one at
 * a time of day with a later update, one picture.
 */
const dateOnly: FeedItem = {
  url: 'https://example.org/news/articles/fish-chips/',
  title: 'Fish & chips <b>not bold</b> "quoted" \'too\'',
  summary: 'A < B && C > D: "Tom & Jerry"',
  contentHtml: '<p>A &lt; B &amp;&amp; C</p><p><a href="https://example.org/news/tags/food/">food</a></p>',
  shortHtml: () => '<p>A &lt; B &amp;&amp; C &gt; D</p>',
  published: new Date('2024-06-18T00:00:00Z'),
  updated: undefined,
  categories: ['Food & Drink', '<script>'],
  type: { term: 'analysis', label: 'Analysis', scheme: 'https://example.org/types/' },
  authors: ['Zoë O\'Brien & Co.'],
  image: undefined,
  language: 'en-GB',
};
const timed: FeedItem = {
  url: 'https://example.org/news/articles/harbour/',
  title: '港口重開 — “harbour” reopens',
  summary: '颱風過後，港口重開。',
  contentHtml: '<p lang="zh-Hant">港口重開</p><figure><img src="https://example.org/news/media/harbour/photo.jpg" alt="Cranes &amp; quay"></figure>',
  shortHtml: () => '<p lang="zh-Hant">颱風過後，港口重開。</p>',
  published: new Date('2024-06-19T09:30:00Z'),
  updated: new Date('2024-06-20T13:05:00Z'),
  categories: ['港口'],
  type: { term: 'news', label: 'News', scheme: 'https://example.org/types/' },
  authors: ['陳大文', 'Jane Roe'],
  image: { url: 'https://example.org/news/media/harbour/photo.jpg', type: 'image/jpeg', length: 12345 },
  language: 'zh-Hant',
};
const channel: FeedChannel = {
  title: 'Broadsheet & Co. <News>',
  description: 'Stories "worth" reading & <b>more</b>',
  language: 'en-GB',
  homeUrl: 'https://example.org/news/',
  feedUrl: 'https://example.org/news/rss.xml',
  items: [timed, dateOnly],
  updated: timed.updated,
};
const empty: FeedChannel = { ...channel, items: [], updated: undefined };
/** The channel as served at another format's address (its self link). */
const at = (name: string, of = channel): FeedChannel => ({ ...of, feedUrl: `https://example.org/news/${name}` });

interface ReadBack {
  title: string;
  summary: string;
  published: string;
}

// What a feed reader shows for each item, read with an XML parser (and, for RSS's HTML
// description, an HTML parser after it): the copy exactly as written, in every format.
describe.each<[string, () => Promise<ReadBack[]>]>([
  [
    'RSS',
    async () =>
      parseXml(await (await rssResponse(channel)).text()).rss.channel.item.map((item: Record<string, string>) => ({
        title: item['title'],
        summary: htmlText(item['description']!),
        published: new Date(item['pubDate']!).toISOString(),
      })),
  ],
  [
    'Atom',
    async () =>
      parseXml(await (await atomResponse(at('atom.xml'), 'Broadsheet')).text()).feed.entry.map((entry: Record<string, { '#text': string }> & { published: string }) => ({
        title: entry['title']!['#text'],
        summary: entry['summary']!['#text'],
        published: entry.published,
      })),
  ],
  [
    'JSON Feed',
    async () =>
      JSON.parse(await (await jsonFeedResponse(at('feed.json'), 'Broadsheet')).text()).items.map((item: Record<string, string>) => ({
        title: item['title'],
        summary: item['summary'],
        published: item['date_published'],
      })),
  ],
])('%s read back as a feed reader reads it', (_format, read) => {
  it('gives every title and summary as written, and each publication instant', async () => {
    expect(await read()).toEqual([
      { title: '港口重開 — “harbour” reopens', summary: '颱風過後，港口重開。', published: '2024-06-19T09:30:00.000Z' },
      { title: 'Fish & chips <b>not bold</b> "quoted" \'too\'', summary: 'A < B && C > D: "Tom & Jerry"', published: '2024-06-18T00:00:00.000Z' },
    ]);
  });
});

describe('rssResponse', () => {
  it('writes RSS 2.0 with the HTML fields escaped twice and the plain ones once', async () => {
    const response = await rssResponse(channel);
    expect(response.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    expect(await response.text()).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Broadsheet &amp; Co. &lt;News&gt;</title><description>Stories &quot;worth&quot; reading &amp;#x26; &amp;#x3C;b&gt;more&amp;#x3C;/b&gt;</description><link>https://example.org/news/</link><language>en-GB</language><lastBuildDate>Thu, 20 Jun 2024 13:05:00 GMT</lastBuildDate><atom:link href="https://example.org/news/rss.xml" rel="self" type="application/rss+xml"/><item><title>港口重開 — “harbour” reopens</title><link>https://example.org/news/articles/harbour/</link><guid isPermaLink="true">https://example.org/news/articles/harbour/</guid><description>颱風過後，港口重開。</description><pubDate>Wed, 19 Jun 2024 09:30:00 GMT</pubDate><content:encoded>&lt;p lang=&quot;zh-Hant&quot;&gt;港口重開&lt;/p&gt;&lt;figure&gt;&lt;img src=&quot;https://example.org/news/media/harbour/photo.jpg&quot; alt=&quot;Cranes &amp;amp; quay&quot;&gt;&lt;/figure&gt;</content:encoded><dc:creator>陳大文</dc:creator><dc:creator>Jane Roe</dc:creator><dc:language>zh-Hant</dc:language><media:content url="https://example.org/news/media/harbour/photo.jpg" type="image/jpeg" medium="image" fileSize="12345"/><category>News</category><category>港口</category><enclosure url="https://example.org/news/media/harbour/photo.jpg" length="12345" type="image/jpeg"/></item><item><title>Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt; &quot;quoted&quot; &apos;too&apos;</title><link>https://example.org/news/articles/fish-chips/</link><guid isPermaLink="true">https://example.org/news/articles/fish-chips/</guid><description>A &amp;#x3C; B &amp;#x26;&amp;#x26; C &gt; D: &quot;Tom &amp;#x26; Jerry&quot;</description><pubDate>Tue, 18 Jun 2024 00:00:00 GMT</pubDate><content:encoded>&lt;p&gt;A &amp;lt; B &amp;amp;&amp;amp; C&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://example.org/news/tags/food/&quot;&gt;food&lt;/a&gt;&lt;/p&gt;</content:encoded><dc:creator>Zoë O&apos;Brien &amp; Co.</dc:creator><category>Analysis</category><category>Food &amp; Drink</category><category>&lt;script&gt;</category></item></channel></rss>"`);
  });

  it('writes an empty channel without a lastBuildDate', async () => {
    expect(await (await rssResponse(empty)).text()).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Broadsheet &amp; Co. &lt;News&gt;</title><description>Stories &quot;worth&quot; reading &amp;#x26; &amp;#x3C;b&gt;more&amp;#x3C;/b&gt;</description><link>https://example.org/news/</link><language>en-GB</language><atom:link href="https://example.org/news/rss.xml" rel="self" type="application/rss+xml"/></channel></rss>"`);
  });
});

describe('atomResponse', () => {
  it('writes Atom 1.0 with text titles and HTML content escaped once', async () => {
    const response = await atomResponse(at('atom.xml'), 'Broadsheet & Co.');
    expect(response.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expect(await response.text()).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><id>https://example.org/news/</id><title type="text">Broadsheet &amp; Co. &lt;News&gt;</title><subtitle type="text">Stories &quot;worth&quot; reading &amp; &lt;b&gt;more&lt;/b&gt;</subtitle><updated>2024-06-20T13:05:00.000Z</updated><link rel="self" type="application/atom+xml" href="https://example.org/news/atom.xml"/><link rel="alternate" type="text/html" href="https://example.org/news/"/><author><name>Broadsheet &amp; Co.</name></author><entry xml:lang="zh-Hant"><id>https://example.org/news/articles/harbour/</id><title type="text">港口重開 — “harbour” reopens</title><link rel="alternate" type="text/html" href="https://example.org/news/articles/harbour/"/><link rel="enclosure" type="image/jpeg" length="12345" href="https://example.org/news/media/harbour/photo.jpg"/><published>2024-06-19T09:30:00.000Z</published><updated>2024-06-20T13:05:00.000Z</updated><author><name>陳大文</name></author><author><name>Jane Roe</name></author><category term="news" scheme="https://example.org/types/" label="News"/><category term="港口"/><summary type="text">颱風過後，港口重開。</summary><content type="html">&lt;p lang=&quot;zh-Hant&quot;&gt;港口重開&lt;/p&gt;&lt;figure&gt;&lt;img src=&quot;https://example.org/news/media/harbour/photo.jpg&quot; alt=&quot;Cranes &amp;amp; quay&quot;&gt;&lt;/figure&gt;</content></entry><entry><id>https://example.org/news/articles/fish-chips/</id><title type="text">Fish &amp; chips &lt;b&gt;not bold&lt;/b&gt; &quot;quoted&quot; &apos;too&apos;</title><link rel="alternate" type="text/html" href="https://example.org/news/articles/fish-chips/"/><published>2024-06-18T00:00:00.000Z</published><updated>2024-06-18T00:00:00.000Z</updated><author><name>Zoë O&apos;Brien &amp; Co.</name></author><category term="analysis" scheme="https://example.org/types/" label="Analysis"/><category term="Food &amp; Drink"/><category term="&lt;script&gt;"/><summary type="text">A &lt; B &amp;&amp; C &gt; D: &quot;Tom &amp; Jerry&quot;</summary><content type="html">&lt;p&gt;A &amp;lt; B &amp;amp;&amp;amp; C&lt;/p&gt;&lt;p&gt;&lt;a href=&quot;https://example.org/news/tags/food/&quot;&gt;food&lt;/a&gt;&lt;/p&gt;</content></entry></feed>"`);
  });

  it('writes an empty feed updated at the epoch, never the clock', async () => {
    expect(await (await atomResponse(at('atom.xml', empty), 'Broadsheet')).text()).toMatchInlineSnapshot(`"<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB"><id>https://example.org/news/</id><title type="text">Broadsheet &amp; Co. &lt;News&gt;</title><subtitle type="text">Stories &quot;worth&quot; reading &amp; &lt;b&gt;more&lt;/b&gt;</subtitle><updated>1970-01-01T00:00:00.000Z</updated><link rel="self" type="application/atom+xml" href="https://example.org/news/atom.xml"/><link rel="alternate" type="text/html" href="https://example.org/news/"/><author><name>Broadsheet</name></author></feed>"`);
  });
});

describe('jsonFeedResponse', () => {
  it('writes JSON Feed 1.1 with the copy as it is', async () => {
    const response = await jsonFeedResponse(at('feed.json'), 'Broadsheet & Co.');
    expect(response.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8');
    expect(await response.text()).toMatchInlineSnapshot(`
      "{
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Broadsheet & Co. <News>",
        "home_page_url": "https://example.org/news/",
        "feed_url": "https://example.org/news/feed.json",
        "description": "Stories \\"worth\\" reading & <b>more</b>",
        "language": "en-GB",
        "authors": [
          {
            "name": "Broadsheet & Co."
          }
        ],
        "items": [
          {
            "id": "https://example.org/news/articles/harbour/",
            "url": "https://example.org/news/articles/harbour/",
            "title": "港口重開 — “harbour” reopens",
            "summary": "颱風過後，港口重開。",
            "content_html": "<p lang=\\"zh-Hant\\">港口重開</p><figure><img src=\\"https://example.org/news/media/harbour/photo.jpg\\" alt=\\"Cranes &amp; quay\\"></figure>",
            "date_published": "2024-06-19T09:30:00.000Z",
            "date_modified": "2024-06-20T13:05:00.000Z",
            "tags": [
              "News",
              "港口"
            ],
            "language": "zh-Hant",
            "authors": [
              {
                "name": "陳大文"
              },
              {
                "name": "Jane Roe"
              }
            ],
            "image": "https://example.org/news/media/harbour/photo.jpg",
            "attachments": [
              {
                "url": "https://example.org/news/media/harbour/photo.jpg",
                "mime_type": "image/jpeg",
                "size_in_bytes": 12345
              }
            ]
          },
          {
            "id": "https://example.org/news/articles/fish-chips/",
            "url": "https://example.org/news/articles/fish-chips/",
            "title": "Fish & chips <b>not bold</b> \\"quoted\\" 'too'",
            "summary": "A < B && C > D: \\"Tom & Jerry\\"",
            "content_html": "<p>A &lt; B &amp;&amp; C</p><p><a href=\\"https://example.org/news/tags/food/\\">food</a></p>",
            "date_published": "2024-06-18T00:00:00.000Z",
            "tags": [
              "Analysis",
              "Food & Drink",
              "<script>"
            ],
            "authors": [
              {
                "name": "Zoë O'Brien & Co."
              }
            ]
          }
        ]
      }
      "
    `);
  });
});
