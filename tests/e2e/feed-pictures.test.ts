import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBuild } from '../support/build';
import { contentProblems, htmlElements, htmlText, parseXml, xmllintErrors } from '../support/feeds';
import { nuHtmlErrors } from '../support/html-checker';
import { ROOT } from '../support/paths';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

const CORPUS = join(ROOT, 'tests/fixtures/corpora/pictures');
const SITE = 'https://example.org';
const PHOTO_URL = `${SITE}/media/with-picture/photo.jpg`;
const PHOTO_BYTES = statSync(join(CORPUS, 'photo.jpg')).size;

describe('feeds for articles with pictures and hostile copy', () => {
  let server: StaticServer;
  let dir: string;
  const get = async (path: string) => {
    const response = await fetch(server.origin + path);
    expect(response.status, path).toBe(200);
    return response;
  };

  beforeAll(async () => {
    // The same build as structured-data.test.ts's: made once per run.
    dir = await sharedBuild({ CONTENT_DIR: CORPUS, SITE_URL: SITE });
    server = await serveStatic(dir);
  });
  afterAll(() => server?.close());

  it('builds pages the Nu HTML Checker finds no errors in', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it('publishes the original picture, byte for byte, where the feeds point', async () => {
    const served = Buffer.from(await (await get('/media/with-picture/photo.jpg')).arrayBuffer());
    expect(served.equals(readFileSync(join(CORPUS, 'photo.jpg')))).toBe(true);
    expect((await get('/media/with-picture/map.png')).status).toBe(200);
  });

  it('gives the lead picture in RSS as media:content and an enclosure with length and type', async () => {
    const xml = await (await get('/rss.xml')).text();
    expect(xmllintErrors(xml)).toBe('');
    const item = parseXml(xml).rss.channel.item.find((i: { title: string }) => i.title === 'Harbour reopens after storm');
    expect(item.enclosure).toEqual([{ '@_url': PHOTO_URL, '@_length': String(PHOTO_BYTES), '@_type': 'image/jpeg' }]);
    expect(item['media:content']).toEqual([
      { '@_url': PHOTO_URL, '@_type': 'image/jpeg', '@_medium': 'image', '@_fileSize': String(PHOTO_BYTES) },
    ]);
    expect(item['dc:creator']).toEqual(['Jane Roe', 'John Doe']);
    const html: string = item['content:encoded'];
    expect(html).toContain(`<img src="${PHOTO_URL}" alt="Cranes over an empty quay">`);
    expect(html).toContain(`<img src="${SITE}/media/with-picture/map.png" alt="A map of the harbour">`);
    expect(html).toContain(`<a href="${SITE}/tags/shipping/">port authority</a>`);
    expect(contentProblems(html)).toEqual([]);
  });

  it('gives it in Atom as an enclosure link and in JSON Feed as image and attachment', async () => {
    const atom = parseXml(await (await get('/atom.xml')).text()).feed;
    const entry = atom.entry.find((e: { title: { '#text': string } }) => e.title['#text'] === 'Harbour reopens after storm');
    expect(entry.link).toContainEqual({ '@_rel': 'enclosure', '@_type': 'image/jpeg', '@_length': String(PHOTO_BYTES), '@_href': PHOTO_URL });
    expect(entry.updated).toBe('2024-07-05T04:00:00.000Z');
    expect(entry.published).toBe('2024-07-04T13:30:00.000Z');
    const json = await (await get('/feed.json')).json();
    const item = json.items.find((i: { title: string }) => i.title === 'Harbour reopens after storm');
    expect(item.image).toBe(PHOTO_URL);
    expect(item.attachments).toEqual([{ url: PHOTO_URL, mime_type: 'image/jpeg', size_in_bytes: PHOTO_BYTES }]);
    expect(item.authors).toEqual([{ name: 'Jane Roe' }, { name: 'John Doe' }]);
    expect(entry.author).toEqual([{ name: 'Jane Roe' }, { name: 'John Doe' }]);
    expect(item.date_modified).toBe('2024-07-05T04:00:00.000Z');
  });

  it('shows the page optimised copies, not the feed original, never enlarged', () => {
    const html = readFileSync(join(dir, 'articles/with-picture/index.html'), 'utf8');
    const picture = /<figure class="figure"><picture>(.*?)<\/picture>/.exec(html)?.[1] ?? '';
    // The photo is 120 px wide: its one candidate is its own width, in AVIF and WebP.
    expect([...picture.matchAll(/<source type="([^"]+)" srcset="([^"]+)"/g)].map((m) => [m[1], m[2]!.replace(/\/_astro\/photo\.[\w-]+\./, '')])).toEqual([
      ['image/avif', 'avif 120w'],
      ['image/webp', 'webp 120w'],
    ]);
    const img = /<img [^>]*>/.exec(picture)?.[0] ?? '';
    expect(img).toMatch(/ src="\/_astro\/photo\.[\w-]+\.jpg"/);
    expect(img).toContain(' alt="Cranes over an empty quay"');
    expect(img).toContain(' width="120" height="80"');
    expect(picture).not.toContain('/media/');
  });

  it('strips scripts, handlers, styles, frames and javascript: links from feed content, and control characters from text', async () => {
    for (const path of ['/rss.xml', '/atom.xml', '/feed.json', '/tags/weather/rss.xml']) {
      const text = await (await get(path)).text();
      // The bell character (\u0007) in the standfirst cannot appear in XML at all.
      expect(text, path).not.toContain('\u0007');
      if (path.endsWith('.xml')) expect(xmllintErrors(text), path).toBe('');
    }
    const item = parseXml(await (await get('/rss.xml')).text()).rss.channel.item.find((i: { title: string }) =>
      i.title.startsWith('Tags &'),
    );
    expect(item.title).toBe('Tags & <b>bold</b> claims');
    // RSS descriptions are HTML to readers: the standfirst is escaped as HTML, so it reads as typed.
    expect(item.description).toBe('A bell  rang; then &#x3C;script>alert(1)&#x3C;/script> &#x26; more.');
    expect(htmlElements(item.description)).toEqual([]);
    expect(htmlText(item.description)).toBe('A bell  rang; then <script>alert(1)</script> & more.');
    expect(item.category).toEqual(['News', 'Weather', 'R&D <i>', '🇺🇦', '中国']);
    const html: string = item['content:encoded'];
    expect(contentProblems(html)).toEqual([]);
    expect(html).toContain('Clickable paragraph.');
    for (const payload of ['alert(2)', 'alert(3)', 'alert(4)', 'body")', 'javascript:', 'display:none', '<iframe']) {
      expect(html).not.toContain(payload);
    }
    // The frame the site does not keep is a plain link to what it showed: inert, and not lost.
    expect(html).toMatch(/<a href="https:\/\/video\.example\.net\/embed"[^>]*>Embedded content from video\.example\.net<\/a>/);
    // The standfirst's markup-like text arrives as text, escaped, not as elements.
    expect(html).toContain('&#x3C;script>alert(1)&#x3C;/script> &#x26; more.');
  });
});
