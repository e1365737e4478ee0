import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { INLINE_SCRIPTS } from '../components/inline-scripts.ts';
import { contentType, CORRECTIONS_FEEDS, FEED_FORMATS, SITE_FEEDS } from '../feeds/formats.ts';
import { PLAYER_ORIGINS } from '../markdown/embeds.ts';
import { routePatterns, routes, withBase } from '../model/urls.ts';

/** A header rule: a path pattern (`*` matches anything) and the headers to send for it. */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
}

const FEED_CACHE = 'public, max-age=600';
/**
 * A live story's update feeds are polled every 30 seconds by its open pages (src/client/live.ts):
 * a cache may keep a copy but must ask the host before each use (RFC 9111 §5.2.2.4), so an update
 * reaches readers as soon as the host has it. Hosts answer unchanged files with 304, cheaply.
 */
const LIVE_FEED_CACHE = 'public, no-cache';
const [siteRss, siteAtom, siteJson] = SITE_FEEDS;
/**
 * Sitemaps are UTF-8 XML (sitemaps.org), and the news sitemap carries headlines: said in the
 * header, since `text/xml` without a charset is US-ASCII to older readers (RFC 3023 §3.1).
 */
const SITEMAP_TYPE = 'application/xml; charset=utf-8';

/**
 * Feeds' and sitemaps' content types (hosts often guess `text/xml` or `application/json`, no
 * charset) and feeds' caching. Hosts merge every rule that matches a path and join repeated
 * headers with commas, so no two rules here give one path the same header. HTML keeps the hosts'
 * default (revalidate every time). `npm run preview` serves with these too (scripts/lib/server.ts).
 */
export const HEADER_RULES: HeaderRule[] = [
  // Hashed file names: a changed file gets a new name, so a year is safe.
  { path: routePatterns.assets, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  { path: routePatterns.media, headers: { 'Cache-Control': 'public, max-age=86400' } },
  ...[
    siteRss,
    ...[routePatterns.tagRss, routePatterns.sectionRss, routePatterns.authorRss, routePatterns.typeRss, routePatterns.seriesRss].map((route) => ({ format: FEED_FORMATS.rss, route })),
    siteAtom,
    { format: FEED_FORMATS.atom, route: routePatterns.seriesAtom },
    siteJson,
    { format: FEED_FORMATS.json, route: routePatterns.seriesJsonFeed },
    ...CORRECTIONS_FEEDS,
  ].map(({ format, route }) => ({
    path: route,
    headers: { 'Content-Type': contentType(format), 'Cache-Control': FEED_CACHE },
  })),
  ...[
    { format: FEED_FORMATS.json, route: routePatterns.updatesJsonFeed },
    { format: FEED_FORMATS.rss, route: routePatterns.updatesRss },
  ].map(({ format, route }) => ({ path: route, headers: { 'Content-Type': contentType(format), 'Cache-Control': LIVE_FEED_CACHE } })),
  ...[routePatterns.sitemaps, routes.newsSitemap()].map((path) => ({ path, headers: { 'Content-Type': SITEMAP_TYPE } })),
];

/** The video players a page may frame once the reader asks (src/markdown/embeds.ts). */
const FRAME_SOURCES = PLAYER_ORIGINS.join(' ');

/**
 * The Content-Security-Policy for every page: scripts only from the site itself plus the hashes
 * of the few inline scripts the build emits (the theme script); no inline handlers, no eval
 * ('wasm-unsafe-eval' is for Pagefind's WebAssembly), no plug-ins, no framing of the site.
 */
export function contentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${inlineScriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self'",
    "img-src 'self' https:",
    // Sound and video files copy names on other hosts, as pictures (src/markdown/media-elements.ts).
    "media-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    `frame-src ${FRAME_SOURCES}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Security headers for every path; no other rule sets these, so hosts never merge two values. */
export function securityRule(inlineScriptHashes: readonly string[]): HeaderRule {
  return {
    path: '/*',
    headers: {
      'Content-Security-Policy': contentSecurityPolicy(inlineScriptHashes),
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
    },
  };
}

/** The CSP source expression ('sha256-…', CSP Level 3 §2.3.1) allowing one inline script's text. */
export function scriptHash(source: string): string {
  return `sha256-${createHash('sha256').update(source).digest('base64')}`;
}

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
        const hashes = [...new Set(INLINE_SCRIPTS.map(scriptHash))].sort();
        await writeFile(new URL('_headers', dir), headersFile([securityRule(hashes), ...rules], base));
      },
    },
  };
}
