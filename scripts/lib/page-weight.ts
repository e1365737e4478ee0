import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/** A built page and the files a browser fetches to show it, as bytes. */
export interface PageFiles {
  html: Buffer;
  /** Style sheets the page links (`<link rel="stylesheet">`), in order. */
  css: Buffer[];
  /** Scripts it loads (`<script src>`), in order. */
  js: Buffer[];
}

/**
 * What a browser downloads for one built page: the HTML and the style sheets and scripts it
 * names, read from the built folder `dist` (served at `base`). The page's own links are the
 * measurement here, so they are read from its HTML with an HTML parser.
 */
export function pageFiles(dist: string, page: string, base = '/'): PageFiles {
  const html = readFileSync(join(dist, page));
  const local = (address: string) => readFileSync(join(dist, address.startsWith(base) ? address.slice(base.length) : address));
  const css: Buffer[] = [];
  const js: Buffer[] = [];
  visit(fromHtml(html.toString()), 'element', (node: Element) => {
    const { rel, href, src } = node.properties;
    if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('stylesheet') && typeof href === 'string') css.push(local(href));
    if (node.tagName === 'script' && typeof src === 'string') js.push(local(src));
  });
  return { html, css, js };
}

/** Bytes after gzip at level 9, as static hosts compress. */
export function gzipBytes(file: Buffer): number {
  return gzipSync(file, { level: 9 }).length;
}
