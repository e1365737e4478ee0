import { describe, expect, it } from 'vitest';
import { HEADER_RULES, headersFile, sampledPages } from '../../src/integrations/headers';

describe('headersFile', () => {
  it.each([
    ['/', '/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n'],
    ['/news/', '/news/_astro/*\n  Cache-Control: public, max-age=31536000, immutable\n'],
  ])('under base %s', (base, first) => {
    expect(headersFile(HEADER_RULES, base).startsWith(first)).toBe(true);
    expect(headersFile(HEADER_RULES, base)).toContain(`${base}tags/*/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8\n`);
  });

  it('writes one block per rule, headers indented', () => {
    expect(headersFile([{ path: '/a/*', headers: { 'X-One': '1', 'X-Two': '2' } }, { path: '/b', headers: { 'X-Three': '3' } }], '/')).toBe(
      '/a/*\n  X-One: 1\n  X-Two: 2\n\n/b\n  X-Three: 3\n',
    );
  });
});

describe('sampledPages', () => {
  const url = (path: string) => new URL(`file:///site/${path}`);
  it('takes the first and last HTML page of every route, once each', () => {
    const assets = new Map([
      ['/articles/[slug]', [url('articles/a/index.html'), url('articles/b/index.html'), url('articles/c/index.html')]],
      ['/rss.xml', [url('rss.xml')]],
      ['/404', [url('404.html')]],
      ['/search', [url('search/index.html')]],
    ]);
    expect(sampledPages(assets)).toEqual(['/site/404.html', '/site/articles/a/index.html', '/site/articles/c/index.html', '/site/search/index.html']);
  });
});
