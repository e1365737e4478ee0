import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { withBase } from '../model/urls';

/** A header rule: a path pattern (`*` matches anything) and the headers to send for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

/** The content types feeds must be served with; many hosts guess `text/xml` or `application/json`. */
export const FEED_CONTENT_TYPES: HeaderRule[] = [
  { path: '/rss.xml', headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } },
  { path: '/tags/*/rss.xml', headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } },
  { path: '/atom.xml', headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } },
  { path: '/feed.json', headers: { 'Content-Type': 'application/feed+json; charset=utf-8' } },
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
export function staticHostHeaders(rules: readonly HeaderRule[] = FEED_CONTENT_TYPES): AstroIntegration {
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
