import { nameKey, normalizeName } from '../names.ts';
import { slugOf } from './urls.ts';

/** A tag as pages show it: one display name, one URL slug, its articles newest first. */
export interface Tag<A = unknown> {
  name: string;
  slug: string;
  articles: A[];
}


/**
 * The URL slug of a tag: lower case, spaces to hyphens, punctuation dropped, letters of every
 * script kept ("Jens Stoltenberg" → "jens-stoltenberg", "中国" → "中国"). A tag with no letters
 * or digits at all (an emoji, "🇺🇦") gets its code points instead ("1f1fa-1f1e6"): stable, and
 * safe in any URL. Only a tag of nothing but spaces and punctuation has no slug (''). A slug
 * longer than a path segment may be is shortened by `segmentSlug`.
 */
export function tagSlug(name: string): string {
  return slugOf(normalizeName(name), { symbols: true });
}

/** Spellings that would share one tag URL although they differ in more than case. */
export interface TagConflict<A> {
  slug: string;
  spellings: { name: string; articles: A[] }[];
}

/** Every group of tags that would silently merge ("C#" and "C" both become /tags/c/). */
export function tagConflicts<A>(articles: readonly A[], tagsOf: (article: A) => readonly string[]): TagConflict<A>[] {
  const bySlug = new Map<string, Map<string, A[]>>();
  for (const article of articles) {
    for (const name of new Set(tagsOf(article))) {
      const key = tagSlug(name);
      let spellings = bySlug.get(key);
      if (!spellings) bySlug.set(key, (spellings = new Map()));
      let tagged = spellings.get(name);
      if (!tagged) spellings.set(name, (tagged = []));
      tagged.push(article);
    }
  }
  const conflicts: TagConflict<A>[] = [];
  for (const [slug, spellings] of bySlug) {
    if (new Set([...spellings.keys()].map(nameKey)).size < 2) continue;
    conflicts.push({ slug, spellings: [...spellings].map(([name, tagged]) => ({ name, articles: tagged })) });
  }
  return conflicts;
}

/** Raised when tags cannot share one page without losing meaning. */
export class TagError extends Error {
  override name = 'TagError';
}

/**
 * Groups articles by tag slug. Spellings that differ only in case ("NATO", "Nato") are one tag,
 * shown in the spelling most articles use (ties: the alphabetically first). Spellings that slug
 * alike but differ in more than case ("C#", "C") would silently merge, so they are an error.
 * Articles keep the order they are given in; tags come back sorted by display name.
 */
export function groupByTag<A>(articles: readonly A[], tagsOf: (article: A) => readonly string[]): Tag<A>[] {
  // The content check refuses these before every build, naming every file and the way out
  // (src/checks/tags.ts); this guards the model where it did not run (`astro dev`).
  return groupByName(articles, tagsOf, (names, slug) => `Tags ${names} would share /tags/${slug}/: run npm run check to see which files and what to do.`);
}

/**
 * Groups articles by the slug of a name they carry (a tag, a series: `tagSlug`), one group per
 * slug, named in the spelling most of its articles use (ties: the alphabetically first), sorted
 * by that name; articles keep the order given. Throws a TagError worded by `clash` (the
 * spellings, quoted and joined, and the slug) when spellings that differ in more than case share
 * a slug, or for a name with no slug at all.
 */
export function groupByName<A>(articles: readonly A[], namesOf: (article: A) => readonly string[], clash: (names: string, slug: string) => string): Tag<A>[] {
  const groups = new Map<string, { spellings: Map<string, number>; articles: A[] }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of namesOf(article)) {
      const key = tagSlug(name);
      if (!key) throw new TagError(`"${name}" has no letters, digits or symbols to make a URL from.`);
      if (seen.has(key)) continue;
      seen.add(key);
      const group = groups.get(key) ?? { spellings: new Map<string, number>(), articles: [] as A[] };
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
      group.articles.push(article);
      groups.set(key, group);
    }
  }
  const tags: Tag<A>[] = [];
  for (const [key, { spellings, articles: tagged }] of groups) {
    const names = [...spellings.keys()];
    const folded = new Set(names.map(nameKey));
    if (folded.size > 1) throw new TagError(clash(names.map((spelling) => `"${spelling}"`).join(' and '), key));
    const name = names.sort((a, b) => (spellings.get(b) ?? 0) - (spellings.get(a) ?? 0) || compareText(a, b))[0]!;
    tags.push({ name, slug: key, articles: tagged });
  }
  return tags.sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
