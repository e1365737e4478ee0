import { closest, distance } from 'fastest-levenshtein';
import { SITE } from '../site.ts';
import { normalizeName } from '../text.ts';

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

// As names are compared everywhere: NFC, no invisible code points, one space (src/text.ts).
const key = (name: string) => normalizeName(name).toLocaleLowerCase('en');
const byKey = new Map(DESKS.map((desk) => [key(desk.name), desk]));

/**
 * The desk an article's `section` names: the configured desk whose name matches, ignoring case,
 * Unicode normalisation and runs of white space ("middle  east" is Middle East). Undefined when
 * no desk has that name: the schema then refuses the article (`deskProblem`).
 */
export function findDesk(name: string, desks: readonly Desk[] = DESKS): Desk | undefined {
  return desks === DESKS ? byKey.get(key(name)) : desks.find((desk) => key(desk.name) === key(name));
}

/**
 * What to tell an editor whose `section` names no desk: the desks there are, and the likeliest
 * one meant (within two edits or a third of its letters, by Levenshtein distance) — a typo must not open a
 * new desk.
 */
export function deskProblem(name: string, desks: readonly Desk[] = DESKS): string {
  const names = desks.map((desk) => desk.name);
  const nearest = closest(name, names);
  // Desk names are short: two edits (a swapped pair of letters) still read as a typo.
  const likely = distance(key(name), key(nearest)) <= Math.max(2, Math.floor(name.length / 3));
  return `expected one of the desks ${names.join(', ')} (src/site.ts), found "${name}"${likely ? ` (did you mean "${nearest}"?)` : ''}`;
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
