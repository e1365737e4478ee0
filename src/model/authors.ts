import type { AuthorData } from '../schemas/profile';

/**
 * An author with a profile (`content/authors/<slug>.yaml`), as their page shows them. `image.src`
 * is whatever the content layer made of the path: Astro's image metadata in a build.
 */
export interface Author<Picture = unknown> {
  /** The URL slug of their page, /authors/<slug>/: the profile's file name, slugged. */
  slug: string;
  /** The profile file, for error messages. */
  file: string;
  name: string;
  role: string;
  bio: string;
  image: { src: Picture; alt: string; credit?: string | undefined; digest: string } | undefined;
  links: { name: string; url: string }[];
}

/** A byline name, linked to the author's page when a profile has that exact name. */
export interface BylineName {
  name: string;
  /** The profile's slug, when there is one; agency copy and guest authors have none. */
  author: string | undefined;
}

/** A profile as the content layer hands it over. */
export interface AuthorEntry<Picture = unknown> {
  id: string;
  filePath?: string | undefined;
  data: Omit<AuthorData, 'image'> & { image?: { src: Picture; alt: string; credit?: string | undefined } | undefined };
}

/**
 * Profiles as the model uses them, sorted by slug so every build lists them alike. `digestOf`
 * gives a portrait's content digest (SHA-256, base64url) for cache keys.
 */
export function toAuthors<Picture>(entries: readonly AuthorEntry<Picture>[], digestOf: (picture: Picture) => string): Author<Picture>[] {
  return entries
    .map((entry) => ({
      slug: entry.id,
      file: entry.filePath ?? entry.id,
      name: entry.data.name,
      role: entry.data.role,
      bio: entry.data.bio,
      image: entry.data.image && { ...entry.data.image, digest: digestOf(entry.data.image.src) },
      links: entry.data.links ?? [],
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * Byline name → profile slug. A name matches only exactly (after the schema's trimming): "J.
 * Smith" is not "Jane Smith", and a guess would credit the wrong person. The content check refuses
 * two profiles with one name, so the map is unambiguous.
 */
export function profileIndex(authors: readonly Pick<Author, 'name' | 'slug'>[]): ReadonlyMap<string, string> {
  return new Map(authors.map((author) => [author.name, author.slug]));
}

/** An article's byline names, each linked to its author's profile when there is one. */
export function bylineNames(names: readonly string[], profiles: ReadonlyMap<string, string>): BylineName[] {
  return names.map((name) => ({ name, author: profiles.get(name) }));
}
