import { describe, expect, it } from 'vitest';
import { HEADER_RULES, headersFile, scriptHash } from '../../src/integrations/headers';

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
