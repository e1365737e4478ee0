import { describe, expect, it } from 'vitest';
import { FEED_CONTENT_TYPES, headersFile } from '../../src/integrations/headers';

describe('headersFile', () => {
  it.each([
    ['/', '/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8\n'],
    ['/news/', '/news/rss.xml\n  Content-Type: application/rss+xml; charset=utf-8\n'],
  ])('under base %s', (base, first) => {
    expect(headersFile(FEED_CONTENT_TYPES, base).startsWith(first)).toBe(true);
  });

  it('writes one block per rule, headers indented', () => {
    expect(headersFile([{ path: '/a/*', headers: { 'X-One': '1', 'X-Two': '2' } }, { path: '/b', headers: { 'X-Three': '3' } }], '/')).toBe(
      '/a/*\n  X-One: 1\n  X-Two: 2\n\n/b\n  X-Three: 3\n',
    );
  });
});
