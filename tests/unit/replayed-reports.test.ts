import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import Parser from 'rss-parser';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../src/checks/content';
import { damagedPictures } from '../../src/checks/media';
import { checkRendered, type RenderedEntry } from '../../src/checks/rendered';
import { atomResponse } from '../../src/feeds/atom';
import { toFeedHtml } from '../../src/feeds/html';
import { feedChannel, type FeedChannel, type FeedItem } from '../../src/feeds/items';
import { jsonFeedResponse } from '../../src/feeds/json-feed';
import { rssResponse } from '../../src/feeds/rss';
import service from '../../src/integrations/picture-service';
import { readCopyFacts } from '../../src/markdown/copy-facts';
import { videoEmbed } from '../../src/markdown/embeds';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { toArticle, type Article } from '../../src/model/articles';
import { canonicalDate } from '../../src/model/dates';
import { BODY_PICTURE, candidateWidths, encodableWidths, pictureCopies, shareCardCopy } from '../../src/model/pictures';
import { rebaserFor } from '../../src/model/urls';
import { SITE } from '../../src/site';
import { testAnimation } from '../../scripts/lib/test-photos';
import { htmlElements, htmlText, parseXml, xmllintErrors } from '../support/feeds';
import { TMP } from '../support/paths';

/*
 * Issue 21 point 6: public bug reports about pictures, embeds and feeds from other static site
 * generators and feed readers, each replayed against Broadsheet's own code with the report's
 * input, asserting what a demanding reader expects. Every case is named after its report and
 * links it; the expected values are written out here, never computed by the code under test.
 * Pictures are generated at test time (scripts/lib/test-photos.ts, sharp), none is committed.
 */

const DIR = join(TMP, 'replayed-reports');
const SITE_URL = 'https://example.org/';

// ─── Helpers ──────────────────────────────────────────────────────────────────────────────────

const processor = await createMarkdownProcessor({ ...markdownPipeline(), syntaxHighlight: false });
const underNews = await createMarkdownProcessor({ ...markdownPipeline({ rebase: rebaserFor('/news/') }), syntaxHighlight: false });

/** Broadsheet's image service (Astro's sharp service and its two changes), as the build calls it. */
const warnings: string[] = [];
const logger = { warn: (message: string) => void warnings.push(message), info: () => {}, error: () => {}, debug: () => {} };
const serviceConfig = { service: { entrypoint: 'src/integrations/picture-service.ts', config: {} } };
function transform(input: Buffer, options: Record<string, unknown>): Promise<{ data: Uint8Array; format: string }> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return service.transform(new Uint8Array(input), { src: '/content/articles/picture', ...options } as any, serviceConfig as any, logger as any);
}
/** What a copy is, read back with sharp: format, size of one frame, frames, orientation tag, alpha. */
async function copyFacts(data: Uint8Array) {
  const m = await sharp(data, { pages: -1 }).metadata();
  return { format: m.format, width: m.width, height: m.pageHeight ?? m.height, frames: m.pages ?? 1, orientation: m.orientation, alpha: m.hasAlpha };
}
/** The colour of one pixel (RGB) of a picture. */
async function pixel(data: Uint8Array | Buffer, x: number, y: number): Promise<[number, number, number]> {
  const { data: raw, info } = await sharp(data).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [raw[at]!, raw[at + 1]!, raw[at + 2]!];
}

/** Front matter an article needs, as the schema would hand it over (a canonical date). */
const baseData = (published = '2024-06-18') => ({ title: 'T', standfirst: 'S', published, section: 'World', tags: ['X'], type: 'news', draft: false });

/**
 * An article as the build makes it: its Markdown rendered by the site's pipeline (Astro's
 * processor, with the file's address so local pictures are found), checked (checkRendered: its
 * pictures measured) and modelled (toArticle). `files` are written beside it first.
 */
async function buildArticle(
  slug: string,
  markdown: string,
  { data = {}, files = {} }: { data?: Record<string, unknown>; files?: Record<string, Buffer> } = {},
): Promise<Article> {
  const dir = join(DIR, 'articles', slug);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
  const file = join(dir, `${slug}.md`);
  writeFileSync(file, markdown);
  const frontmatter = { ...baseData(), ...data };
  const { code, metadata } = await processor.render(markdown, { frontmatter, fileURL: pathToFileURL(file) });
  const [input] = checkRendered([{ id: slug, filePath: file, data: frontmatter as RenderedEntry['data'], rendered: { html: code, metadata } }]);
  return toArticle(input!, new Date('2030-01-01T00:00:00Z'));
}

const channelOf = (articles: Article[], feedPath: string): FeedChannel =>
  feedChannel(articles, SITE_URL, { title: 'Broadsheet', description: 'News.', language: 'en', homePath: '/', feedPath, limit: 50 });

/** The three feeds of some articles, as served. */
async function feeds(articles: Article[]) {
  return {
    rss: await (await rssResponse(channelOf(articles, '/rss.xml'))).text(),
    atom: await (await atomResponse(channelOf(articles, '/atom.xml'), 'Broadsheet')).text(),
    json: await (await jsonFeedResponse(channelOf(articles, '/feed.json'), 'Broadsheet')).text(),
  };
}

/** Characters XML 1.0 § 2.2 forbids anywhere in a document (C0 controls but tab, LF, CR; U+FFFE, U+FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** A flat PNG of `width` × `height`, cheap to make at any size. */
const flatPng = (width: number, height: number, background = '#336699') => sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

/** A PNG whose header claims `width` × `height` px: all a size check reads. */
async function pngHeader(width: number, height: number): Promise<Buffer> {
  const header = await flatPng(1, 1);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

const ARTICLE = (body: string, extra = '') => `---\ntitle: "T"\nstandfirst: "S"\npublished: 2024-06-18\nsection: World\ntags: [X]\n${extra}---\n\n${body}\n`;

beforeEach(() => {
  warnings.length = 0;
});

// ─── Pictures ─────────────────────────────────────────────────────────────────────────────────

describe('pictures: animations', () => {
  // https://github.com/gohugoio/hugo/pull/10357 ("Fix resize of animated GIF when target != GIF"):
  // a GIF resized into a format that cannot animate came out wrong.
  it.each(['jpg', 'png', 'avif'] as const)('hugo#10357: an animated GIF asked for as %s is one 64 × 36 frame, not a strip of four', async (format) => {
    const gif = await testAnimation('gif', 64, 36, 4);
    const { data, format: made } = await transform(gif, { format, width: 64, height: 36 });
    expect(made).toBe(format);
    expect(await copyFacts(data)).toMatchObject({ width: 64, height: 36, frames: 1 });
  });

  // https://github.com/madrilene/eleventy-excellent/issues/69 ("Resizing animated gifs result in
  // `Image too large error`"): each frame of a long GIF was stacked into the JPEG, past what the
  // encoder takes. Thirty 320 × 600 frames stack to 18,000 px, past AVIF's 16,383.
  it('eleventy-excellent#69: a 30-frame GIF asked for as AVIF is made, as its first 320 × 600 frame', async () => {
    const gif = await testAnimation('gif', 320, 600, 30);
    const { data, format } = await transform(gif, { format: 'avif', width: 320, height: 600 });
    expect(format).toBe('avif');
    expect(await copyFacts(data)).toMatchObject({ format: 'heif', width: 320, height: 600, frames: 1 });
    expect(warnings).toEqual([]);
  });

  // https://github.com/11ty/image/issues/139 ("Video frames from WEBP and GIF originals are
  // stripped off"): the optimised copies of an animation were stills.
  it('11ty/image#139: an animated GIF keeps all four frames in the WebP and GIF copies the page offers', async () => {
    const { sources, fallback } = pictureCopies({ frames: 4, format: 'gif' });
    // Readers who did not ask for less motion get an animated format.
    expect(sources.filter((source) => source.media === undefined).map((source) => source.format)).toEqual(['webp']);
    expect(fallback).toBe('gif');
    const gif = await testAnimation('gif', 64, 36, 4);
    for (const format of ['webp', 'gif'] as const) {
      const { data } = await transform(gif, { format, width: 32, height: 18 });
      expect(await copyFacts(data)).toMatchObject({ format, width: 32, height: 18, frames: 4 });
    }
  });
});

describe('pictures: orientation, transparency, size', () => {
  // https://github.com/11ty/image/issues/49 ("Resized images are rotated if original image
  // contains EXIF orientation metadata"): a phone photo stored landscape with "rotate 90° CW".
  it('11ty/image#49: a photo stored 60 × 40 with EXIF orientation 6 becomes an upright 20 × 30 copy, red half on top, no tag left to rotate it again', async () => {
    // Stored: left half red, right half blue. Shown rotated 90° clockwise: red on top.
    const halves = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="60" height="40"><rect width="30" height="40" fill="#f00"/><rect x="30" width="30" height="40" fill="#00f"/></svg>`);
    const photo = await sharp(halves).flatten().jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const { data } = await transform(photo, { format: 'jpg', width: 20, height: 30 });
    const facts = await copyFacts(data);
    expect([facts.width, facts.height]).toEqual([20, 30]);
    expect([undefined, 1]).toContain(facts.orientation);
    const [top, bottom] = [await pixel(data, 10, 3), await pixel(data, 10, 26)];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);
  });

  // https://github.com/liamfiddler/eleventy-plugin-lazyimages/issues/11 ("Transparent part of PNG
  // is black when blurred"): the copy was a JPEG, which has no alpha.
  describe('eleventy-plugin-lazyimages#11: a transparent PNG never turns black', () => {
    const transparentChart = () =>
      sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect x="20" width="20" height="20" fill="#123"/></svg>')).png().toBuffer();

    it('the page offers it only in formats with alpha (AVIF, WebP, PNG), and those copies keep it transparent', async () => {
      for (const format of ['png', 'webp', 'gif', 'avif']) {
        const { sources, fallback } = pictureCopies({ frames: 1, format });
        expect([...sources.map((source) => source.format), fallback]).not.toContain('jpg');
      }
      const png = await transparentChart();
      for (const format of ['avif', 'webp', 'png'] as const) {
        const { data } = await transform(png, { format, width: 40, height: 20 });
        const { data: raw, info } = await sharp(data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
        expect(raw[3 + 0 * info.channels], `${format}: alpha of the transparent half`).toBeLessThan(10);
      }
    });

    it('its share card (a JPEG) is laid on the page’s paper, #fdfcf9, not black', async () => {
      expect(shareCardCopy({ width: 40, height: 20, format: 'png', alpha: true, frames: 1 }).copy).toBe(true);
      // What src/components/pictures.ts shareCard asks the service for a transparent picture.
      const { data } = await transform(await transparentChart(), { format: 'jpg', width: 40, height: 20, background: '#fdfcf9' });
      const [r, g, b] = await pixel(data, 5, 10);
      for (const [got, want] of [[r, 253], [g, 252], [b, 249]]) expect(Math.abs(got! - want!)).toBeLessThanOrEqual(3);
    });
  });

  // https://github.com/RafidMuhymin/astro-imagetools/issues/41: an Astro build died with
  // "Processed image is too large for the WebP format". A 720 × 20,000 px infographic.
  it('astro-imagetools#41: a 720 × 20,000 px infographic gets only the WebP copies WebP can hold, and an impossible one stops the build naming it', async () => {
    const ratio = 720 / 20_000;
    const widths = candidateWidths(BODY_PICTURE.widths, 720);
    expect(widths).toEqual([360, 480, 640, 720]);
    // 360 → 10,000 px and 480 → 13,333 px fit under 16,383; 640 → 17,778 px does not.
    expect(encodableWidths('webp', widths, ratio)).toEqual([360, 480]);
    expect(encodableWidths('avif', widths, ratio)).toEqual([360, 480]);
    expect(encodableWidths('png', widths, ratio)).toEqual([360, 480, 640, 720]);
    const tall = await flatPng(720, 20_000);
    const { data } = await transform(tall, { format: 'webp', width: 480, height: 13_333 });
    expect(await copyFacts(data)).toMatchObject({ format: 'webp', width: 480, height: 13_333 });
    await expect(transform(tall, { src: '/content/articles/infographic.png', format: 'webp', width: 720, height: 20_000 })).rejects.toThrow(
      'picture /content/articles/infographic.png: sharp could not make its webp copy (720 × 20000 px)',
    );
  }, 30_000);

  // https://github.com/val-town/val-town-blog/issues/4: "[Error: Input image exceeds pixel
  // limit]" stopped an Astro build, and "Astro doesn't report the image name!"
  it('val-town-blog#4: a picture past the pixel limit is refused by the check, naming the article, field, picture and size', async () => {
    const dir = join(DIR, 'pixel-limit');
    mkdirSync(dir, { recursive: true });
    const fsPath = join(dir, 'poster.png');
    writeFileSync(fsPath, await pngHeader(20_000, 20_000));
    const problems = await damagedPictures([{ file: 'content/articles/launch.md', field: 'image.src', source: './poster.png', fsPath }]);
    expect(problems).toEqual([
      {
        file: 'content/articles/launch.md',
        field: 'image.src',
        message: expect.stringContaining('picture "./poster.png": expected at most 268,402,689 pixels') as unknown as string,
      },
    ]);
    expect(problems[0]!.message).toContain('found 20,000 × 20,000 px = 400,000,000 pixels');
  });
});

describe('pictures: file names', () => {
  const dir = join(DIR, 'file-names');
  beforeEach(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  });

  // https://github.com/withastro/astro/issues/11291 ("Markdown image not found when file name
  // contains a space"): `![Network Diagram](../assets/Network%20Diagram.svg)` → ImageNotFound.
  it('astro#11291: `Network%20Diagram.png` finds "Network Diagram.png" in the check and in the build, and the feed points at the published file', async () => {
    writeFileSync(join(dir, 'Network Diagram.png'), await flatPng(64, 32));
    writeFileSync(join(dir, 'story.md'), ARTICLE('![Network Diagram](./Network%20Diagram.png)'));
    expect(await checkContent(dir)).toEqual([]);
    const article = await buildArticle('network', '![Network Diagram](./Network%20Diagram.png)', { files: { 'Network Diagram.png': await flatPng(64, 32) } });
    expect(article.media.map((picture) => picture.name)).toEqual(['Network Diagram.png']);
    const { atom } = await feeds([article]);
    const content = parseXml(atom).feed.entry[0].content['#text'] as string;
    expect(content).toContain('<img src="https://example.org/media/network/Network%20Diagram.png" alt="Network Diagram">');
  });

  // https://github.com/hexojs/hexo/issues/1562 ("wrong image file name convertion when there are
  // spaces in file name"): the file was published as `%20` while the page asked for spaces.
  it('hexo#1562: the address the feed gives a picture with spaces decodes to the very path it is published at', async () => {
    const name = 'Basic Module Detector Alert-1.png';
    const article = await buildArticle('detector', `![plot of chunk Basic Module Detector Alert](<${name}>)`, { files: { [name]: await flatPng(48, 24) } });
    const { rss } = await feeds([article]);
    const content = parseXml(rss).rss.channel.item[0]['content:encoded'] as string;
    const src = /<img src="([^"]+)"/.exec(content)?.[1];
    expect(src).toBe('https://example.org/media/detector/Basic%20Module%20Detector%20Alert-1.png');
    // The media route publishes /media/<slug>/<file name> (src/pages/media/[...file].ts).
    expect(decodeURIComponent(new URL(src!).pathname)).toBe('/media/detector/Basic Module Detector Alert-1.png');
    expect(article.media[0]!.fsPath).toBe(join(DIR, 'articles', 'detector', name));
  });

  // https://github.com/getpelican/pelican/issues/1388 ("Space(s) in image filename"): with a bare
  // space in the address the picture "can't be displayed ... the alternate text is displayed".
  it('pelican#1388: `![…](./images/Test 123.png)` with the file present is either shown or named by the check, never printed as Markdown', async () => {
    mkdirSync(join(dir, 'images'));
    writeFileSync(join(dir, 'images', 'Test 123.png'), await flatPng(64, 32));
    const body = '![Test image with space](./images/Test 123.png)';
    writeFileSync(join(dir, 'story.md'), ARTICLE(body));
    const { code } = await processor.render(body, { frontmatter: {}, fileURL: pathToFileURL(join(dir, 'story.md')) });
    const shown = htmlElements(code).includes('img');
    const named = (await checkContent(dir)).some((problem) => problem.field === 'body' && problem.message.includes('Test 123.png'));
    expect({ shown, named, printedAsMarkdown: htmlText(code).includes('![Test image with space]') }).toMatchObject(
      shown ? { shown: true, printedAsMarkdown: false } : { named: true },
    );
  });
});

// ─── Embeds ───────────────────────────────────────────────────────────────────────────────────

describe('embeds', () => {
  const render = (markdown: string) => processor.render(markdown, { frontmatter: {} });

  // https://github.com/gohugoio/hugo/issues/7441 ("Alternate Shortcode for youtube-nocookie"):
  // YouTube's privacy-enhanced host, for GDPR.
  it('hugo#7441: YouTube’s default embed code plays from youtube-nocookie.com, and nothing loads from YouTube before the reader asks', async () => {
    const { code, metadata } = await render(
      '<iframe width="560" height="315" src="https://www.youtube.com/embed/aqz-KE-bpKQ?si=AbCdEfGhIjKlMnOp" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" allowfullscreen></iframe>',
    );
    expect(code).toContain('data-player="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"');
    expect(htmlElements(code)).not.toContain('iframe');
    expect(htmlElements(code)).not.toContain('script');
    expect(code).not.toContain('www.youtube.com/embed');
    expect(readCopyFacts(metadata).notices).toEqual([]);
  });

  // https://github.com/statamic/cms/pull/9521 ("Support YouTube Shorts in embed_code modifier"):
  // Shorts addresses, and youtube.com without www, were not embedded.
  it.each(['https://www.youtube.com/shorts/7hYbrdC_-s8', 'https://youtube.com/shorts/7hYbrdC_-s8', 'https://youtube.com/watch?v=7hYbrdC_-s8'])(
    'statamic#9521: %s is the video 7hYbrdC_-s8',
    (address) => {
      expect(videoEmbed(address)).toEqual({
        host: 'YouTube',
        player: 'https://www.youtube-nocookie.com/embed/7hYbrdC_-s8',
        page: 'https://www.youtube.com/watch?v=7hYbrdC_-s8',
      });
    },
  );

  // https://github.com/quarto-dev/quarto-cli/issues/5390 ("Embedding Vimeo video does not work
  // with "unlisted" links"): the privacy hash in `vimeo.com/<id>/<hash>` was lost.
  it('quarto#5390: an unlisted Vimeo link keeps its privacy hash in the player and in the link readers follow', async () => {
    expect(videoEmbed('https://vimeo.com/823137111/7da580d79b?share=copy')).toEqual({
      host: 'Vimeo',
      player: 'https://player.vimeo.com/video/823137111?h=7da580d79b&dnt=1',
      page: 'https://vimeo.com/823137111/7da580d79b',
    });
    const { code } = await render('<iframe src="https://vimeo.com/823137111/7da580d79b?share=copy"></iframe>');
    expect(code).toContain('data-player="https://player.vimeo.com/video/823137111?h=7da580d79b&#x26;dnt=1"');
    expect(code).toContain('<a href="https://vimeo.com/823137111/7da580d79b"');
  });

  // https://github.com/delucis/astro-embed/issues/59 ("Support in RSS feed?"): with @astrojs/rss
  // the YouTube embed reached the feed as raw text, not a way to the video.
  const statement = async () => {
    const { code } = await render('Before.\n\n<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ" title="The minister’s statement"></iframe>\n\nAfter.');
    return toFeedHtml(code, { pageUrl: 'https://example.org/articles/statement/' });
  };

  it('astro-embed#59: a YouTube embed reaches the feed as a titled link to the video, not as embed code', async () => {
    const feedHtml = await statement();
    expect(feedHtml).toMatch(/<a href="https:\/\/www\.youtube\.com\/watch\?v=aqz-KE-bpKQ"[^>]*>Watch “The minister’s statement” on YouTube<\/a>/);
    expect(htmlText(feedHtml)).not.toMatch(/iframe|youtube\.com\/embed/);
  });

  // The same report, read to its end: a feed reader has no player, so the feed should say nothing
  // of one ("what feeds carry" is the link: src/markdown/embeds.ts rehypeEmbedBlocks).
  it('astro-embed#59: the feed says nothing of a player it does not carry', async () => {
    expect(htmlText(await statement())).not.toContain('Playing it here');
  });

  // https://github.com/alexwlchan/alexwlchan.net/pull/88 ("Fix YouTube links in the RSS feed"):
  // "feedvalidator whinges about an `<iframe>` tag appearing in the RSS".
  it('alexwlchan.net#88: no feed format carries an iframe for an embedded video, escaped or not', async () => {
    const article = await buildArticle('video', 'Watch this.\n\n<iframe src="https://youtu.be/aqz-KE-bpKQ"></iframe>');
    const { rss, atom, json } = await feeds([article]);
    for (const document of [rss, atom, json]) {
      expect(document).not.toMatch(/iframe/i);
      expect(document).toContain('https://www.youtube.com/watch?v=aqz-KE-bpKQ');
    }
  });
});

// ─── Feeds ────────────────────────────────────────────────────────────────────────────────────

describe('feeds: what XML cannot carry', () => {
  // https://github.com/dbanty/dylananthony.com/pull/196: two U+001F in a Zola post's body made
  // the Atom feed invalid XML. https://github.com/miniflux/v2/issues/569: "XML syntax error on
  // line 7489: illegal character code U+001E", from a title.
  it.each([
    ['dylananthony.com#196', { title: 'New year, new website' }, 'Search\u001Fengines\u001F and \u0010dashes'],
    ['miniflux#569', { title: 'Type\u001E is beautiful' }, 'Body.'],
  ])('%s: control characters in copy leave every feed well-formed, the words kept', async (_report, data, body) => {
    const article = await buildArticle('controls', body, { data });
    const { rss, atom, json } = await feeds([article]);
    for (const document of [rss, atom, json]) expect(document).not.toMatch(XML_FORBIDDEN);
    expect(xmllintErrors(rss)).toBe('');
    expect(xmllintErrors(atom)).toBe('');
    const title = data.title.replace(/[\u0000-\u001F]/g, '');
    expect(parseXml(rss).rss.channel.item[0].title).toBe(title);
    expect(JSON.parse(json).items[0].title).toBe(title);
  });

  // https://github.com/jekyll/jekyll-feed/pull/396 ("Escape any stray CDATA end tokens that may
  // be in the post contents"): `]]>` in a post closed the feed's CDATA section early.
  it('jekyll-feed#396: `]]>` in copy leaves RSS and Atom well-formed, and readers get it back as text', async () => {
    const article = await buildArticle('cdata', 'Close a section with `]]>`, as in a]]>b. <!-- a comment with ]]> in it -->');
    const { rss, atom } = await feeds([article]);
    expect(xmllintErrors(rss)).toBe('');
    expect(xmllintErrors(atom)).toBe('');
    const parsed = await new Parser<object, { 'content:encoded'?: string }>({ customFields: { item: ['content:encoded'] } }).parseString(rss);
    expect(htmlText(parsed.items[0]!['content:encoded']!)).toContain('Close a section with ]]>, as in a]]>b.');
  });

  // https://github.com/apiaryio/apiaryio.github.com/issues/142 (a Jekyll blog's feed.xml: "Entity
  // 'nbsp' not defined"); https://github.com/jekyll/jekyll-feed/issues/308 ("Entity 'middot' not defined").
  it('apiaryio#142, jekyll-feed#308: HTML entities in copy become characters, and no feed names an entity XML does not define', async () => {
    const article = await buildArticle('entities', 'Ten&nbsp;km &middot; caf&eacute; &check; &mdash; done');
    const { rss, atom } = await feeds([article]);
    for (const document of [rss, atom]) {
      expect(xmllintErrors(document)).toBe('');
      expect(document.match(/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)[a-z]+;/gi)).toBeNull();
    }
    const content = parseXml(atom).feed.entry[0].content['#text'] as string;
    expect(htmlText(content)).toContain('Ten\u00a0km · café ✓ — done');
  });
});

describe('feeds: addresses', () => {
  // https://github.com/jekyll/jekyll-feed/issues/185 ("Use absolute path for images in
  // post.content"): `/uploads/image1.jpg` was invisible in feed readers.
  it('jekyll-feed#185: a root-relative picture and link in copy are absolute in the feed, under the site’s base path', async () => {
    const { code } = await underNews.render('<img src="/uploads/image1.jpg" alt="Upload">\n\nSee [the tag](/tags/nato/).', { frontmatter: {} });
    const feedHtml = toFeedHtml(code, { pageUrl: 'https://example.org/news/articles/story/' });
    expect(feedHtml).toContain('src="https://example.org/news/uploads/image1.jpg"');
    expect(feedHtml).toContain('href="https://example.org/news/tags/nato/"');
  });

  // https://github.com/lektor/lektor-atom/issues/40 ("Images relative paths should be
  // substituted for absolute URL"): `![caption](image.png)` stayed `<img src="image.png">` in the
  // Atom entry, which readers resolve against the feed or the site root
  // (https://github.com/aaronpk/XRay/issues/98).
  it('lektor-atom#40: a picture beside the article is the absolute address of its published file in the Atom entry', async () => {
    const article = await buildArticle('wheels', 'Some text.\n\n![caption](image.png)', { files: { 'image.png': await flatPng(40, 30) } });
    const { atom } = await feeds([article]);
    const content = parseXml(atom).feed.entry[0].content['#text'] as string;
    expect(content).toContain('<img src="https://example.org/media/wheels/image.png" alt="caption">');
    expect(content).not.toMatch(/src="(?!https:\/\/)/);
  });
});

describe('feeds: enclosures, dates, size', () => {
  // https://github.com/developer-friendly/blog/issues/40 ("rss enclosure length should be a
  // positive integer", the W3C validator's complaint).
  it('developer-friendly/blog#40: the lead picture’s enclosure gives its byte length and type in all three formats', async () => {
    const lead = await flatPng(120, 80, '#a05020');
    const article = await buildArticle('lead', 'Body.', {
      data: { image: { src: './lead.png', alt: 'A lead', caption: 'Caption.' } },
      files: { 'lead.png': lead },
    });
    const bytes = statSync(join(DIR, 'articles', 'lead', 'lead.png')).size;
    expect(bytes).toBe(lead.length);
    const { rss, atom, json } = await feeds([article]);
    const parsed = await new Parser().parseString(rss);
    expect(parsed.items[0]!.enclosure).toEqual({ url: 'https://example.org/media/lead/lead.png', length: String(bytes), type: 'image/png' });
    const link = (parseXml(atom).feed.entry[0].link as Record<string, string>[]).find((entry) => entry['@_rel'] === 'enclosure');
    expect(link).toMatchObject({ '@_href': 'https://example.org/media/lead/lead.png', '@_length': String(bytes), '@_type': 'image/png' });
    expect(JSON.parse(json).items[0].attachments).toEqual([{ url: 'https://example.org/media/lead/lead.png', mime_type: 'image/png', size_in_bytes: bytes }]);
  });

  // https://github.com/greghendershott/frog/issues/111 ("Timezone problems in feeds"): Atom gave
  // local time with `Z` appended; RSS flipped between EST and EDT.
  it.each([
    ['2024-11-14T12:00:00', 'Thu, 14 Nov 2024 17:00:00 GMT', '2024-11-14T17:00:00.000Z'],
    ['2024-07-13T12:00:00', 'Sat, 13 Jul 2024 16:00:00 GMT', '2024-07-13T16:00:00.000Z'],
  ])('frog#111: %s, newsroom time in New York, is one instant in UTC in every feed', async (written, pubDate, iso) => {
    const article = await buildArticle('timed', 'Body.', { data: { published: canonicalDate(written, SITE.timeZone) } });
    const { rss, atom, json } = await feeds([article]);
    expect(parseXml(rss).rss.channel.item[0].pubDate).toBe(pubDate);
    expect(parseXml(atom).feed.entry[0].published).toBe(iso);
    expect(JSON.parse(json).items[0].date_published).toBe(iso);
  });

  // https://github.com/martinrotter/rssguard/issues/1799 ("Dates off by one day"): a feed's
  // `2025-07-13T00:00:00Z` showed as 12 July in New York.
  it('rssguard#1799: a date-only article of 13 July 2025 is midnight in New York, still 13 July for its readers', async () => {
    const article = await buildArticle('dated', 'Body.', { data: { published: '2025-07-13' } });
    const { rss, atom } = await feeds([article]);
    expect(parseXml(rss).rss.channel.item[0].pubDate).toBe('Sun, 13 Jul 2025 04:00:00 GMT');
    expect(parseXml(atom).feed.entry[0].published).toBe('2025-07-13T04:00:00.000Z');
    expect(new Date('2025-07-13T04:00:00.000Z').toLocaleDateString('en-US', { timeZone: 'America/New_York' })).toBe('7/13/2025');
  });

  // https://github.com/cabinjs/cabin/issues/90 ("RSS Feed is too large"): FeedBurner refused a
  // full-text feed: "Your feed filesize is larger than 512K".
  it('cabin#90: 30 long articles fit a 512 KB limit, newest in full, every item still there with a link', async () => {
    const log = vi.spyOn(console, 'info').mockImplementation(() => {});
    const items: FeedItem[] = Array.from({ length: 30 }, (_, i) => {
      const url = `https://example.org/articles/day-${i + 1}/`;
      return {
        url,
        title: `Day ${i + 1}`,
        summary: `Standfirst ${i + 1}.`,
        contentHtml: `<p>FULL-${i + 1}</p>` + '<p>A long transcript paragraph, with “quotes” &amp; more.</p>'.repeat(1_200),
        shortHtml: () => `<p>Standfirst ${i + 1}.</p><p><a href="${url}">Read the full article</a></p>`,
        published: new Date(Date.UTC(2026, 0, 30 - i)),
        updated: undefined,
        categories: ['Courts'],
        type: { term: 'news', label: 'News', scheme: 'https://example.org/types/' },
        authors: ['Reporter'],
        image: undefined,
        language: 'en',
      };
    });
    const channel: FeedChannel = { title: 'Courts', description: 'Trials.', language: 'en', homeUrl: SITE_URL, feedUrl: `${SITE_URL}rss.xml`, items, updated: items[0]!.published };
    const rss = await (await rssResponse(channel, 512 * 1024)).text();
    log.mockRestore();
    expect(Buffer.byteLength(rss)).toBeLessThanOrEqual(512 * 1024);
    const parsed = await new Parser<object, { 'content:encoded'?: string }>({ customFields: { item: ['content:encoded'] } }).parseString(rss);
    expect(parsed.items.map((item) => item.link)).toEqual(items.map((item) => item.url));
    expect(parsed.items[0]!['content:encoded']).toContain('FULL-1');
    // The rest carry their standfirst and a link to the article.
    for (const item of parsed.items.slice(1)) {
      const html = item['content:encoded']!;
      expect(html.includes('FULL-') || html.includes(`href="${item.link}"`), item.link).toBe(true);
    }
  });
});
