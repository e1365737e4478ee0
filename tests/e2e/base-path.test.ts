import { describe, expect, inject, it } from 'vitest';
import { readTree } from '../support/build';

describe('a build under BASE_PATH=/news for SITE_URL=https://example.org', () => {
  const tree = readTree(inject('newsDir'));
  const pages = [...tree].filter(([path]) => path.endsWith('.html'));

  it('builds every page', () => {
    expect(pages.map(([path]) => path)).toEqual(
      expect.arrayContaining(['index.html', '404.html', 'tags/index.html', 'tags/nato/index.html', 'articles/nato-chief-west-should-impose-a-cost-on-china/index.html']),
    );
  });

  it.each(pages.map(([path, bytes]) => [path, bytes.toString()]))('%s links only inside /news/ or to absolute addresses', (_path, html) => {
    const addresses = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) {
      // Absolute addresses, and share-by-e-mail links (ShareLinks.astro), name no path of ours.
      if (/^(https?:\/\/|mailto:)/.test(address)) continue;
      expect(address, address).toMatch(/^(\/news\/|#)/);
    }
  });

  it.each(pages.filter(([path]) => path !== '404.html').map(([path, bytes]) => [path, bytes.toString()]))(
    '%s names its absolute canonical address under /news/',
    (path, html) => {
      const canonical = `https://example.org/news/${path.replace(/index\.html$/, '')}`;
      expect([...html.matchAll(/<link rel="canonical" href="([^"]*)">/g)].map((m) => m[1])).toEqual([canonical]);
    },
  );

  it('puts the base in every feed URL', () => {
    const rss = tree.get('rss.xml')!.toString();
    expect(rss).toContain('<link>https://example.org/news/</link>');
    expect(rss).toContain('<atom:link href="https://example.org/news/rss.xml" rel="self"');
    expect(rss).toContain('<link>https://example.org/news/articles/nato-chief-west-should-impose-a-cost-on-china/</link>');
    const links = [...rss.matchAll(/(?:href|src)=&quot;([^&]*)&quot;/g)].map((m) => m[1]!);
    for (const link of links) expect(link).toMatch(/^https?:\/\//);
  });
});
