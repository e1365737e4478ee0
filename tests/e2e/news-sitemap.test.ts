import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';
import { buildSite, buildSiteAsync, listFiles } from '../support/build';
import { crawl, type CrawlResult } from '../support/crawl';
import { ensureXmllint, parseXml } from '../support/feeds';
import { ROOT, TMP } from '../support/paths';

/** Google's News sitemap extension with the sitemaps.org schema (see the files' comments). */
const SCHEMA = join(ROOT, 'tests/fixtures/schemas/news-sitemap.xsd');

/** xmllint's schema verdict on an XML file: '' when valid, its complaints otherwise. Never touches the network. */
function schemaErrors(file: string): string {
  ensureXmllint();
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return result.status === 0 ? '' : result.stderr || `xmllint exited with ${result.status}`;
}

const BUILD_TIME = '2024-06-20T12:00:00Z';

const article = (title: string, extra: string) =>
  `---\ntitle: "${title}"\nstandfirst: "Test fixture: ${title}."\nsection: World\ntags: [Fixtures]\n${extra}\n---\n\nInvented text for a test fixture.\n`;

/** Articles around the 48 hours before BUILD_TIME (2024-06-20T12:00:00Z); invented fixtures. */
function writeCorpus(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'hours-47.md'),
    article('Fixture: Harbour pilots & tug crews vote <today>', 'published: 2024-06-18T13:00:00Z'),
  );
  writeFileSync(join(dir, 'hours-49.md'), article('Fixture: Forty-nine hours old', 'published: 2024-06-18T11:00:00Z'));
  writeFileSync(join(dir, 'traditional.md'), article('測試樣稿：港口', 'published: 2024-06-20T09:30:00Z\nlanguage: zh-Hant'));
  writeFileSync(join(dir, 'scheduled.md'), article('Fixture: Scheduled for later', 'published: 2024-06-20T13:00:00Z'));
  writeFileSync(join(dir, 'draft.md'), article('Fixture: A recent draft', 'published: 2024-06-20T10:00:00Z\ndraft: true'));
}

describe('the news sitemap, with articles inside the 48 hours before BUILD_TIME, under BASE_PATH=/news', () => {
  const corpus = join(TMP, 'corpora', 'news-sitemap');
  let dir: string;
  let xml: string;
  let server: StaticServer;
  let result: CrawlResult;

  beforeAll(async () => {
    writeCorpus(corpus);
    dir = buildSite({
      name: 'news-sitemap',
      env: { CONTENT_DIR: corpus, BUILD_TIME, SITE_URL: 'https://example.org', BASE_PATH: '/news', TZ: 'UTC' },
    });
    xml = readFileSync(join(dir, 'news-sitemap.xml'), 'utf8');
    server = await serveStatic(dir, { mount: '/news/' });
    result = await crawl({ localOrigin: server.origin, siteUrl: 'https://example.org/news/', start: ['/news/robots.txt'] });
  });
  afterAll(() => server?.close());

  it('is valid against the sitemaps.org and Google News schemas (xmllint --schema)', () => {
    expect(schemaErrors(join(dir, 'news-sitemap.xml'))).toBe('');
  });

  it('is refused by the same check when broken, so the check can fail', () => {
    const broken = join(TMP, 'news-sitemap-broken.xml');
    for (const [what, change] of [
      [
        'a language that is not an ISO 639 code',
        (text: string) => text.replace('<news:language>en</news:language>', '<news:language>English</news:language>'),
      ],
      [
        'a date in words',
        (text: string) => text.replace(/<news:publication_date>[^<]*</, '<news:publication_date>18 June 2024<'),
      ],
      ['no publication name', (text: string) => text.replace(/<news:name>[^<]*<\/news:name>/g, '')],
    ] as const) {
      const changed = change(xml);
      expect(changed, what).not.toBe(xml);
      writeFileSync(broken, changed);
      expect(schemaErrors(broken), what).toMatch(/fails to validate/);
    }
  });

  it('lists the recent articles, newest first: 47 hours old in; 49 hours old, scheduled and draft out', () => {
    const { urlset } = parseXml(xml);
    const urls = [urlset.url].flat();
    expect(urls.map((url: Record<string, any>) => url.loc)).toEqual([
      'https://example.org/news/articles/traditional/',
      'https://example.org/news/articles/hours-47/',
    ]);
    expect(urls.map((url: Record<string, any>) => url['news:news'])).toEqual([
      {
        'news:publication': { 'news:name': 'Broadsheet', 'news:language': 'zh-tw' },
        'news:publication_date': '2024-06-20T05:30:00-04:00',
        'news:title': '測試樣稿：港口',
      },
      {
        'news:publication': { 'news:name': 'Broadsheet', 'news:language': 'en' },
        'news:publication_date': '2024-06-18T09:00:00-04:00',
        'news:title': 'Fixture: Harbour pilots & tug crews vote <today>',
      },
    ]);
  });

  it('is named in robots.txt beside the sitemap index, as an absolute address under /news/', () => {
    expect(readFileSync(join(dir, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/news/sitemap-index.xml\nSitemap: https://example.org/news/news-sitemap.xml\n',
    );
  });

  it('is not listed again in the general sitemap, which lists no 404 page either', () => {
    const sitemaps = listFiles(dir, '.xml').filter((path) => path.startsWith('sitemap-'));
    expect(sitemaps.length).toBeGreaterThan(1);
    for (const path of sitemaps) {
      const text = readFileSync(join(dir, path), 'utf8');
      expect(text, path).not.toContain('news-sitemap');
      expect(text, path).not.toMatch(/404/);
    }
  });

  it('resolves from robots.txt: every sitemap entry and page reached works and stays under /news/', () => {
    expect(result.visited.has(`${server.origin}/news/news-sitemap.xml`)).toBe(true);
    expect(result.broken).toEqual([]);
    expect(result.escaping).toEqual([]);
  });
});

describe("as the clock moves on, a warm build (Astro's incremental build) agrees with a cold one", () => {
  const corpus = join(TMP, 'corpora', 'news-sitemap-clock');
  const cache = join(TMP, 'news-sitemap-clock-cache');
  const files = (dir: string) => ({
    sitemap: existsSync(join(dir, 'news-sitemap.xml')) ? readFileSync(join(dir, 'news-sitemap.xml'), 'utf8') : undefined,
    robots: readFileSync(join(dir, 'robots.txt'), 'utf8'),
  });
  const build = async (name: string, buildTime: string, warm: boolean) =>
    files(
      await buildSiteAsync({
        name,
        warm,
        env: { CONTENT_DIR: corpus, BUILD_TIME: buildTime, TZ: 'UTC', CACHE_DIR: warm ? cache : `${cache}-cold` },
      }),
    );
  /** A warm build at `buildTime` and, side by side, a cold one it must equal. */
  const compared = async (buildTime: string) => {
    const [warm, cold] = await Promise.all([
      build('news-clock-warm', buildTime, true),
      build('news-clock-cold', buildTime, false),
    ]);
    expect(warm).toEqual(cold);
    return warm;
  };

  beforeAll(() => {
    writeCorpus(corpus);
    rmSync(cache, { recursive: true, force: true });
  });

  it('drops an article once it is over 48 hours old, then the whole file and its robots.txt line', async () => {
    const first = await build('news-clock-warm', BUILD_TIME, true);
    expect(first.sitemap).toContain('/articles/hours-47/');
    // Two hours on, the 47-hour-old article is 49 hours old (the warm build alone: the next step compares).
    const later = await build('news-clock-warm', '2024-06-20T14:00:00Z', true);
    expect(later.sitemap).not.toContain('/articles/hours-47/');
    expect(later.sitemap).toContain('/articles/traditional/');
    // Three days on, nothing is recent: no file is left behind from the cache.
    const quiet = await compared('2024-06-23T12:00:00Z');
    expect(quiet.sitemap).toBeUndefined();
    expect(quiet.robots).not.toContain('news-sitemap');
  });
});

describe('when no article is that recent', () => {
  it.each([
    ['the seed site', 'siteDir'],
    ['the seed site under BASE_PATH=/news', 'newsDir'],
  ] as const)('%s writes no news sitemap and robots.txt names none', (_, build) => {
    const dir = inject(build);
    expect(existsSync(join(dir, 'news-sitemap.xml'))).toBe(false);
    const robots = readFileSync(join(dir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^Sitemap: .*\/sitemap-index\.xml$/m);
    expect(robots).not.toContain('news-sitemap');
    for (const path of listFiles(dir, '.xml')) expect(readFileSync(join(dir, path), 'utf8'), path).not.toContain('news-sitemap');
  });
});
