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
  /** Subjects they write about, as the profile lists them; empty when it lists none. */
  expertise: string[];
  /** Their fediverse handle, `@name@host`, when the profile gives one. */
  fediverse: string | undefined;
}

/** A byline name, linked to the author's page when a profile has that exact name. */
export interface BylineName {
  name: string;
  /** The profile's slug, when there is one; agency copy and guest authors have none. */
  author: string | undefined;
  /** The profile's fediverse handle (`@name@host`), when it has one: the article's `fediverse:creator`. */
  fediverse?: string | undefined;
}

/** What a byline name finds of its profile (`profileIndex`): the page's slug and the fediverse handle. */
export interface ProfileLink {
  slug: string;
  fediverse: string | undefined;
}

/** Byline name → the profile it links to (`profileIndex`). */
export type ProfileIndex = ReadonlyMap<string, ProfileLink>;

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
      expertise: entry.data.expertise ?? [],
      fediverse: entry.data.fediverse,
    }))
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/**
 * Byline name → profile slug and fediverse handle. A name matches only exactly (after the schema's trimming): "J.
 * Smith" is not "Jane Smith", and a guess would credit the wrong person. The content check refuses
 * two profiles with one name, so the map is unambiguous.
 */
export function profileIndex(authors: readonly Pick<Author, 'name' | 'slug' | 'fediverse'>[]): ProfileIndex {
  return new Map(authors.map((author) => [author.name, { slug: author.slug, fediverse: author.fediverse }]));
}

/** An article's byline names, each linked to its author's profile (and its fediverse handle) when there is one. */
export function bylineNames(names: readonly string[], profiles: ProfileIndex): BylineName[] {
  return names.map((name) => {
    const profile = profiles.get(name);
    return { name, author: profile?.slug, fediverse: profile?.fediverse };
  });
}
