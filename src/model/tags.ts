import { slug } from 'github-slugger';
import { normalizeName } from '../text.ts';
import { segmentSlug } from './urls.ts';

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
  const text = normalizeName(name);
  const slugged = slug(text);
  if (/[\p{L}\p{N}]/u.test(slugged)) return segmentSlug(slugged);
  const symbols = [...text].filter((char) => /[\p{Extended_Pictographic}\p{Regional_Indicator}\p{So}]/u.test(char));
  return segmentSlug(symbols.map((char) => char.codePointAt(0)!.toString(16)).join('-'));
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
    if (new Set([...spellings.keys()].map((name) => name.toLocaleLowerCase('en'))).size < 2) continue;
    conflicts.push({ slug, spellings: [...spellings].map(([name, tagged]) => ({ name, articles: tagged })) });
  }
  return conflicts;
}

/**
 * The one wording of a tag conflict, for one spelling against the others: what the check prints
 * for each article and what a build without the check stops with.
 */
export function tagConflictMessage(name: string, others: readonly string[], slug: string): string {
  // Spellings that share a slug agree in their letters and digits, so they differ in marks that
  // may be hard to see ("e-mail" and "e‑mail"): every code point is spelled out.
  const quoted = (spelling: string) => `"${spelling}" (${codePoints(spelling)})`;
  const spellings = others.map(quoted).join(' and ');
  return `expected tags that keep their own page: ${quoted(name)} and ${spellings} would share /tags/${slug}/ (use one spelling, or tell them apart with letters or digits)`;
}

/** `U+0043 U+0023` for "C#". */
export function codePoints(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
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
  const groups = new Map<string, { spellings: Map<string, number>; articles: A[] }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const name of tagsOf(article)) {
      const key = tagSlug(name);
      if (!key) throw new TagError(`Tag "${name}" has no letters, digits or symbols to make a URL from.`);
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
    const folded = new Set(names.map((name) => name.toLocaleLowerCase('en')));
    if (folded.size > 1) throw new TagError(tagConflictMessage(names[0]!, names.slice(1), key));
    const name = names.sort((a, b) => (spellings.get(b) ?? 0) - (spellings.get(a) ?? 0) || compareText(a, b))[0]!;
    tags.push({ name, slug: key, articles: tagged });
  }
  return tags.sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
