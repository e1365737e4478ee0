import { createHash } from 'node:crypto';
import type { Article } from './articles';
import type { Author } from './authors';

/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`, Astro ≥ 7.2): a page
 * whose key and code are unchanged since the last build is copied, not rendered
 * (astro/src/core/build/incremental.ts `canSkip`). A key must therefore cover exactly what the page
 * shows: too little and a page goes stale, too much and it is rendered for nothing.
 *
 * One rule makes that hold by construction: a route hands its page narrow props (a card, not the
 * article; the masthead's sections, not the catalogue), pages and their components show nothing
 * but their props, the site settings and the code, and `keyedPath` derives the key from exactly
 * those props. Code, CSS and the Astro config are Astro's side of the check (its code hash);
 * code outside the pages' module graph is covered by the build's code digest
 * (src/integrations/code-digest.ts). tests/e2e/incremental.test.ts holds a warm build to a cold one.
 */

/** SHA-256 (base64url, 43 characters) of `parts` as JSON. Dates become ISO 8601 strings in UTC. */
export function cacheKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

// Every object's digest, once per build: an article shown on a thousand pages is hashed once.
// Objects are keyed by identity, so the model must not change an object after a page was keyed
// (the catalogue settles everything before any route runs).
const digests = new WeakMap<object, string>();

/**
 * The digest of a value: SHA-256 of its JSON, where every object inside it stands for its own
 * digest (a Merkle hash), so shared parts (articles, cards, tags) are hashed once per build.
 * Dates hash as their ISO 8601 string in UTC.
 */
function digestOf(value: object): string {
  let digest = digests.get(value);
  if (digest === undefined) {
    const json = JSON.stringify(value, function (this: unknown, key: string, inner: unknown) {
      const root = key === '' && (this as Record<string, unknown>)[''] === value;
      return !root && typeof inner === 'object' && inner !== null ? { '#': digestOf(inner) } : inner;
    });
    digest = createHash('sha256').update(json ?? 'undefined').digest('base64url');
    digests.set(value, digest);
  }
  return digest;
}

/**
 * The key of a page: the digest of exactly the props its route hands it (`keyedPath`). Throws
 * what JSON.stringify throws (a BigInt, a cycle).
 */
export function pageKey(props: Record<string, unknown>): string {
  return digestOf(props);
}

/**
 * A static path as every keyed route returns it from `getStaticPaths`: its params, its props, and
 * the cache key derived from those props (`pageKey`), so a page cannot show what its key leaves out.
 */
export function keyedPath<Params extends Record<string, string | undefined>, Props extends Record<string, unknown>>(
  params: Params,
  props: Props,
): { params: Params; props: Props; cacheKey: string } {
  return { params, props, cacheKey: pageKey(props) };
}

/**
 * Everything an article page shows of its own article, body included: a correction to any field
 * changes it. Computed once per article object per build.
 */
export function articleKey(article: Article): string {
  return digestOf(article);
}

/**
 * An author's profile, keyed by every field and the portrait by its file's digest. The portrait's
 * own metadata is never read: Astro counts any read of it as a use of the original file and then
 * publishes the original too (astro/src/assets/utils/proxy.ts). Remembered as the profile's
 * digest, so a page key holding the profile never reads the portrait either.
 */
export function authorKey(author: Author): string {
  let digest = digests.get(author);
  if (digest === undefined) {
    const { image, ...profile } = author;
    digest = cacheKey('author', profile, image && { alt: image.alt, credit: image.credit, digest: image.digest });
    digests.set(author, digest);
  }
  return digest;
}
