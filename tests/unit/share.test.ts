import { describe, expect, it } from 'vitest';
import { shareLinks } from '../../src/model/share';

// A headline with everything that must survive encoding: &, +, #, ?, quotes, a percent sign,
// curly quotes, non-Latin letters and spaces. Invented for the test.
const TITLE = 'Fixture: Q&A + 50% off? “Yes” #1 — 中国 & café';
const URL_ = 'https://example.org/news/articles/fixture-q-a/';

/** Each link's query, read back as a service would read it. */
const links = new Map(shareLinks(TITLE, URL_).map((link) => [link.name, link.href]));

describe('shareLinks', () => {
  it('offers e-mail and the main networks, in that order', () => {
    expect([...links.keys()]).toEqual(['Email', 'Bluesky', 'X', 'Facebook', 'LinkedIn', 'WhatsApp', 'Reddit']);
  });

  it.each([
    ['Bluesky', 'https://bsky.app/intent/compose', { text: `${TITLE} ${URL_}` }],
    ['X', 'https://twitter.com/intent/tweet', { text: TITLE, url: URL_ }],
    ['Facebook', 'https://www.facebook.com/sharer/sharer.php', { u: URL_ }],
    ['LinkedIn', 'https://www.linkedin.com/sharing/share-offsite/', { url: URL_ }],
    ['WhatsApp', 'https://wa.me/', { text: `${TITLE} ${URL_}` }],
    ['Reddit', 'https://www.reddit.com/submit', { url: URL_, title: TITLE }],
  ])('%s: %s with the headline and address intact', (name, endpoint, query) => {
    const href = new URL(links.get(name)!);
    expect(`${href.origin}${href.pathname}`).toBe(endpoint);
    expect(Object.fromEntries(href.searchParams)).toEqual(query);
    // Nothing else rides along: no tracking parameter, no fragment.
    expect(href.hash).toBe('');
  });

  it('Email: a mailto: whose subject and body decode to the headline and address (RFC 6068, %20 for spaces)', () => {
    const href = links.get('Email')!;
    expect(href).toMatch(/^mailto:\?subject=[^&]*&body=[^&]*$/);
    expect(href).not.toContain('+');
    const [, subject, body] = /^mailto:\?subject=([^&]*)&body=([^&]*)$/.exec(href)!;
    expect(decodeURIComponent(subject!)).toBe(TITLE);
    expect(decodeURIComponent(body!)).toBe(URL_);
  });
});
