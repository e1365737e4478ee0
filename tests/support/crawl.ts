import { init, parse } from 'es-module-lexer';
import type { Element } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { XMLParser } from 'fast-xml-parser';

const fragments = rehype();

export interface CrawlResult {
  /** Every address fetched (local), with its status. */
  visited: Map<string, number>;
  /** Links that failed: `from → to (status)`. */
  broken: string[];
  /** Same-site links that leave the base path: `from → to`. */
  escaping: string[];
}

/** Every absolute http(s) address among a JSON value's strings, at any depth. */
function jsonAddresses(value: unknown): string[] {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(jsonAddresses);
  return value && typeof value === 'object' ? Object.values(value).flatMap(jsonAddresses) : [];
}

/**
 * Addresses an HTML page points at: href, src, every srcset candidate (feeds and canonicals
 * included), the sharing card's picture (`og:image`, `twitter:image`), which apps fetch, and every
 * address in its JSON-LD (the publisher's logo and policy pages, an author's page), which search
 * engines follow.
 */
export function htmlLinks(html: string): string[] {
  const links: string[] = [];
  visit(fragments.parse(html), 'element', (node: Element) => {
    if (node.tagName === 'script' && node.properties['type'] === 'application/ld+json') {
      const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      links.push(...jsonAddresses(JSON.parse(text)));
    }
    const card = node.tagName === 'meta' && ['og:image', 'twitter:image'].includes(String(node.properties['property'] ?? node.properties['name']));
    if (card && typeof node.properties['content'] === 'string') links.push(node.properties['content']);
    for (const name of ['href', 'src', 'poster'] as const) {
      const value = node.properties[name];
      if (typeof value === 'string') links.push(value);
    }
    const srcSet = node.properties['srcSet'];
    if (srcSet) {
      for (const candidate of String(Array.isArray(srcSet) ? srcSet.join(',') : srcSet).split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) links.push(url);
      }
    }
  });
  return links;
}

const xml = new XMLParser({ ignoreAttributes: false });
/** Addresses a feed or sitemap points at: item links, self links, sitemap <loc>s, enclosures, and links in item HTML. */
export function xmlLinks(text: string): string[] {
  const links: string[] = [];
  const walk = (value: unknown, key = ''): void => {
    if (typeof value === 'string') {
      if (['loc', 'link', 'guid', 'id', '@_href', '@_url'].includes(key) && /^https?:\/\//.test(value)) links.push(value);
      if (['content:encoded', 'content', 'description'].includes(key) && value.includes('<')) links.push(...htmlLinks(value));
    } else if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k === '#text' ? key : k);
  };
  walk(xml.parse(text));
  return links;
}

/** Addresses a JSON Feed points at. */
export function jsonFeedLinks(text: string): string[] {
  const feed = JSON.parse(text);
  return [feed.home_page_url, feed.feed_url, ...feed.items.flatMap((item: Record<string, any>) => [item.url, item.image, ...htmlLinks(item.content_html)])].filter(Boolean);
}

/**
 * The modules a JavaScript module imports by a fixed address (static imports, and `import("…")`
 * of a string), as a browser fetches them: a chunk Vite splits out is reached only this way.
 * Bare package names are left out (a built site has none). es-module-lexer reads the code.
 */
export async function moduleLinks(code: string): Promise<string[]> {
  await init;
  const [imports] = parse(code);
  return imports.map((entry) => entry.n).filter((name): name is string => name !== undefined && /^(\.{1,2}\/|\/|https?:)/.test(name));
}

/**
 * Follows every same-site address from `start` (HTML, feeds, sitemaps, robots.txt, JavaScript modules), the way a
 * link checker would. `siteUrl` is the public origin + base the build was told about; its URLs
 * are fetched from `localOrigin` instead. Nothing else is fetched.
 */
export async function crawl(options: { localOrigin: string; siteUrl: string; start: string[] }): Promise<CrawlResult> {
  const { localOrigin, siteUrl } = options;
  const site = new URL(siteUrl);
  const basePath = site.pathname;
  const visited = new Map<string, number>();
  const broken: string[] = [];
  const escaping: string[] = [];
  const queue: { url: URL; from: string }[] = options.start.map((path) => ({ url: new URL(path, localOrigin), from: '(start)' }));

  const local = (address: string, page: URL): URL | undefined => {
    if (/^(mailto|tel|javascript|data):/i.test(address)) return undefined;
    const url = new URL(address, page);
    url.hash = '';
    if (url.origin === site.origin) return new URL(url.pathname + url.search, localOrigin);
    return url.origin === localOrigin ? url : undefined;
  };

  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    const key = url.href;
    if (visited.has(key)) continue;
    if (!url.pathname.startsWith(basePath)) {
      escaping.push(`${from} → ${url.pathname}`);
      visited.set(key, 0);
      continue;
    }
    const response = await fetch(url);
    visited.set(key, response.status);
    if (response.status !== 200) {
      broken.push(`${from} → ${url.pathname} (${response.status})`);
      continue;
    }
    const type = response.headers.get('content-type') ?? '';
    const body = url.pathname.match(/\.(png|jpe?g|webp|avif|gif|ico|css|woff2?)$/) ? '' : await response.text();
    let links: string[] = [];
    if (url.pathname.endsWith('.js')) links = await moduleLinks(body);
    else if (url.pathname.endsWith('.json')) links = jsonFeedLinks(body);
    else if (url.pathname.endsWith('.xml')) links = xmlLinks(body);
    else if (url.pathname.endsWith('robots.txt')) links = [...body.matchAll(/^Sitemap: (\S+)$/gm)].map((m) => m[1]!);
    else if (type.includes('html') || url.pathname.endsWith('/')) links = htmlLinks(body);
    for (const link of links) {
      const next = local(link, url);
      if (next && !visited.has(next.href)) queue.push({ url: next, from: url.pathname });
    }
  }
  return { visited, broken, escaping };
}
