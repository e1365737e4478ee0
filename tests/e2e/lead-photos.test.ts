import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { buildSite, listFiles, readTree, tryBuild } from '../support/build';
import { crawl, htmlLinks } from '../support/crawl';
import { parseXml } from '../support/feeds';
import { nuHtmlErrors } from '../support/html-checker';
import { TMP } from '../support/paths';
import { photoCorpus } from '../support/photos';
import { testBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

// Widths and sizes as the layout needs them, written out here rather than read from
// src/model/pictures.ts, so that a change there is a decision the tests notice.
const BODY_WIDTHS = [360, 480, 640, 800, 960, 1280];
const BODY_SIZES = '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)';
const THUMBNAIL_WIDTHS = [192, 320];
const THUMBNAIL_SIZES = '(min-width: 48rem) 10rem, 6rem';
const SITE = 'https://example.org';

const front = (fields: string) => `---\n${fields.trim()}\n---\n`;
const FILES = {
  'harbour-lead.md': `${front(`
title: "Fixture: harbour cranes return"
standfirst: "Test fixture: an article with a large lead photo and a picture in the body."
published: 2024-07-04
section: World
tags: [Harbour fixtures]
image:
  src: ./harbour.jpg
  alt: "Fixture photo: a gradient standing in for cranes over a quay"
  caption: "Fixture caption: the quay at dusk."
  credit: "Fixture Photographer/Example Wire"
`)}
First paragraph of the fixture.

Second paragraph of the fixture.

![Fixture photo: a second gradient in the body](./body.jpg)

${Array.from({ length: 30 }, (_, n) => `Filler paragraph ${n + 1} of the fixture, so the body picture starts below the first screen.`).join('\n\n')}
`,
  'small-lead.md': `${front(`
title: "Fixture: a small lead photo"
standfirst: "Test fixture: a lead photo narrower than every width the layout asks for."
published: 2024-07-03
section: World
tags: [Harbour fixtures]
image:
  src: ./small.jpg
  alt: "Fixture photo: a small gradient"
  caption: "Fixture caption: a small photo."
`)}
Body of the small-photo fixture.
`,
  'no-photo.md': `${front(`
title: "Fixture: no photo at all"
standfirst: "Test fixture: an article without a picture."
published: 2024-07-02
section: World
tags: [Harbour fixtures]
`)}
Body of the fixture without a picture.
`,
};
const PHOTOS = [
  { path: 'harbour.jpg', width: 2400, height: 1600, seed: 7 },
  { path: 'body.jpg', width: 1600, height: 1200, seed: 11 },
  { path: 'small.jpg', width: 300, height: 200, seed: 13 },
];

/** `<source>`s and the `<img>` of every `<picture>` in a page, as the browser's DOM has them. */
interface PictureFacts {
  sources: { type: string; srcset: string; sizes: string }[];
  img: Record<string, string | null>;
}

function srcsetEntries(srcset: string): { url: string; width: number }[] {
  return srcset.split(',').map((candidate) => {
    const [url, descriptor] = candidate.trim().split(/\s+/);
    return { url: url!, width: Number(descriptor!.replace(/w$/, '')) };
  });
}

// A cache folder of this file's own, so the first build makes every copy and the warm one reuses them.
const CACHE = join(TMP, 'lead-photos-cache');
let corpus: string;
let dir: string;
let server: StaticServer;
let browser: Browser;
const file = (url: string) => join(dir, decodeURI(new URL(url, SITE).pathname));

beforeAll(async () => {
  corpus = await photoCorpus('lead-photos-corpus', { files: FILES, photos: PHOTOS });
  rmSync(CACHE, { recursive: true, force: true });
  dir = buildSite({ name: 'lead-photos', env: { CONTENT_DIR: corpus, SITE_URL: SITE, TZ: 'UTC', CACHE_DIR: CACHE } });
  server = await serveStatic(dir);
  browser = await testBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function pictures(path: string, viewport = { width: 1280, height: 900 }): Promise<PictureFacts[]> {
  const page = await browser.newPage({ viewport });
  await page.goto(server.origin + path);
  const found = await page.evaluate(() =>
    [...document.querySelectorAll('picture')].map((picture) => ({
      sources: [...picture.querySelectorAll('source')].map((source) => ({ type: source.type, srcset: source.srcset, sizes: source.sizes })),
      img: Object.fromEntries(['src', 'alt', 'width', 'height', 'loading', 'decoding', 'fetchpriority', 'class', 'srcset'].map((name) => [name, picture.querySelector('img')!.getAttribute(name)])),
    })),
  );
  await page.close();
  return found;
}

describe('the lead photo on the article page', () => {
  let lead: PictureFacts;
  let body: PictureFacts;
  beforeAll(async () => {
    [lead, body] = (await pictures('/articles/harbour-lead/')) as [PictureFacts, PictureFacts];
  });

  it('offers AVIF, then WebP, at every width from 360 to 1280 px (the column at 2×), with the layout’s sizes', () => {
    expect(lead.sources.map((source) => source.type)).toEqual(['image/avif', 'image/webp']);
    for (const source of lead.sources) {
      expect(srcsetEntries(source.srcset).map((entry) => entry.width)).toEqual(BODY_WIDTHS);
      expect(source.sizes).toBe(BODY_SIZES);
    }
  });

  it('makes every candidate at the width it claims, in the format it claims', async () => {
    for (const source of lead.sources) {
      for (const { url, width } of srcsetEntries(source.srcset)) {
        const meta = await sharp(file(url)).metadata();
        expect([meta.width, meta.format === 'heif' ? 'image/avif' : `image/${meta.format}`], url).toEqual([width, source.type]);
        // 2400 × 1600 keeps its 3:2 shape.
        expect(Math.abs(meta.height! - (width * 2) / 3), url).toBeLessThanOrEqual(1);
      }
    }
  });

  it('is fetched at once and first: fetchpriority=high, not lazy; width and height set; alt as written', () => {
    expect(lead.img).toMatchObject({ fetchpriority: 'high', loading: null, width: '1280', height: '853', alt: 'Fixture photo: a gradient standing in for cranes over a quay' });
    expect(lead.img['src']).toMatch(/^\/_astro\/harbour\.[\w-]+\.jpg$/);
  });

  it('keeps caption and credit as before', () => {
    const html = readFileSync(join(dir, 'articles/harbour-lead/index.html'), 'utf8');
    expect(html).toMatch(/<figure class="figure"><picture>.*?<\/picture><figcaption>Fixture caption: the quay at dusk\. <span class="credit">\(Fixture Photographer\/Example Wire\)<\/span><\/figcaption><\/figure>/);
  });

  it('loads pictures further down the body lazily, in the same formats and widths', () => {
    expect(body.img).toMatchObject({ loading: 'lazy', decoding: 'async', fetchpriority: null, width: '1280', height: '960' });
    expect(body.sources.map((source) => [source.type, srcsetEntries(source.srcset).map((entry) => entry.width), source.sizes])).toEqual([
      ['image/avif', BODY_WIDTHS, BODY_SIZES],
      ['image/webp', BODY_WIDTHS, BODY_SIZES],
    ]);
  });

  it('never enlarges a photo narrower than the widths: its own width is the widest candidate', async () => {
    const [small] = await pictures('/articles/small-lead/');
    for (const source of small!.sources) expect(srcsetEntries(source.srcset).map((entry) => entry.width)).toEqual([300]);
    expect(small!.img).toMatchObject({ width: '300', height: '200', fetchpriority: 'high' });
  });
});

describe.each([
  // The column is 375 − 2 × 20 = 335 CSS px on a phone, 640 px on a desktop.
  { viewport: { width: 375, height: 800 }, deviceScaleFactor: 1, picked: 360 },
  { viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, picked: 800 },
  { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1, picked: 640 },
  { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 2, picked: 1280 },
])('Chromium at $viewport.width px, $deviceScaleFactor×', ({ viewport, deviceScaleFactor, picked }) => {
  it(`loads the ${picked} px AVIF of the lead photo, and its box never moves`, async () => {
    const context = await browser.newContext({ viewport, deviceScaleFactor });
    const page = await context.newPage();
    // Hold the pictures back, to see the box the page gives the picture before it arrives.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/.*\.(avif|webp|jpg)$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(server.origin + '/articles/harbour-lead/', { waitUntil: 'domcontentloaded' });
    const lead = page.locator('.figure img').first();
    const before = await lead.evaluate((img: HTMLImageElement) => ({ complete: img.complete && img.naturalWidth > 0, ...img.getBoundingClientRect().toJSON() }));
    expect(before.complete).toBe(false);
    const column = Math.min(viewport.width - 40, 640);
    expect(before.width).toBeCloseTo(column, 0);
    expect(before.height).toBeCloseTo((column * 853) / 1280, 0);
    release();
    await lead.evaluate((img: HTMLImageElement) => img.decode());
    const after = await lead.evaluate((img: HTMLImageElement) => ({
      currentSrc: img.currentSrc,
      naturalWidth: img.naturalWidth,
      box: img.getBoundingClientRect().toJSON(),
    }));
    // Layout shifts are reported to observers only (Layout Instability API), buffered from the
    // start. Those of the page's content count here; the masthead's theme toggle, shown by its
    // script, is the chrome's own matter. Each is named with where it was and went (CSS px) and
    // when (ms after navigation), so a failure says what moved.
    const shifted = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const moved: string[] = [];
          const at = (rect: DOMRectReadOnly) => `${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}`;
          new PerformanceObserver((list) => {
            type Source = { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly };
            for (const entry of list.getEntries() as unknown as (PerformanceEntry & { sources: Source[] })[]) {
              for (const { node, previousRect, currentRect } of entry.sources) {
                if (node && document.querySelector('main')!.contains(node)) {
                  moved.push(`${node.nodeName} at ${Math.round(entry.startTime)} ms: ${at(previousRect)} → ${at(currentRect)}`);
                }
              }
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(moved), 200);
        }),
    );
    const avif = srcsetEntries((await page.locator('.figure source[type="image/avif"]').first().getAttribute('srcset'))!);
    expect(after.currentSrc.replace(server.origin, '')).toBe(avif.find((entry) => entry.width === picked)!.url);
    // naturalWidth is in CSS pixels (the candidate's width over its density): loaded, not broken.
    expect(after.naturalWidth).toBeGreaterThan(0);
    // The box the width and height attributes gave is the box the picture fills: each candidate's
    // height is rounded to whole pixels, so it may differ by half a pixel, never more.
    expect(after.box.width).toBe(before.width);
    expect(Math.abs(after.box.height - before.height)).toBeLessThanOrEqual(0.5);
    expect(shifted).toEqual([]);
    await context.close();
  });
});

describe('share cards and feeds', () => {
  const html = () => readFileSync(join(dir, 'articles/harbour-lead/index.html'), 'utf8');
  const meta = (page: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(page)?.[1];

  it('point og:image and twitter:image at a 1200 × 630 JPEG crop of the lead photo that the build contains', async () => {
    const page = html();
    const image = meta(page, 'og:image')!;
    expect(image).toMatch(/^https:\/\/example\.org\/_astro\/harbour\.[\w-]+\.jpg$/);
    expect(meta(page, 'twitter:image')).toBe(image);
    expect(meta(page, 'twitter:card')).toBe('summary_large_image');
    expect([meta(page, 'og:image:type'), meta(page, 'og:image:width'), meta(page, 'og:image:height')]).toEqual(['image/jpeg', '1200', '630']);
    const { width, height, format } = await sharp(file(image)).metadata();
    expect([width, height, format]).toEqual([1200, 630, 'jpeg']);
  });

  it('share a JPEG too small to crop as its published original, at its own size', () => {
    const page = readFileSync(join(dir, 'articles/small-lead/index.html'), 'utf8');
    expect(meta(page, 'og:image')).toBe(`${SITE}/media/small-lead/small.jpg`);
    expect([meta(page, 'og:image:width'), meta(page, 'og:image:height')]).toEqual(['300', '200']);
  });

  const enclosure = (item: { enclosure: { '@_url': string; '@_length': string }[] }) => ({ url: item.enclosure[0]!['@_url'], length: item.enclosure[0]!['@_length'] });

  it('keep the original file in feeds, byte for byte', () => {
    const rss = parseXml(readFileSync(join(dir, 'rss.xml'), 'utf8')).rss.channel.item.find((item: { title: string }) => item.title === 'Fixture: harbour cranes return');
    const original = `${SITE}/media/harbour-lead/harbour.jpg`;
    expect(enclosure(rss)).toEqual({ url: original, length: String(statSync(join(corpus, 'harbour.jpg')).size) });
    expect(readFileSync(join(dir, 'media/harbour-lead/harbour.jpg')).equals(readFileSync(join(corpus, 'harbour.jpg')))).toBe(true);
    expect(rss['content:encoded']).toContain(`<img src="${original}" alt="Fixture photo: a gradient standing in for cranes over a quay">`);
    expect(rss['content:encoded']).not.toContain('/_astro/');
  });
});

describe('the front page lead', () => {
  it('shows the newest piece with its picture large: a 3:2 crop at the column width, loaded first', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.origin + '/');
    const lead = await page.evaluate(() => {
      const story = document.querySelector('.lead-story')!;
      const img = story.querySelector('picture img') as HTMLImageElement;
      return {
        headline: story.querySelector('h3')!.textContent!.trim(),
        sources: [...story.querySelectorAll('picture source')].map((source) => [(source as HTMLSourceElement).type, (source as HTMLSourceElement).srcset, (source as HTMLSourceElement).sizes]),
        img: { alt: img.getAttribute('alt'), loading: img.getAttribute('loading'), priority: img.getAttribute('fetchpriority'), ratio: Number(img.getAttribute('width')) / Number(img.getAttribute('height')), drawn: img.getBoundingClientRect().width },
      };
    });
    expect(lead.headline).toBe('Fixture: harbour cranes return');
    expect(lead.sources.map(([type, srcset, sizes]) => [type, srcsetEntries(srcset!).map((entry) => entry.width), sizes])).toEqual([
      ['image/avif', BODY_WIDTHS, BODY_SIZES],
      ['image/webp', BODY_WIDTHS, BODY_SIZES],
    ]);
    // Decorative beside the linked headline, as a thumbnail is; the front's largest paint, so never lazy.
    expect(lead.img).toEqual({ alt: '', loading: null, priority: 'high', ratio: 1280 / 853, drawn: 640 });
    await page.close();
  });
});

describe('thumbnails in listings', () => {
  it.each(['/tags/harbour-fixtures/', '/sections/world/'])('%s shows a lazy, responsive thumbnail for each article with a lead photo, and none without', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.origin + path);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('.story-card')].map((card) => {
        const img = card.querySelector('picture img') as HTMLImageElement | null;
        return {
          headline: card.querySelector('h2, h3')!.textContent!.trim(),
          sources: [...card.querySelectorAll('picture source')].map((source) => [(source as HTMLSourceElement).type, (source as HTMLSourceElement).srcset, (source as HTMLSourceElement).sizes]),
          img: img && { alt: img.getAttribute('alt'), loading: img.getAttribute('loading'), width: img.getAttribute('width'), height: img.getAttribute('height'), drawn: img.getBoundingClientRect().width },
        };
      }),
    );
    const byHeadline = Object.fromEntries(cards.map((card) => [card.headline, card]));
    const harbour = byHeadline['Fixture: harbour cranes return']!;
    expect(harbour.sources.map(([type, srcset, sizes]) => [type, srcsetEntries(srcset!).map((entry) => entry.width), sizes])).toEqual([
      ['image/avif', THUMBNAIL_WIDTHS, THUMBNAIL_SIZES],
      ['image/webp', THUMBNAIL_WIDTHS, THUMBNAIL_SIZES],
    ]);
    // Decorative beside the linked headline; 3:2; 10rem wide at 1280 px.
    expect(harbour.img).toEqual({ alt: '', loading: 'lazy', width: '320', height: '213', drawn: 160 });
    expect(byHeadline['Fixture: a small lead photo']!.sources.map(([, srcset]) => srcsetEntries(srcset!).map((entry) => entry.width))).toEqual([
      [192, 300],
      [192, 300],
    ]);
    expect(byHeadline['Fixture: no photo at all']!.img).toBeNull();
    await page.close();
  });

  it('each thumbnail candidate is a 3:2 crop at its width', async () => {
    const home = readFileSync(join(dir, 'tags/harbour-fixtures/index.html'), 'utf8');
    const urls = htmlLinks(home).filter((url) => /\/_astro\/harbour\.[\w-]+\.(avif|webp)$/.test(url));
    expect(urls).toHaveLength(4);
    const sizes = await Promise.all(urls.map(async (url) => sharp(file(url)).metadata()));
    expect(sizes.map(({ width, height }) => `${width}×${height}`).sort()).toEqual(['192×128', '192×128', '320×213', '320×213']);
  });
});

describe('the seed article (no photo)', () => {
  it('gets no <picture> and shares the site card, not a crop of its own', () => {
    const html = readFileSync(join(inject('siteDir'), 'articles/nato-chief-west-should-impose-a-cost-on-china/index.html'), 'utf8');
    expect(html).not.toContain('<picture');
    expect(html).not.toContain('/_astro/nato');
    expect(/<meta property="og:image" content="([^"]*)">/.exec(html)?.[1]).toBe('https://broadsheet.example/og-default.png');
    expect(listFiles(inject('siteDir')).filter((path) => /\.(avif|webp|jpe?g)$/.test(path))).toEqual([]);
  });
});

describe.each(['light', 'dark'] as const)('accessibility in the %s scheme (axe)', (colorScheme) => {
  it.concurrent.for(['/articles/harbour-lead/', '/', '/tags/harbour-fixtures/'])('%s has no violations', async (path, { expect }) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.origin + path);
    expect(await axeViolations(page, colorScheme)).toEqual([]);
    await context.close();
  });
});

describe('HTML', () => {
  it('the Nu HTML Checker finds no errors in any built page', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });
});

describe('a warm build', () => {
  it('makes no copy again, and writes the same site byte for byte', () => {
    const warm = tryBuild({ name: 'lead-photos-warm', warm: true, env: { CONTENT_DIR: corpus, SITE_URL: SITE, TZ: 'UTC', CACHE_DIR: CACHE } });
    expect(warm.status, warm.output).toBe(0);
    const copies = warm.output.split('\n').filter((line) => line.includes('▶ /_astro/'));
    // harbour.jpg: 2 formats × 6 widths, a fallback, 2 × 2 thumbnails and a fallback, the share
    // crop, and as the front's lead a 3:2 crop at 2 × 6 widths and a fallback (32); body.jpg: 2 × 6
    // and a fallback (13); small.jpg: 2 × 1 and a fallback, 2 × 2 thumbnails and a fallback (8).
    expect(copies).toHaveLength(53);
    expect(copies.filter((line) => !line.includes('(reused cache entry)'))).toEqual([]);
    const [cold, again] = [readTree(dir), readTree(warm.outDir)];
    expect([...again.keys()]).toEqual([...cold.keys()]);
    expect([...cold].filter(([path, bytes]) => !again.get(path)!.equals(bytes)).map(([path]) => path)).toEqual([]);
  });
});

describe('under BASE_PATH=/news', () => {
  let news: string;
  let newsServer: StaticServer;
  beforeAll(async () => {
    // A cold build (--force) in this file's cache folder: the picture copies, which depend on the
    // pictures and the image settings alone, are reused (src/integrations/image-cache.ts), and
    // every page is made afresh under the new base path.
    news = buildSite({ name: 'lead-photos-news', env: { CONTENT_DIR: corpus, SITE_URL: SITE, BASE_PATH: '/news', TZ: 'UTC', CACHE_DIR: CACHE } });
    newsServer = await serveStatic(news, { mount: '/news/' });
  });
  afterAll(() => newsServer?.close());

  it('every picture address starts with /news/ and resolves, and the crawl finds nothing broken', async () => {
    for (const path of ['articles/harbour-lead/index.html', 'index.html', 'tags/harbour-fixtures/index.html']) {
      const page = readFileSync(join(news, path), 'utf8');
      // The share card's address is absolute (og:image): its path is held to the same rule.
      const pictureUrls = htmlLinks(page)
        .filter((url) => /\.(avif|webp|jpe?g)$/.test(url))
        .map((url) => (url.startsWith(SITE) ? url.slice(SITE.length) : url));
      expect(pictureUrls.length, path).toBeGreaterThan(0);
      for (const url of pictureUrls) {
        expect(url, path).toMatch(/^\/news\/(_astro|media)\//);
        expect((await fetch(newsServer.origin + url)).status, url).toBe(200);
      }
    }
    const result = await crawl({ localOrigin: newsServer.origin, siteUrl: `${SITE}/news/`, start: ['/news/', '/news/rss.xml'] });
    expect(result.broken).toEqual([]);
    expect(result.escaping).toEqual([]);
  });

  it('the share crop is under /news/ too, and exists', () => {
    const page = readFileSync(join(news, 'articles/harbour-lead/index.html'), 'utf8');
    const image = /<meta property="og:image" content="([^"]*)">/.exec(page)![1]!;
    expect(image).toMatch(/^https:\/\/example\.org\/news\/_astro\/harbour\.[\w-]+\.jpg$/);
    expect(existsSync(join(news, new URL(image).pathname.replace(/^\/news\//, '')))).toBe(true);
  });
});
