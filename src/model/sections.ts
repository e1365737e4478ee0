import { SITE } from '../site.ts';
import { nameKey } from '../names.ts';

/** One of the newsroom's sections (src/site.ts `SITE.sections`): its display name and URL slug. */
export interface Section {
  name: string;
  slug: string;
}

/** A section with the articles it files, newest first: what a section front lists. */
export interface SectionFront<A = unknown> extends Section {
  articles: A[];
}

/** The sections in masthead order, as configured. */
export const SECTIONS: readonly Section[] = SITE.sections;

const byKey = new Map(SECTIONS.map((section) => [nameKey(section.name), section]));

/**
 * The section an article's `section` names: the configured section whose name matches, ignoring case,
 * Unicode normalisation and runs of white space ("middle  east" is Middle East). Undefined when
 * no section has that name: the schema then refuses the article (src/checks/sections.ts `sectionProblem`).
 */
export function findSection(name: string, sections: readonly Section[] = SECTIONS): Section | undefined {
  return sections === SECTIONS ? byKey.get(nameKey(name)) : sections.find((section) => nameKey(section.name) === nameKey(name));
}

/**
 * The sections that have articles, in masthead order, each with its articles (kept in the order
 * given, newest first when `articles` is). Only these get a front, a feed and a masthead link.
 * `deskOf` reads an article's section name.
 */
export function sectionFronts<A>(articles: readonly A[], deskOf: (article: A) => string, sections: readonly Section[] = SECTIONS): SectionFront<A>[] {
  const filed = new Map<string, A[]>(sections.map((section) => [section.name, []]));
  for (const article of articles) filed.get(deskOf(article))?.push(article);
  return sections.map((section) => ({ ...section, articles: filed.get(section.name)! })).filter((front) => front.articles.length > 0);
}
