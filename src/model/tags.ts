import { slug } from 'github-slugger';

/** A tag as pages show it: one display name, one URL slug, its articles newest first. */
export interface Tag<A = unknown> {
  name: string;
  slug: string;
  articles: A[];
}

/**
 * The URL slug of a tag: lower case, spaces to hyphens, punctuation dropped, letters of every
 * script kept ("Jens Stoltenberg" → "jens-stoltenberg", "中国" → "中国").
 */
export function tagSlug(name: string): string {
  return slug(name.normalize('NFC').trim());
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
      if (!key) throw new TagError(`Tag "${name}" has no letters or digits to make a URL from.`);
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
    if (folded.size > 1) {
      throw new TagError(
        `Tags ${names.map((n) => `"${n}"`).join(' and ')} would share the URL /tags/${key}/. ` +
          'Use one spelling, or make them differ in letters or digits.',
      );
    }
    const name = names.sort((a, b) => (spellings.get(b) ?? 0) - (spellings.get(a) ?? 0) || compareText(a, b))[0]!;
    tags.push({ name, slug: key, articles: tagged });
  }
  return tags.sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
function compareText(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
