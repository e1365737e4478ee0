import Parser from 'rss-parser';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readingBlocks } from '../support/html';
import { ARTICLE_PATH, HEADLINE, PARAGRAPHS } from '../support/seed';

const SITE = 'https://broadsheet.example';

type Item = { 'content:encoded'?: string; categories?: string[]; creator?: string; guid?: string };
const parser: Parser<Record<string, unknown>, Item> = new Parser({ customFields: { item: ['content:encoded'] } });

describe('the RSS feed, read by a third-party parser', () => {
  let xml: string;
  let feed: Awaited<ReturnType<typeof parser.parseString>>;

  beforeAll(async () => {
    const response = await fetch(`${inject('origin')}/rss.xml`);
    expect(response.status).toBe(200);
    xml = await response.text();
    feed = await parser.parseString(xml);
  });

  it('describes the channel with a self link at the feed URL', () => {
    expect(feed.title).toBe('Broadsheet');
    expect(feed.link).toBe(`${SITE}/`);
    expect(xml).toMatch(new RegExp(`<atom:link href="${SITE}/rss.xml" rel="self" type="application/rss\\+xml"/>`));
  });

  it('carries the article with an absolute link, its date and one category per tag', () => {
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items;
    expect(item!.title).toBe(HEADLINE);
    expect(item!.link).toBe(`${SITE}${ARTICLE_PATH}`);
    expect(item!.guid).toBe(`${SITE}${ARTICLE_PATH}`);
    // Midnight on 18 June 2024 in New York, the newsroom's time zone.
    expect(new Date(item!.pubDate!).toISOString()).toBe('2024-06-18T04:00:00.000Z');
    expect(item!.categories).toEqual(['NATO', 'China', 'Russia', 'Ukraine', 'Jens Stoltenberg', 'Vladimir Putin', 'Xi Jinping']);
    expect(item!.creator).toBe('Breitbart News');
  });

  it('carries the full text, every paragraph in order, with only absolute addresses', () => {
    const html = feed.items[0]!['content:encoded']!;
    expect(readingBlocks(html)).toEqual(PARAGRAPHS);
    const addresses = [...html.matchAll(/\s(?:href|src|cite|poster)="([^"]*)"/g)].map((m) => m[1]!);
    for (const address of addresses) expect(() => new URL(address), address).not.toThrow();
  });
});
