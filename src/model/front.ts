/**
 * The front page's editorial hierarchy, chosen from front matter (`prominence`, `type`) and the
 * build's clock: the lead, the top stories, one row per section, then the latest of the rest. The
 * rules, as an editor reads them:
 *
 * - **The lead** is the newest published piece marked `lead` within the window (the last
 *   `leadHours` before the build's clock); with none, the newest published piece. Paid content
 *   (`type: sponsored`) never leads.
 * - **Top stories** are the newest published pieces marked `top`, and any older `lead`s, within
 *   the same window: at most `topStories`. Paid content is never one either: the front's
 *   hierarchy is the newsroom's judgement, and an advertiser's piece stands in its section's row.
 * - **Section rows**: for each section with pieces, in masthead order, its newest `rowSize`
 *   pieces not already above. A section with none left has no row.
 * - A piece appears once on the front: the page's "Latest" leaves out what the front shows above.
 *
 * Pure: the caller hands in pieces newest first and the sections in masthead order.
 */
import { isPaid, type ArticleType } from './article-types';
import type { Section, SectionFront } from './sections';

/** What the front's rules read of a piece. */
export interface FrontPiece {
  published: { instant: Date };
  prominence?: 'lead' | 'top' | undefined;
  type: ArticleType;
  /** Only published pieces lead or are top stories: a preview's drafts and scheduled pieces do not. */
  status: 'published' | 'draft' | 'scheduled';
}

/** The front's settings (src/site.ts): the window in hours, how many top stories, how many pieces a section row shows. */
export interface FrontSettings {
  /** The build's clock: the window ends here. */
  now: Date;
  leadHours: number;
  topStories: number;
  rowSize: number;
}

/** One section's row on the front: the section and its newest pieces not shown above. */
export interface SectionRow<A> {
  section: Section;
  articles: A[];
}

/** The front's hierarchy, top to bottom. */
export interface Front<A> {
  /** Undefined only when no published piece may lead (none, or all paid content). */
  lead: A | undefined;
  top: A[];
  rows: SectionRow<A>[];
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Chooses the front from `articles` (newest first) and `sections` (each with its pieces newest
 * first, masthead order), by the rules above. Throws when a setting is not a whole number ≥ 0.
 */
export function frontOf<A extends FrontPiece>(articles: readonly A[], sections: readonly SectionFront<A>[], settings: FrontSettings): Front<A> {
  for (const key of ['leadHours', 'topStories', 'rowSize'] as const) {
    if (!Number.isInteger(settings[key]) || settings[key] < 0) throw new Error(`front page: expected ${key} as a whole number, 0 or more, found ${settings[key]}`);
  }
  const end = settings.now.getTime();
  const start = end - settings.leadHours * HOUR_MS;
  const published = articles.filter((article) => article.status === 'published');
  const inWindow = (article: A) => {
    const at = article.published.instant.getTime();
    return at > start && at <= end;
  };
  const mayLead = (article: A) => !isPaid(article.type);
  const lead = published.find((article) => article.prominence === 'lead' && inWindow(article) && mayLead(article)) ?? published.find(mayLead);
  const top = published.filter((article) => article !== lead && article.prominence !== undefined && inWindow(article) && mayLead(article)).slice(0, settings.topStories);
  const shown = new Set<A>([...(lead ? [lead] : []), ...top]);
  const rows: SectionRow<A>[] = [];
  for (const { articles: filed, ...section } of sections) {
    const row: A[] = [];
    for (const article of filed) {
      if (row.length >= settings.rowSize) break;
      if (!shown.has(article)) row.push(article);
    }
    if (row.length > 0) rows.push({ section, articles: row });
  }
  return { lead, top, rows };
}

/** Every piece the front shows above its "Latest", in order. */
export function shownOnFront<A>(front: Front<A>): A[] {
  return [...(front.lead ? [front.lead] : []), ...front.top, ...front.rows.flatMap((row) => row.articles)];
}
