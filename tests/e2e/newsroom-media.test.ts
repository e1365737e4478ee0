/**
 * What a newsroom uploads, as readers meet it (issue 21): animated pictures, a tall infographic,
 * a transparent chart and a small WebP lead (pictures made at test time), and every video embed
 * form, built once under /news/ into a site of this file's own, and read in Chromium with
 * JavaScript on and off, in both colour schemes; the feeds read by two third-party parsers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import type { Browser } from 'playwright';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe';
import { buildSiteAsync } from '../support/build';
import { testBrowser } from '../support/browser';
import { crawl } from '../support/crawl';
import { nuHtmlErrors } from '../support/html-checker';
import { LONG_ARTICLE_END, newsroomMediaCorpus } from '../support/photos';
import { FULL_ARTICLE_LINK } from '../../src/model/wording';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

const SITE = 'https://news.example.org';
// Six transcripts of about 200 KB: 1.2 MB of copy, past a feed's 1 MiB budget.
const LONG_ARTICLES = 6;
const BUDGET = 1024 * 1024;
const BASE = '/news';
let dir: string;
let server: StaticServer;
let browser: Browser;
let corpus: string;

beforeAll(async () => {
  corpus = await newsroomMediaCorpus('newsroom-media-corpus', { longArticles: LONG_ARTICLES });
  dir = await buildSiteAsync({ name: 'newsroom-media', env: { CONTENT_DIR: corpus, SITE_URL: SITE, BASE_PATH: BASE, TZ: 'UTC', BUILD_TIME: '2026-11-01T00:00:00Z' } });
  server = await serveStatic(dir, { mount: `${BASE}/` });
  browser = await testBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The published file a site address names. */
const file = (url: string) => join(dir, decodeURI(new URL(url, SITE).pathname).slice(BASE.length));
const page = (slug: string) => readFileSync(join(dir, 'articles', slug, 'index.html'), 'utf8');
const candidates = (srcset: string) => srcset.split(',').map((entry) => { const [url, width] = entry.trim().split(/\s+/); return { url: url!, width: Number(width!.slice(0, -1)) }; });

/** Every `<picture>` of a page as its HTML has it. */
function pictures(html: string) {
  return [...html.matchAll(/<picture>(.*?)<\/picture>/g)].map(([, inner]) => ({
    sources: [...inner!.matchAll(/<source type="([^"]+)" srcset="([^"]+)"[^>]*?(?: media="([^"]+)")?>/g)].map(([, type, srcset, media]) => ({ type: type!, srcset: srcset!, media })),
    img: /<img src="([^"]+)"[^>]* width="(\d+)" height="(\d+)"/.exec(inner!)!.slice(1),
  }));
}

async function frames(path: string) {
  const metadata = await sharp(path, { pages: -1 }).metadata();
  return { format: metadata.format, width: metadata.width, height: metadata.pageHeight ?? metadata.height, frames: metadata.pages ?? 1 };
}

describe('an animated picture', () => {
  it('keeps its shape in every copy: the WebP and GIF animate, the AVIF (for reduced motion) is its first frame, never a strip', async () => {
    const [lead, webp] = pictures(page('animated-pictures'));
    for (const picture of [lead!, webp!]) {
      expect(picture.sources.map((source) => [source.type, source.media])).toEqual([['image/avif', '(prefers-reduced-motion: reduce)'], ['image/webp', undefined]]);
      for (const source of picture.sources) {
        for (const { url, width } of candidates(source.srcset)) {
          const made = await frames(file(url));
          expect(made, url).toEqual({ format: source.type === 'image/avif' ? 'heif' : 'webp', width, height: Math.round((width * 360) / 640), frames: source.type === 'image/avif' ? 1 : 4 });
        }
      }
      expect(picture.img.slice(1)).toEqual(['640', '360']);
      expect(await frames(file(picture.img[0]!))).toEqual({ format: 'gif', width: 640, height: 360, frames: 4 });
    }
  });

  it('animates in Chromium, and shows the still to a reader who asked for less motion', async () => {
    for (const [reducedMotion, type] of [['no-preference', 'webp'], ['reduce', 'avif']] as const) {
      const context = await browser.newContext({ reducedMotion, viewport: { width: 1280, height: 900 } });
      const tab = await context.newPage();
      await tab.goto(`${server.origin}${BASE}/articles/animated-pictures/`);
      const lead = tab.locator('.figure img').first();
      await lead.evaluate((img: HTMLImageElement) => img.decode());
      const shown = await lead.evaluate((img: HTMLImageElement) => ({ src: img.currentSrc, width: img.naturalWidth, height: img.naturalHeight }));
      expect(shown.src.endsWith(`.${type}`), shown.src).toBe(true);
      expect([shown.width, shown.height]).toEqual([640, 360]);
      await context.close();
    }
  });

  it('is a still thumbnail in listings', async () => {
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    const thumbnail = pictures(home).find((picture) => picture.img[0]!.includes('/loop.'))!;
    expect(thumbnail.sources.map((source) => source.type)).toEqual(['image/avif']);
    for (const { url } of candidates(thumbnail.sources[0]!.srcset)) expect((await frames(file(url))).frames).toBe(1);
    expect((await frames(file(thumbnail.img[0]!))).frames).toBe(1);
  });

  it('as an animated PNG, shows a still and links the original, which animates', () => {
    expect(page('animated-pictures')).toContain(`<a class="picture-animation" href="${BASE}/media/animated-pictures/loop.png">Play the animation</a>`);
  });

  it('is shared as its first frame, a JPEG', async () => {
    const card = /<meta property="og:image" content="([^"]+)"/.exec(page('animated-pictures'))![1]!;
    // The largest 1200:630 crop a 640 × 360 picture holds.
    expect(await frames(file(card))).toEqual({ format: 'jpeg', width: 640, height: 336, frames: 1 });
  });
});

describe('a tall infographic (600 × 17,000 px)', () => {
  it('offers only the AVIF and WebP widths those formats can encode, each a real picture of its claimed width', async () => {
    const [infographic] = pictures(page('tall-infographic'));
    for (const source of infographic!.sources) {
      const made = candidates(source.srcset);
      // At its own 600 px it is 17,000 px tall: past the 16,383 px AVIF and WebP can encode.
      expect(made.map((candidate) => candidate.width)).toEqual([360, 480]);
      for (const { url, width } of made) {
        const metadata = await sharp(file(url), { limitInputPixels: false }).metadata();
        expect([metadata.format, metadata.width, metadata.height], url).toEqual([source.type === 'image/avif' ? 'heif' : 'webp', width, Math.round((width * 17_000) / 600)]);
      }
    }
    // The box keeps the picture's own shape.
    expect(infographic!.img.slice(1)).toEqual(['600', '17000']);
  });
});

describe('a transparent chart', () => {
  it('is shared as a 1200 × 630 JPEG laid on the page background, not on black', async () => {
    const card = /<meta property="og:image" content="([^"]+)"/.exec(page('transparent-chart'))![1]!;
    const { data, info } = await sharp(file(card)).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1200, 630]);
    // The top-right corner is background: the page's paper (#fdfcf9), give or take JPEG's rounding.
    const at = (info.width - 5) * info.channels + 5 * info.width * info.channels;
    for (const [channel, expected] of [0xfd, 0xfc, 0xf9].entries()) expect(Math.abs(data[at + channel]! - expected)).toBeLessThanOrEqual(3);
  });

  it.each(['light', 'dark'] as const)('stays readable in the %s scheme: the page’s paper behind it', async (colorScheme) => {
    const context = await browser.newContext({ colorScheme, viewport: { width: 375, height: 800 } });
    const tab = await context.newPage();
    await tab.goto(`${server.origin}${BASE}/articles/transparent-chart/`);
    const backing = await tab.locator('.figure img').first().evaluate((img) => getComputedStyle(img).backgroundColor);
    expect(backing).toBe(colorScheme === 'dark' ? 'rgb(253, 252, 249)' : 'rgba(0, 0, 0, 0)');
    expect(await axeViolations(tab, colorScheme)).toEqual([]);
    await context.close();
  });
});

describe('a small WebP lead', () => {
  it('is shared as a JPEG, the largest 1200:630 crop it holds', async () => {
    const html = page('small-webp-lead');
    const card = /<meta property="og:image" content="([^"]+)"/.exec(html)![1]!;
    expect(html).toContain('<meta property="og:image:width" content="800">');
    expect(html).toMatch(new RegExp(`<meta name="twitter:image" content="${card.replace(/[.?]/g, '\\$&')}">`));
    expect(html).toContain('<meta property="og:image:height" content="420">');
    expect(await frames(file(card))).toEqual({ format: 'jpeg', width: 800, height: 420, frames: 1 });
  });
});

describe('every embed form', () => {
  const EXPECTED = [
    ['https://www.youtube-nocookie.com/embed/M7lc1UVf-VE', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
    ['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=90', 'https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=90s'],
    ['https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1', 'https://vimeo.com/76979871/8272103f6e'],
    ['https://geo.dailymotion.com/player.html?video=x8m8jkb', 'https://www.dailymotion.com/video/x8m8jkb'],
    ['https://geo.dailymotion.com/player.html?video=x7tgad0', 'https://www.dailymotion.com/video/x7tgad0'],
    ['https://geo.dailymotion.com/player.html?video=x2jvvep', 'https://www.dailymotion.com/video/x2jvvep'],
  ];

  it('without JavaScript: a block per video with a working link, nothing requested from a host, and a link for the frame not kept', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    const requested: string[] = [];
    tab.on('request', (request) => void (new URL(request.url()).origin !== server.origin && requested.push(request.url())));
    await tab.goto(`${server.origin}${BASE}/articles/every-embed/`);
    const links = await tab.locator('.embed__caption a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual(EXPECTED.map(([, link]) => link));
    expect(await tab.locator('.embed__play').count()).toBe(0);
    expect(await tab.locator('iframe').count()).toBe(0);
    expect(await tab.getByRole('link', { name: 'Embedded content from datawrapper.dwcdn.net' }).getAttribute('href')).toBe('https://datawrapper.dwcdn.net/AbCdE/1/');
    // The social post stays a quote with its link; its script is not run.
    expect(await tab.getByRole('link', { name: 'June 1, 2024' }).count()).toBe(1);
    expect(requested).toEqual([]);
    await context.close();
  });

  it('with JavaScript: a play button per video, and the player only after a click', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const requested: string[] = [];
    tab.on('request', (request) => void (new URL(request.url()).origin !== server.origin && requested.push(request.url())));
    // The players are third parties: answered here with an empty page, never fetched.
    await tab.route(/^https:\/\//, (route) => route.fulfill({ contentType: 'text/html', body: '<title>player</title>' }));
    await tab.goto(`${server.origin}${BASE}/articles/every-embed/`);
    await expect.poll(() => tab.locator('.embed__play').count()).toBe(EXPECTED.length);
    expect(requested).toEqual([]);
    expect(await axeViolations(tab, 'light')).toEqual([]);
    await tab.getByRole('button', { name: 'Play Big Buck Bunny, from the Blender Foundation' }).click();
    const frame = tab.locator('iframe');
    await expect.poll(() => frame.count()).toBe(1);
    expect(await frame.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=90&autoplay=1');
    expect(await frame.getAttribute('title')).toBe('Big Buck Bunny, from the Blender Foundation');
    // The frame asks for its player once it is in the page, not at once: waited for, not raced
    // (a busy machine saw no request yet at the moment of asking).
    await expect.poll(() => requested).toEqual(['https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ?start=90&autoplay=1']);
    await context.close();
  });

  it('reaches the feeds as plain links, in two third-party parsers', async () => {
    const rss = readFileSync(join(dir, 'rss.xml'), 'utf8');
    const parsed = await new Parser().parseString(rss);
    const item = parsed.items.find((entry) => entry.title === 'Fixture: every embed form')!;
    for (const [, link] of EXPECTED) expect(item['content:encoded'] ?? item.content).toContain(`href="${link!.replace('&', '&#x26;')}"`);
    expect(item['content:encoded']).not.toContain('<iframe');
    const json = extractFromJson(readFileSync(join(dir, 'feed.json'), 'utf8'), { descriptionMaxLen: 0, getExtraEntryFields: (entry: Record<string, unknown>) => ({ html: entry['content_html'] }) });
    const entry = json.entries!.find((found) => found.title === 'Fixture: every embed form') as unknown as { html: string };
    for (const [, link] of EXPECTED) expect(entry.html).toContain(link!.split('&')[0]);
  });
});

describe('sound and video files uploaded beside the article', () => {
  it('play from their published copies with the browser’s controls, never by themselves, captions on offer', async () => {
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${server.origin}${BASE}/articles/sound-and-video/`);
    const players = await tab.locator('.article__body audio, .article__body video').evaluateAll(async (elements) => {
      const media = elements as HTMLMediaElement[];
      // Long enough for a player that autoplays to have started.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return media.map((player) => ({
        tag: player.tagName.toLowerCase(),
        src: player.currentSrc,
        controls: player.controls,
        autoplay: player.autoplay,
        paused: player.paused,
        preload: player.preload,
        tracks: [...player.textTracks].map((track) => `${track.kind} ${track.language}`),
        poster: (player as HTMLVideoElement).poster ?? null,
      }));
    });
    const media = `${server.origin}${BASE}/media/sound-and-video`;
    expect(players).toEqual([
      { tag: 'audio', src: `${media}/interview.mp3`, controls: true, autoplay: false, paused: true, preload: 'metadata', tracks: [], poster: null },
      { tag: 'video', src: `${media}/clip.webm`, controls: true, autoplay: false, paused: true, preload: 'metadata', tracks: ['captions en'], poster: `${media}/clip-poster.jpg` },
    ]);
    // The clip plays when asked.
    const played = await tab.locator('video').evaluate(async (video: HTMLVideoElement) => {
      video.muted = true;
      await video.play();
      return !video.paused && video.videoWidth;
    });
    expect(played).toBe(320);
    await context.close();
    expect(readFileSync(join(dir, 'media/sound-and-video/interview.mp3')).equals(readFileSync(join(corpus, 'interview.mp3')))).toBe(true);
  });

  it('reach the feeds as links to the published files', async () => {
    const parsed = await new Parser().parseString(readFileSync(join(dir, 'atom.xml'), 'utf8'));
    const item = parsed.items.find((entry) => entry.title === 'Fixture: an interview and a clip')!;
    expect(item.content).toContain(`<a href="${SITE}${BASE}/media/sound-and-video/interview.mp3">Listen to the audio file</a>`);
    expect(item.content).toContain(`<a href="${SITE}${BASE}/media/sound-and-video/clip.webm">Watch the video file</a>`);
    expect(item.content).not.toMatch(/<(audio|video|source|track)\b/);
  });
});

describe.each([
  ['rss.xml'],
  ['atom.xml'],
  ['feed.json'],
  // Per-listing feeds (a tag's, a section's) are RSS.
  ['tags/transcripts/rss.xml'],
  ['sections/world/rss.xml'],
])('%s, over a corpus of long transcripts', (path) => {
  it('stays within 1 MiB: the newest items in full, then standfirst and link, read alike by rss-parser and feed-extractor', async () => {
    const text = readFileSync(join(dir, path), 'utf8');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(BUDGET);
    const fromParser = path.endsWith('.json')
      ? (JSON.parse(text) as { items: { title: string; content_html: string }[] }).items.map((item) => ({ title: item.title, html: item.content_html }))
      : (await new Parser().parseString(text)).items.map((item) => ({ title: item.title!, html: String(item['content:encoded'] ?? item.content) }));
    const extracted = path.endsWith('.json')
      ? extractFromJson(text, { descriptionMaxLen: 0, getExtraEntryFields: (entry: Record<string, unknown>) => ({ html: entry['content_html'] }) })
      : extractFromXml(text, {
          descriptionMaxLen: 0,
          getExtraEntryFields: (entry: Record<string, unknown>) => ({ html: entry['content:encoded'] ?? (entry['content'] as { '#text'?: string } | undefined)?.['#text'] ?? entry['content'] }),
        });
    expect(extracted.entries!.map((entry) => entry.title)).toEqual(fromParser.map((item) => item.title));
    const transcripts = fromParser.filter((item) => item.title.startsWith('Fixture: trial transcript'));
    // Every transcript is listed, newest first; those in full come first, the rest are shortened.
    expect(transcripts.map((item) => item.title)).toEqual(Array.from({ length: LONG_ARTICLES }, (_, at) => `Fixture: trial transcript, day ${LONG_ARTICLES - at}`));
    const full = transcripts.map((item) => item.html.includes(LONG_ARTICLE_END));
    const firstShort = full.indexOf(false);
    expect(firstShort).toBeGreaterThan(0);
    expect(full.slice(firstShort)).not.toContain(true);
    for (const item of transcripts.slice(firstShort)) {
      expect(item.html).toContain(FULL_ARTICLE_LINK);
      expect(item.html).toContain('Test fixture: the full transcript of day');
    }
  });
});

describe('the whole site', () => {
  it('passes the Nu HTML Checker', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it('has no broken link under /news/', async () => {
    const result = await crawl({ localOrigin: server.origin, siteUrl: `${SITE}${BASE}/`, start: [`${BASE}/`, `${BASE}/rss.xml`, `${BASE}/feed.json`] });
    expect(result.broken).toEqual([]);
    expect(result.escaping).toEqual([]);
  });

  it('each article page passes axe, and those with a video block, a player or a transparent picture in both schemes', async () => {
    // The transparent chart's page is checked in both schemes above, with its backing.
    const dark = new Set(['every-embed', 'media-showcase', 'sound-and-video']);
    for (const slug of ['animated-pictures', 'tall-infographic', 'small-webp-lead', 'every-embed', 'media-showcase', 'sound-and-video']) {
      for (const colorScheme of dark.has(slug) ? (['light', 'dark'] as const) : (['light'] as const)) {
        const context = await browser.newContext({ colorScheme });
        const tab = await context.newPage();
        await tab.goto(`${server.origin}${BASE}/articles/${slug}/`);
        expect(await axeViolations(tab, colorScheme), `${slug} ${colorScheme}`).toEqual([]);
        await context.close();
      }
    }
  });
});
