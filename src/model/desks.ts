import { SITE } from '../site.ts';
import { nameKey } from '../text.ts';

/** One of the newsroom's desks (src/site.ts `SITE.desks`): its display name and URL slug. */
export interface Desk {
  name: string;
  slug: string;
}

/** A desk with the articles it files, newest first: what a section front lists. */
export interface DeskFront<A = unknown> extends Desk {
  articles: A[];
}

/** The desks in masthead order, as configured. */
export const DESKS: readonly Desk[] = SITE.desks;

const byKey = new Map(DESKS.map((desk) => [nameKey(desk.name), desk]));

/**
 * The desk an article's `section` names: the configured desk whose name matches, ignoring case,
 * Unicode normalisation and runs of white space ("middle  east" is Middle East). Undefined when
 * no desk has that name: the schema then refuses the article (src/checks/desks.ts `deskProblem`).
 */
export function findDesk(name: string, desks: readonly Desk[] = DESKS): Desk | undefined {
  return desks === DESKS ? byKey.get(nameKey(name)) : desks.find((desk) => nameKey(desk.name) === nameKey(name));
}

/**
 * The desks that have articles, in masthead order, each with its articles (kept in the order
 * given, newest first when `articles` is). Only these get a front, a feed and a masthead link.
 * `deskOf` reads an article's desk name.
 */
export function deskFronts<A>(articles: readonly A[], deskOf: (article: A) => string, desks: readonly Desk[] = DESKS): DeskFront<A>[] {
  const filed = new Map<string, A[]>(desks.map((desk) => [desk.name, []]));
  for (const article of articles) filed.get(deskOf(article))?.push(article);
  return desks.map((desk) => ({ ...desk, articles: filed.get(desk.name)! })).filter((front) => front.articles.length > 0);
}
