import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { withBase } from '../model/urls';

/** A header rule: a path pattern (`*` matches anything) and the headers to send for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

const FEED_CACHE = 'public, max-age=600';

/**
 * Feeds' content types (hosts often guess `text/xml` or `application/json`) and caching. Hosts
 * merge every rule that matches a path and join repeated headers with commas, so no two rules
 * here give one path the same header. HTML keeps the hosts' default (revalidate every time).
 */
export const HEADER_RULES: HeaderRule[] = [
  // Hashed file names: a changed file gets a new name, so a year is safe.
  { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  { path: '/media/*', headers: { 'Cache-Control': 'public, max-age=86400' } },
  { path: '/rss.xml', headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': FEED_CACHE } },
  { path: '/tags/*/rss.xml', headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': FEED_CACHE } },
  { path: '/atom.xml', headers: { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': FEED_CACHE } },
  { path: '/feed.json', headers: { 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': FEED_CACHE } },
];

/** The `_headers` file Netlify and Cloudflare Pages read, with every path under the base. */
export function headersFile(rules: readonly HeaderRule[], base: string): string {
  return rules
    .map(({ path, headers }) =>
      [withBase(base, path), ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
    )
    .join('\n\n')
    .concat('\n');
}

/** Writes `dist/_headers` after the build. */
export function staticHostHeaders(rules: readonly HeaderRule[] = HEADER_RULES): AstroIntegration {
  let base = '/';
  return {
    name: 'broadsheet:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(rules, base));
      },
    },
  };
}
