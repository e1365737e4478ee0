import { SITE } from '../site.ts';
import { contentType, type FeedFormat } from './formats.ts';
import type { FeedChannel } from './items.ts';

/** A feed document written within a byte budget, and what it took. */
export interface BudgetedFeed {
  /** The document as served. */
  body: string;
  /** Its size in bytes, UTF-8. */
  bytes: number;
  /** How many of the channel's items it carries, newest first. */
  items: number;
  /** How many of those carry their full text; the rest carry their standfirst and a link (FeedItem.shortHtml). */
  fullText: number;
}

/**
 * The channel with only its newest `fullText` items in full and the rest as their standfirst and
 * a link, cut to its newest `items` items.
 */
function cut(channel: FeedChannel, items: number, fullText: number): FeedChannel {
  return {
    ...channel,
    items: channel.items.slice(0, items).map((item, i) => (i < fullText ? item : { ...item, contentHtml: item.shortHtml() })),
  };
}

const encoder = new TextEncoder();

/**
 * The largest n in [low, high] for which `fits(n)` holds, given that it holds at `low`: a binary
 * search, so a feed past its budget is written about log2(items) more times, not once an item.
 */
async function largest(low: number, high: number, fits: (n: number) => Promise<boolean>): Promise<number> {
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (await fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Writes `channel` with `write` (one format's serialiser) within `budget` bytes (UTF-8, the whole
 * document): every item in full when that fits; else the newest items in full for as long as the
 * feed fits and the older ones as their standfirst and a link; else, when even the standfirsts
 * are too heavy, only as many of the newest items as fit, the newest of those in full as far as
 * they fit. A reader then gets the newest copy whole and a way to every other item, instead of a
 * feed it refuses for its size.
 *
 * Throws naming the feed's address and the budget when not even its newest item, as standfirst
 * and link, fits.
 */
export async function writeWithin(channel: FeedChannel, budget: number, write: (channel: FeedChannel) => string | Promise<string>): Promise<BudgetedFeed> {
  const attempt = async (items: number, fullText: number) => {
    const body = await write(cut(channel, items, fullText));
    return { body, bytes: encoder.encode(body).length, items, fullText };
  };
  const all = channel.items.length;
  const whole = await attempt(all, all);
  if (whole.bytes <= budget) return whole;
  const fitting = async (items: number, fullText: number) => (await attempt(items, fullText)).bytes <= budget;
  if (await fitting(all, 0)) return attempt(all, await largest(0, all - 1, (fullText) => fitting(all, fullText)));
  if (all === 0 || !(await fitting(1, 0))) {
    throw new Error(`The feed ${channel.feedUrl} cannot be written within ${budget} bytes (SITE.feedBytes), not even its newest item as standfirst and link.`);
  }
  const items = await largest(1, all, (count) => fitting(count, 0));
  return attempt(items, await largest(0, items, (fullText) => fitting(items, fullText)));
}

/**
 * What a feed did to keep within its budget, for the build log; undefined when it carries every
 * item in full. "/rss.xml: full text for the newest 12 of 50 items, the rest as standfirst and
 * link, to stay within 1,048,576 bytes (1,041,233)".
 */
export function budgetReport(path: string, channel: FeedChannel, feed: BudgetedFeed, budget: number): string | undefined {
  const all = channel.items.length;
  if (feed.items === all && feed.fullText === all) return undefined;
  const n = (value: number) => value.toLocaleString(SITE.locale);
  const what =
    feed.items < all
      ? `its newest ${n(feed.items)} of ${n(all)} items, ${feed.fullText === 0 ? 'each' : `full text for the newest ${n(feed.fullText)}, the rest`} as standfirst and link`
      : feed.fullText === 0
        ? `${all === 1 ? 'its one item' : `all ${n(all)} items`} as standfirst and link`
        : `full text for the newest ${n(feed.fullText)} of ${n(all)} items, the rest as standfirst and link`;
  return `${path}: ${what}, to stay within ${n(budget)} bytes (${n(feed.bytes)})`;
}

/**
 * A feed as served: the channel written by `write` (one format's serialiser) within `budget`
 * bytes (writeWithin), with the format's `Content-Type`; what it did to keep within the budget is
 * said in the build's log (budgetReport).
 */
export async function feedResponse(
  channel: FeedChannel,
  format: FeedFormat,
  budget: number,
  write: (channel: FeedChannel) => string | Promise<string>,
): Promise<Response> {
  const feed = await writeWithin(channel, budget, write);
  const report = budgetReport(new URL(channel.feedUrl).pathname, channel, feed, budget);
  if (report) console.info(`feed ${report}`);
  return new Response(feed.body, { headers: { 'Content-Type': contentType(format) } });
}
