/**
 * Live coverage: a story told as timestamped updates while it develops (a summit, an election
 * night, a storm). The story is an ordinary article with `live: true` in its front matter
 * (`false` once coverage has ended); each update is a Markdown file of its own in
 * content/updates/ (or UPDATES_DIR) naming its story, so two editors posting at once never edit
 * one file. The story's page shows the article body as the summary, then the key events, then
 * every update newest first, each with an anchor of its own; its structured data is a
 * `LiveBlogPosting` (src/model/metadata.ts `liveBlogPosting`), its updates have feeds of their
 * own (src/feeds/channels.ts `updatesChannel`), and a small script tells an open page that more
 * has arrived (src/client/live.ts). The Guardian's live blogs and Newspack's rolling coverage are
 * the models.
 */
import { bylineNames, type BylineName, type ProfileIndex } from './authors.ts';
import { formatDate, toArticleDate, type ArticleDate } from './dates.ts';
import type { MediaFile } from './media.ts';
import type { UpdateData } from '../schemas/update.ts';

/** The most key events the top of a live story lists, newest first (the Guardian shows about as many); the page hands it to its script (`data-limit`). */
export const KEY_EVENTS_LIMIT = 10;

/**
 * The label of a key event: on the update in the page, and its category in the story's update feeds
 * (the first of its tags in JSON Feed). The page's script reads the feed's `_live.key` instead.
 */
export const KEY_EVENT = 'Key event';

/** The label beside a running story's desk, on its page and every card (src/model/articles.ts `labelsOf`). */
export const LIVE_LABEL = 'Live';

/** What the page says once coverage has ended: under the updates, and what the script announces. */
export const COVERAGE_ENDED = 'Coverage has ended';

/** One update as the build hands it to the model: its checked front matter and what the Markdown pipeline made of its body. */
export interface UpdateInput {
  /** The file name, slugged: the update's anchor is made from it (`updateAnchor`), so it never moves. */
  id: string;
  /** The update's file, relative to the working directory, for messages. */
  file: string;
  data: UpdateData;
  /** The body as HTML (site-relative links), rendered and sanitised as an article's is. */
  html: string;
  /** The body's text as a reader sees it: the update's `articleBody` in structured data. */
  text: string;
  /** Local pictures and media files the body uses, published beside the story's under /media/<story>/. */
  media: MediaFile[];
}

/** One update as pages and feeds show it. */
export interface LiveUpdate {
  /** Its anchor on the story's page, `update-<name>` (`updateAnchor`): the `id` of its `<article>` and the fragment of its permalink. */
  id: string;
  /** Where it came from, for messages and to find its pictures. */
  file: string;
  /** Its own heading; undefined when the editor gave none (its time heads it then). */
  title: string | undefined;
  /** Whether it is a key event, listed at the top of the story. */
  key: boolean;
  /** Who wrote it, linked to profiles where one matches; empty when the update names no one. */
  byline: BylineName[];
  published: ArticleDate;
  html: string;
  text: string;
  media: MediaFile[];
}

/** A live story's coverage, as its page, structured data and feeds show it at the build's clock. */
export interface Coverage {
  /** True while coverage runs (`live: true`); false once it has ended. */
  live: boolean;
  /** The updates published by the build's clock, newest first (`compareUpdates`). Later ones wait for a build whose clock has passed them. */
  updates: LiveUpdate[];
  /** The key updates among them, newest first, at most KEY_EVENTS_LIMIT. */
  keyEvents: LiveUpdate[];
  /** When coverage began: the first update, or the story's publication while it has none (schema.org `coverageStartTime`). */
  start: ArticleDate;
  /** When coverage ended: its last update (or the publication, without one); undefined while it runs (`coverageEndTime`). */
  end: ArticleDate | undefined;
  /** The latest update's time; undefined before the first. */
  latest: ArticleDate | undefined;
}

/**
 * What a card shows of a live story while coverage runs: the "Live" label and the time of its
 * latest change (the last update, else the publication). Undefined once it has ended, so a card
 * follows the coverage's state and time, not every update's words.
 */
export interface LiveState {
  latest: ArticleDate;
}

/** The anchor of an update on its story's page, `update-<id>`: letters, digits and dashes (an entry id slugged from the file name). */
export function updateAnchor(id: string): string {
  return `update-${id.replaceAll('/', '-')}`;
}

/** Newest first; updates posted at one instant fall back to their anchor, so the order never depends on the file system. */
export function compareUpdates(a: Pick<LiveUpdate, 'published' | 'id'>, b: Pick<LiveUpdate, 'published' | 'id'>): number {
  return b.published.instant.getTime() - a.published.instant.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One checked update as pages show it: its dates in the newsroom's zone, its byline linked to profiles. */
export function toLiveUpdate(input: UpdateInput, timeZone: string, profiles: ProfileIndex = new Map()): LiveUpdate {
  return {
    id: updateAnchor(input.id),
    file: input.file,
    title: input.data.title,
    key: input.data.key,
    byline: bylineNames(input.data.byline ?? [], profiles),
    published: toArticleDate(input.data.published, timeZone),
    html: input.html,
    text: input.text,
    media: input.media,
  };
}

/**
 * A story's coverage at the build's clock `now`: undefined for a piece that was never live (no
 * `live` field, no updates). Updates dated after `now` are held back, as scheduled articles are.
 */
export function coverageOf(live: boolean | undefined, published: ArticleDate, updates: readonly LiveUpdate[], now: Date): Coverage | undefined {
  if (live === undefined && updates.length === 0) return undefined;
  const shown = updates.filter((update) => update.published.instant <= now).sort(compareUpdates);
  const latest = shown[0]?.published;
  return {
    live: live === true,
    updates: shown,
    keyEvents: shown.filter((update) => update.key).slice(0, KEY_EVENTS_LIMIT),
    start: shown.at(-1)?.published ?? published,
    end: live === true ? undefined : (latest ?? published),
    latest,
  };
}

/** The card's view of a coverage (`LiveState`): while it runs, its latest change; else undefined. */
export function liveState(coverage: Coverage | undefined, published: ArticleDate): LiveState | undefined {
  return coverage?.live ? { latest: coverage.latest ?? published } : undefined;
}

/**
 * An update's heading wherever it is named (its page's `<h3>`, its feed item's title, the key
 * events list): its own title, else "Update, <time>" in the newsroom's zone (`formatDate`). The
 * page shows an untitled update's heading to screen readers only, since its time is shown above it.
 */
export function updateHeading(update: Pick<LiveUpdate, 'title' | 'published'>, locale: string, timeZone: string): string {
  return update.title ?? `Update, ${formatDate(update.published, locale, timeZone)}`;
}

/**
 * An update's permalink: the story's absolute address with the update's anchor as its fragment,
 * percent-encoded (an anchor made from an accented file name is not ASCII; URLs in feeds must be),
 * which a browser decodes back to the element's id. Feeds' ids and links and structured data's
 * `url` give this one address.
 */
export function updatePermalink(storyUrl: string, anchor: string): string {
  return `${storyUrl}#${encodeURIComponent(anchor)}`;
}
