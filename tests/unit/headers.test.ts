import { describe, expect, it } from 'vitest';
import { HEADER_RULES, headersFile, scriptHash, securityRule } from '../../src/integrations/headers';

describe('headersFile', () => {
  it.each([
    ['/', '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n'],
    ['/news/', '/news/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n'],
  ])('under base %s', (base, first) => {
    expect(headersFile(HEADER_RULES, base).startsWith(first)).toBe(true);
    expect(headersFile(HEADER_RULES, base)).toContain(`${base}tags/*/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8\n`);
  });

  // Sitemaps are UTF-8 and the news sitemap carries headlines: hosts must not send text/xml without a charset.
  it.each([
    ['/', 'sitemap-*.xml'],
    ['/', 'news-sitemap.xml'],
    ['/news/', 'sitemap-*.xml'],
    ['/news/', 'news-sitemap.xml'],
  ])('under base %s, %s is UTF-8 XML', (base, path) => {
    expect(headersFile(HEADER_RULES, base)).toContain(`\n${base}${path}\n  Content-Type: application/xml; charset=utf-8\n`);
  });

  it('writes one block per rule, headers indented', () => {
    expect(headersFile([{ path: '/a/*', headers: { 'X-One': '1', 'X-Two': '2' } }, { path: '/b', headers: { 'X-Three': '3' } }], '/')).toBe(
      '/a/*\n  X-One: 1\n  X-Two: 2\n\n/b\n  X-Three: 3\n',
    );
  });
});

describe('scriptHash', () => {
  // Values from CSP Level 3's example (§8.2, "alert('Hello, world.');") and a hash of nothing.
  it.each([
    ["alert('Hello, world.');", 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='],
    ['', 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
  ])('%j → %s', (source, hash) => {
    expect(scriptHash(source)).toBe(hash);
  });
});

describe('the whole _headers file', () => {
  // As staticHostHeaders writes it (the security rule first, then every path rule), under a base
  // path, with two made-up inline-script hashes: what Netlify and Cloudflare Pages read, line by line.
  it('under /news/, with two inline scripts', () => {
    const hashes = [scriptHash('document.documentElement.dataset.theme = "dark";'), scriptHash("alert('<&>');")].sort();
    expect(headersFile([securityRule(hashes), ...HEADER_RULES], '/news/')).toMatchInlineSnapshot(`
      "/news/*
        Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-EhF03NiAlmlapGh09ay+YCF5YDlKKoXz1b0V9CT13gc=' 'sha256-RH/36EFn2TnZtn39Gf6aq1rnKqEXnEQbfAXoYkwhRP0='; style-src 'self'; img-src 'self' https:; media-src 'self' https:; font-src 'self'; connect-src 'self'; worker-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://geo.dailymotion.com; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'
        Referrer-Policy: strict-origin-when-cross-origin
        X-Content-Type-Options: nosniff
        X-Frame-Options: DENY
        Permissions-Policy: camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()

      /news/_astro/*
        Cache-Control: public, max-age=31536000, immutable

      /news/media/*
        Cache-Control: public, max-age=86400

      /news/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/tags/*/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/sections/*/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/authors/*/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/types/*/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/series/*/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/atom.xml
        Content-Type: application/atom+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/series/*/atom.xml
        Content-Type: application/atom+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/feed.json
        Content-Type: application/feed+json; charset=utf-8
        Cache-Control: public, max-age=600

      /news/series/*/feed.json
        Content-Type: application/feed+json; charset=utf-8
        Cache-Control: public, max-age=600

      /news/corrections/rss.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/corrections/atom.xml
        Content-Type: application/atom+xml; charset=utf-8
        Cache-Control: public, max-age=600

      /news/corrections/feed.json
        Content-Type: application/feed+json; charset=utf-8
        Cache-Control: public, max-age=600

      /news/articles/*/updates.json
        Content-Type: application/feed+json; charset=utf-8
        Cache-Control: public, no-cache

      /news/articles/*/updates.xml
        Content-Type: application/rss+xml; charset=utf-8
        Cache-Control: public, no-cache

      /news/sitemap-*.xml
        Content-Type: application/xml; charset=utf-8

      /news/news-sitemap.xml
        Content-Type: application/xml; charset=utf-8
      "
    `);
  });
});
