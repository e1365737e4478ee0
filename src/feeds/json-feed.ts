import { SITE } from '../site';
import { feedResponse } from './budget';
import { FEED_FORMATS } from './formats';
import { labelledCategories, type FeedChannel } from './items';

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), serialised by JSON.stringify, within
 * `budget` bytes (src/feeds/budget.ts `writeWithin`).
 */
export function jsonFeedResponse(channel: FeedChannel, publisher: string, budget: number = SITE.feedBytes): Promise<Response> {
  return feedResponse(channel, FEED_FORMATS.json, budget, (within) => jsonFeedDocument(within, publisher));
}

function jsonFeedDocument(channel: FeedChannel, publisher: string): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrl,
    description: channel.description,
    language: channel.language,
    authors: [{ name: publisher }],
    // JSON Feed 1.1: "whether or not the feed is finished", as a live story's is once coverage ends.
    ...(channel.expired && { expired: true }),
    items: channel.items.map((item) => ({
      id: item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published.toISOString(),
      ...(item.updated && { date_modified: item.updated.toISOString() }),
      tags: labelledCategories(item),
      // JSON Feed 1.1 items carry their own language.
      ...(item.language !== channel.language && { language: item.language }),
      ...(item.authors.length > 0 && { authors: item.authors.map((name) => ({ name })) }),
      ...(item.image && {
        image: item.image.url,
        attachments: [{ url: item.image.url, mime_type: item.image.type, size_in_bytes: item.image.length }],
      }),
      // An extension (JSON Feed 1.1: custom keys start with "_"), for the live page's script.
      ...(item.live && { _live: item.live }),
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
