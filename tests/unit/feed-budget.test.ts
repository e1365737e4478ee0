import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import Parser from 'rss-parser';
import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { atomResponse } from '../../src/feeds/atom';
import { budgetReport, writeWithin } from '../../src/feeds/budget';
import type { FeedChannel, FeedItem } from '../../src/feeds/items';
import { jsonFeedResponse } from '../../src/feeds/json-feed';
import { rssResponse } from '../../src/feeds/rss';
import { FULL_ARTICLE_LINK } from '../../src/model/wording';

/*
 * Feeds of long copy, as a court desk's trial transcripts make them: 30 items of about 200 KB each
 * (6 MB in full), with text every format escapes (`<`, `&`, quotes) and characters of two, three
 * and four bytes, so the budget is met in bytes as served, not characters.
 */
const MiB = 1024 * 1024;
const transcriptParagraph = (n: number) =>
  `<p>Q. Witness ${n}, did you see the “harbour” records &amp; the <em>ledger</em>? A. Ja, größtenteils — 港口 🚢 &lt;redacted&gt;.</p>`;
const body = (n: number, bytes: number) => {
  const paragraph = transcriptParagraph(n);
  return `<p>MARKER-${n}</p>` + paragraph.repeat(Math.ceil(bytes / Buffer.byteLength(paragraph)));
};
const item = (n: number, bytes: number): FeedItem => {
  const url = `https://example.org/articles/day-${n}/`;
  return {
    url,
    title: `Trial, day ${n}: the witness & the “ledger”`,
    summary: `Standfirst ${n}: what the court heard.`,
    contentHtml: body(n, bytes),
    shortHtml: () => `<p>Standfirst ${n}: what the court heard.</p><p><a href="${url}">${FULL_ARTICLE_LINK}</a></p>`,
    published: new Date(Date.UTC(2026, 10, 30 - n)),
    updated: undefined,
    categories: ['Courts'],
    type: { term: 'news', label: 'News', scheme: 'https://example.org/types/' },
    authors: ['Court Reporter'],
    image: undefined,
    language: 'en',
  };
};
const channelOf = (items: FeedItem[], feedPath: string): FeedChannel => ({
  title: 'Broadsheet: Courts',
  description: 'Trial coverage.',
  language: 'en',
  homeUrl: 'https://example.org/sections/courts/',
  feedUrl: `https://example.org${feedPath}`,
  items,
  updated: items[0]?.published,
});
const transcripts = Array.from({ length: 30 }, (_, i) => item(i + 1, 200_000));

const FORMATS = [
  ['RSS', '/rss.xml', (channel: FeedChannel, budget: number) => rssResponse(channel, budget)],
  ['Atom', '/atom.xml', (channel: FeedChannel, budget: number) => atomResponse(channel, 'Broadsheet', budget)],
  ['JSON Feed', '/feed.json', (channel: FeedChannel, budget: number) => jsonFeedResponse(channel, 'Broadsheet', budget)],
] as const;

/** A document's size in bytes as served, written with no budget to speak of. */
const unlimited = async (respond: (channel: FeedChannel, budget: number) => Promise<Response>, channel: FeedChannel) =>
  Buffer.byteLength(await (await respond(channel, Number.MAX_SAFE_INTEGER)).text());
/** The channel with its newest `fullText` items whole and the rest as standfirst and link, cut to `items`: made here, not by the code under test. */
const shortened = (channel: FeedChannel, items: number, fullText: number): FeedChannel => ({
  ...channel,
  items: channel.items.slice(0, items).map((entry, i) => (i < fullText ? entry : { ...entry, contentHtml: entry.shortHtml() })),
});

/** What two third-party readers make of a feed: each item's link and whether it carries the full text. */
async function readBack(text: string, path: string): Promise<{ link: string; full: boolean; linked: boolean }[]> {
  const look = (link: string, html: string) => ({ link, full: /MARKER-\d+/.test(html), linked: html.includes(`href="${link}"`) && html.includes(FULL_ARTICLE_LINK) });
  const extracted = path.endsWith('.json')
    ? extractFromJson(text, { descriptionMaxLen: 0, getExtraEntryFields: (entry: Record<string, any>) => ({ html: entry['content_html'] }) })
    : extractFromXml(text, {
        descriptionMaxLen: 0,
        getExtraEntryFields: (entry: Record<string, any>) => ({ html: entry['content:encoded'] ?? entry['content']?.['#text'] ?? entry['content'] }),
      });
  const fromExtractor = extracted.entries!.map((entry) => look(entry.link!, String(entry['html'])));
  if (path.endsWith('.json')) return fromExtractor;
  const parsed = await new Parser<object, { 'content:encoded'?: string }>({ customFields: { item: ['content:encoded'] } }).parseString(text);
  const fromParser = parsed.items.map((entry) => look(entry.link!, entry['content:encoded'] ?? entry.content!));
  expect(fromParser).toEqual(fromExtractor);
  return fromExtractor;
}

describe.each(FORMATS)('%s of 30 transcripts (6 MB in full) within 1 MiB', (_, path, respond) => {
  const channel = channelOf(transcripts, path);
  // What the build's log would say: asserted where it matters, kept out of the test output.
  let log: MockInstance<Console['info']>;
  beforeEach(() => {
    log = vi.spyOn(console, 'info').mockImplementation(() => {});
    return () => log.mockRestore();
  });

  it('carries the newest items in full for as long as the feed fits, the rest as standfirst and link, every item read by two parsers', async () => {
    const text = await (await respond(channel, MiB)).text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MiB);
    const items = await readBack(text, path);
    expect(items.map((entry) => entry.link)).toEqual(transcripts.map((entry) => entry.url));
    const full = items.filter((entry) => entry.full).length;
    expect(full).toBeGreaterThan(0);
    // The newest first: full text, then only standfirsts and links.
    expect(items.map((entry) => entry.full)).toEqual(items.map((_entry, i) => i < full));
    expect(items.slice(full).every((entry) => entry.linked)).toBe(true);
    // As many in full as fit, and no more: one more would not.
    expect(await unlimited(respond, shortened(channel, 30, full))).toBeLessThanOrEqual(MiB);
    expect(await unlimited(respond, shortened(channel, 30, full + 1))).toBeGreaterThan(MiB);
    // The build says what the feed did.
    expect(log.mock.calls.map(([line]: unknown[]) => String(line))).toEqual([
      expect.stringMatching(new RegExp(`^feed ${path.replace('.', '\\.')}: full text for the newest ${full} of 30 items, the rest as standfirst and link, to stay within 1,048,576 bytes`)),
    ]);
  });

  it('is written exactly as without a budget when it fits, and the build says nothing of it', async () => {
    const small = channelOf(transcripts.slice(0, 3), path);
    expect(await (await respond(small, MiB)).text()).toBe(await (await respond(small, Number.MAX_SAFE_INTEGER)).text());
    expect(log).not.toHaveBeenCalled();
  });

  it('keeps only the newest items, as standfirst and link, when even their standfirsts are too heavy', async () => {
    const budget = (await unlimited(respond, shortened(channel, 5, 0))) + 10;
    const text = await (await respond(channel, budget)).text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(budget);
    const items = await readBack(text, path);
    expect(items.map((entry) => entry.link)).toEqual(transcripts.slice(0, 5).map((entry) => entry.url));
    expect(items.every((entry) => !entry.full && entry.linked)).toBe(true);
  });

  it('keeps the newest items in full when one heavy old item is what must go', async () => {
    // Its standfirst alone (1.2 MB) is past the budget in every format.
    const heavy: FeedItem = { ...item(40, 10_000), summary: 'A&'.repeat(600_000), shortHtml: () => `<p>${'A&amp;'.repeat(600_000)}</p>` };
    const newer = transcripts.slice(0, 3).map((entry) => ({ ...entry, contentHtml: body(Number(/\d+/.exec(entry.url)![0]), 1_000) }));
    const text = await (await respond(channelOf([...newer, heavy], path), MiB)).text();
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MiB);
    const items = await readBack(text, path);
    expect(items.map((entry) => entry.link)).toEqual(newer.map((entry) => entry.url));
    expect(items.every((entry) => entry.full)).toBe(true);
  });

  it('stops the build naming the feed when not even its newest item fits', async () => {
    await expect(respond(channel, 200)).rejects.toThrow(`The feed https://example.org${path} cannot be written within 200 bytes`);
  });
});

describe('budgetReport', () => {
  const channel = channelOf(transcripts.slice(0, 50), '/rss.xml');
  it.each([
    ['every item in full', { items: 30, fullText: 30 }, undefined],
    ['the older items cut', { items: 30, fullText: 4 }, '/rss.xml: full text for the newest 4 of 30 items, the rest as standfirst and link, to stay within 1,048,576 bytes (1,000,000)'],
    ['items dropped', { items: 7, fullText: 0 }, '/rss.xml: its newest 7 of 30 items, each as standfirst and link, to stay within 1,048,576 bytes (1,000,000)'],
    ['items dropped, the newest kept in full', { items: 7, fullText: 3 }, '/rss.xml: its newest 7 of 30 items, full text for the newest 3, the rest as standfirst and link, to stay within 1,048,576 bytes (1,000,000)'],
    ['no item in full', { items: 30, fullText: 0 }, '/rss.xml: all 30 items as standfirst and link, to stay within 1,048,576 bytes (1,000,000)'],
  ])('%s', (_, feed, expected) => {
    expect(budgetReport('/rss.xml', channel, { body: '', bytes: 1_000_000, ...feed }, MiB)).toBe(expected);
  });

  it('words a feed of one item', () => {
    const one = channelOf(transcripts.slice(0, 1), '/tags/nato/rss.xml');
    expect(budgetReport('/tags/nato/rss.xml', one, { body: '', bytes: 4_000, items: 1, fullText: 0 }, 5_000)).toBe(
      '/tags/nato/rss.xml: its one item as standfirst and link, to stay within 5,000 bytes (4,000)',
    );
  });
});

describe('writeWithin', () => {
  it('writes a feed past its budget about log2(items) more times, not once an item', async () => {
    let writes = 0;
    const channel = channelOf(transcripts, '/rss.xml');
    await writeWithin(channel, MiB, (within) => {
      writes += 1;
      return within.items.map((entry) => entry.contentHtml).join('');
    });
    expect(writes).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(30)) + 1);
  });
});
