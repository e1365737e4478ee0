import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { EMBED_HOSTS } from '../markdown/sanitize.ts';
import { withBase } from '../model/urls.ts';

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

/** Frames copy may embed (see src/markdown/sanitize.ts). */
const FRAME_SOURCES = EMBED_HOSTS.map((host) => `https://${host}`).join(' ');

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

// Inline executable scripts in our own output (JSON-LD data blocks do not execute).
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g;

/** The CSP hashes ('sha256-…') of every distinct inline script in some HTML. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((match) => `sha256-${createHash('sha256').update(match[1]!).digest('base64')}`);
}

/**
 * The pages to scan for inline scripts: the first and last page each route wrote. Inline scripts
 * come from components, which a route renders alike on every page (copy is sanitised and never
 * carries one), so reading all 12,000 pages of a 10,000-article site would only cost seconds.
 */
export function sampledPages(assets: ReadonlyMap<string, readonly URL[]>): string[] {
  const pages = new Set<string>();
  for (const files of assets.values()) {
    const html = files.filter((file) => file.pathname.endsWith('.html'));
    for (const file of [html[0], html.at(-1)]) if (file) pages.add(fileURLToPath(file));
  }
  return [...pages].sort();
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
      'astro:build:done': async ({ dir, assets }) => {
        const hashes = new Set<string>();
        for (const file of sampledPages(assets)) {
          for (const hash of inlineScriptHashes(await readFile(file, 'utf8'))) hashes.add(hash);
        }
        await writeFile(new URL('_headers', dir), headersFile([securityRule([...hashes].sort()), ...rules], base));
      },
    },
  };
}
