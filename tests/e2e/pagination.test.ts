import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/corpus';
import { testBrowser } from '../support/browser';
import { buildSite, readTree } from '../support/build';
import { serveStatic } from '../../scripts/lib/server';
import { nuHtmlErrors } from '../support/html-checker';
import { ROOT, TMP } from '../support/paths';

const SEED = join(ROOT, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md');
const headlines = (html: string) => [...html.matchAll(/<h[23] class="headline headline--[23]"><a href="([^"]+)">/g)].map((m) => m[1]!);
/** The front page's "Latest": the front page of the listing, less what the front shows above it. */
const latest = (html: string) => headlines(/<section class="front-latest"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
const dates = (html: string) => [...html.matchAll(/<p class="story-card__meta"><time datetime="([^"]+)">/g)].map((m) => m[1]!);

describe('a 45-article corpus, 20 per page', () => {
  let dir: string;
  let tree: Map<string, Buffer>;
  const page = (path: string) => tree.get(path)?.toString() ?? '';

  beforeAll(() => {
    const corpus = join(TMP, 'corpora', 'paged-45');
    writeCorpus(45, corpus, SEED);
    // The only article with this word, and one of the oldest (published 9 January 2021).
    appendFileSync(join(corpus, 'article-00010.md'), '\nFiled from Ouagadougou.\n');
    // And another of 2021, the only one with this word.
    const other = readdirSync(corpus).find((file) => {
      const text = readFileSync(join(corpus, file), 'utf8');
      return file !== 'article-00010.md' && /^published: '?2021-/m.test(text) && !/^draft: true/m.test(text);
    })!;
    appendFileSync(join(corpus, other), '\nFiled from Timbuktu.\n');
    // Every copy a piece of one long series without parts: read in order of publication.
    for (const file of readdirSync(corpus)) writeFileSync(join(corpus, file), readFileSync(join(corpus, file), 'utf8').replace(/^---\n/, '---\nseries: A long story\n'));
    dir = buildSite({ name: 'paged-45', env: { CONTENT_DIR: corpus, BUILD_TIME: '2026-11-01T00:00:00Z' } });
    tree = readTree(dir);
  });

  it('builds pages the Nu HTML Checker finds no errors in', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it('publishes the articles that are neither drafts nor future-dated, once each', () => {
    const articles = [...tree.keys()].filter((path) => /^articles\/[^/]+\/index\.html$/.test(path));
    // The generator makes every 40th article (from the 3rd) a draft and every 90th (from the 7th) future-dated.
    const drafts = ['article-00003', 'article-00043', 'article-00007'];
    expect(articles).toHaveLength(45 - drafts.length);
    for (const slug of drafts) expect(tree.has(`articles/${slug}/index.html`)).toBe(false);
  });

  it('splits the home page into its front and /page/1/, the 20 oldest, newest first; the front shows each article once', () => {
    const [front, oldest] = ['index.html', 'page/1/index.html'].map(page) as [string, string];
    expect(headlines(oldest)).toHaveLength(20);
    expect(tree.has('page/2/index.html')).toBe(false);
    // The front: its lead and section rows, then the rest of the listing's front page (22 articles) as "Latest".
    const shown = headlines(front);
    expect(new Set(shown).size).toBe(shown.length);
    expect(latest(front).length).toBeGreaterThan(0);
    expect(latest(front).every((href) => !headlines(oldest).includes(href))).toBe(true);
    // Latest and page 1 together are the listing, newest first.
    const listed = [...dates(/<section class="front-latest"[\s\S]*?<\/section>/.exec(front)![0]), ...dates(oldest)];
    expect(listed).toEqual([...listed].sort().reverse());
    expect(new Set([...shown, ...headlines(oldest)]).size).toBe(42);
  });

  it('links pages with rel prev/next and says where you are: the page and the days it spans', () => {
    const front = page('index.html');
    const oldest = page('page/1/index.html');
    expect(front).toContain('<link rel="next" href="https://broadsheet.example/page/1/">');
    expect(front).toMatch(/<a href="\/page\/1\/" rel="next">Older<\/a>/);
    expect(front).not.toContain('rel="prev"');
    expect(oldest).toContain('<link rel="prev" href="https://broadsheet.example/">');
    expect(oldest).toMatch(/<a href="\/" rel="prev">Newer<\/a>/);
    expect(oldest).not.toContain('rel="next"');
    // The 20 oldest published: 9 January 2021 to 9 March 2023 (writeCorpus's dates), worded by
    // Intl's formatRange, which sets the dash between thin spaces.
    const [from, to] = [dates(oldest).at(-1)!, dates(oldest)[0]!];
    expect([from.slice(0, 10), to.slice(0, 10)]).toEqual(['2021-01-09', '2023-03-09']);
    expect(oldest).toContain(
      '<span class="pager__where" aria-current="page">Page 1 · 9 January 2021\u2009–\u20099 March 2023</span>',
    );
    expect(oldest).toContain('<title>Latest (page 1) | Broadsheet</title>');
    expect(oldest).toContain('<link rel="canonical" href="https://broadsheet.example/page/1/">');
  });

  it('lists a tag of fewer than 40 articles on its front alone, with no pager', () => {
    const listed = Number(
      page('tags/index.html').match(/href="\/tags\/nato\/">NATO<\/a> <span class="tag-index__count">(\d+) articles/)?.[1],
    );
    expect(listed).toBe(23);
    expect(headlines(page('tags/nato/index.html'))).toHaveLength(23);
    expect(page('tags/nato/index.html')).not.toContain('class="pager"');
    expect([...tree.keys()].filter((path) => path.startsWith('tags/nato/page/'))).toEqual([]);
  });

  it('files every article in the archive by year and month, in the newsroom time zone', () => {
    const index = page('archive/index.html');
    const years = [...index.matchAll(/<a href="\/archive\/(\d{4})\/">\d{4}<\/a><span class="count">(\d+) articles?<\/span>/g)];
    expect(years.reduce((sum, m) => sum + Number(m[2]), 0)).toBe(42);
    for (const [, year] of years) {
      const yearPage = page(`archive/${year}/index.html`);
      for (const [, month, count] of yearPage.matchAll(
        /<a href="\/archive\/\d{4}\/(\d{2})\/">[^<]+<\/a> <span class="count">(\d+) articles?<\/span>/g,
      )) {
        const listed = headlines(page(`archive/${year}/${month}/index.html`));
        // Under 40 a month is one page: its front holds up to 39 (src/model/pagination.ts).
        expect(listed.length).toBe(Number(count));
        for (const date of dates(page(`archive/${year}/${month}/index.html`))) expect(date.slice(0, 7)).toBe(`${year}-${month}`);
      }
    }
  });

  it('paginates a long series like a section front: its latest pieces at its address, page 1 its first twenty, each page in reading order', () => {
    const [front, first] = ['series/a-long-story/index.html', 'series/a-long-story/page/1/index.html'].map(page) as [string, string];
    expect(tree.has('series/a-long-story/page/2/index.html')).toBe(false);
    const [latest, earliest] = [headlines(front), headlines(first)];
    expect([latest.length, earliest.length]).toEqual([22, 20]);
    // Reading order is publication order here: oldest first on each page, page 1 before the front.
    const order = [...dates(first), ...dates(front)];
    expect(order).toEqual([...order].sort());
    expect(new Set([...earliest, ...latest]).size).toBe(42);
    // Each piece keeps its place in the whole series in the ItemList.
    const list = (html: string) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(html)![1]!);
    expect(list(first).itemListElement.map((item: { position: number }) => item.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(list(front).itemListElement.map((item: { position: number }) => item.position)).toEqual(Array.from({ length: 22 }, (_, i) => i + 21));
    expect(front).toMatch(/<a href="\/series\/a-long-story\/page\/1\/" rel="next">Older<\/a>/);
    expect(first).toMatch(/<a href="\/series\/a-long-story\/" rel="prev">Newer<\/a>/);
    expect(first).toContain('<title>A long story (page 1) | Broadsheet</title>');
  });

  it('keeps listing pages the same weight an article whatever the corpus size', () => {
    const weights = ['index.html', 'page/1/index.html'].map((p) => tree.get(p)!.length / headlines(page(p)).length);
    // The front's cards are the listing's cards, in rows: an article weighs about the same there.
    expect(Math.abs(weights[0]! - weights[1]!) / weights[0]!).toBeLessThan(0.1);
  });

  // The corpus's published articles by year, newest first: 2026 3, 2025 4, 2024 4, 2023 13,
  // 2022 9, 2021 9 (writeCorpus's dates, less its drafts and future pieces): a search shard a year.
  it('searches the newest shards first, and the rest of the archive as the reader asks, ten results at a time', async () => {
    const server = await serveStatic(dir);
    const browser = await testBrowser();
    try {
      const tab = await browser.newPage();
      const fragments: string[] = [];
      const indexes = new Set<string>();
      const workers: string[] = [];
      tab.on('request', (request) => {
        const shard = /\/pagefind\/([^/]+)\/(fragment|index)\//.exec(request.url());
        if (shard?.[2] === 'fragment') fragments.push(request.url());
        if (shard?.[2] === 'index') indexes.add(shard[1]!);
        if (request.url().includes('pagefind-worker')) workers.push(request.url());
      });
      await tab.goto(`${server.origin}/search/?q=Stoltenberg`);
      const status = tab.locator('.search-status');
      const results = tab.locator('.search-results li');
      const more = tab.locator('[data-search-more]');
      const shows = async (count: number, said: string, offer: string) => {
        await results.nth(count - 1).waitFor();
        expect(await results.count()).toBe(count);
        expect(await status.textContent()).toBe(said);
        expect(await more.textContent()).toBe(offer);
      };
      // Every article holds the word: the first search opens the two newest shards (src/client/search.ts FIRST_SHARDS).
      await shows(7, '7 results for “Stoltenberg” in 7 of 42 articles', 'Search more articles');
      expect([...indexes].sort()).toEqual(['2025', '2026']);
      // Asked, it searches the next shard, newest first, and shows what it adds.
      await more.click();
      await shows(11, '11 results for “Stoltenberg” in 11 of 42 articles', 'Search more articles');
      expect([...indexes].sort()).toEqual(['2024', '2025', '2026']);
      await more.click();
      await shows(21, '24 results for “Stoltenberg” in 24 of 42 articles', 'More results');
      // Two quick clicks ask for two batches, never the same one twice: the second searches on.
      // Clicked from the page's script: a pointer's second click could land on a result the first
      // one listed where the button was.
      await more.evaluate((button: HTMLButtonElement) => {
        button.click();
        button.click();
      });
      await shows(33, '33 results for “Stoltenberg” in 33 of 42 articles', 'Search more articles');
      await more.click();
      await results.nth(41).waitFor();
      expect(await status.textContent()).toBe('42 results for “Stoltenberg”');
      // Focus lands on the first new result, where reading carries on.
      expect(
        await results.nth(33).evaluate((li) => li.contains(document.activeElement) && document.activeElement?.tagName === 'A'),
      ).toBe(true);
      expect(await more.isHidden()).toBe(true);
      expect(fragments).toHaveLength(42);
      const links = await tab.locator('.search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(new Set(links).size).toBe(42);
      expect(workers).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  /** Runs `use` on a tab of the built site, served; `indexes` collects the shards whose index the tab downloads. */
  async function onSearchPage(use: (tab: Page, origin: string, indexes: Set<string>) => Promise<void>): Promise<void> {
    const server = await serveStatic(dir);
    const browser = await testBrowser();
    try {
      const tab = await browser.newPage();
      const indexes = new Set<string>();
      tab.on('request', (request) => {
        const shard = /\/pagefind\/([^/]+)\/index\//.exec(request.url());
        if (shard) indexes.add(shard[1]!);
      });
      await use(tab, server.origin, indexes);
    } finally {
      await browser.close();
      await server.close();
    }
  }

  // The bench found it: with the directory read for a headline's first eight word beginnings
  // only, the words every article shares picked the newest shards, and an old article's exact
  // headline was not among the first ten results.
  it('finds an old article by its exact headline, the word that tells it apart last, opening only its shard', async () => {
    await onSearchPage(async (tab, origin, indexes) => {
      // Thirteen word beginnings; only "10" is not in every article.
      const headline = 'NATO Chief: West Should ‘Impose a Cost’ on China for Supporting Russia (No. 10)';
      await tab.goto(`${origin}/search/?q=${encodeURIComponent(headline)}`);
      await tab.locator('.search-results li').first().waitFor();
      expect(await tab.locator('.search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/articles/article-00010/',
      ]);
      expect([...indexes]).toEqual(['2021']);
      // Found by its rarest word, "10", and checked for the others: the page says so, and offers the query asked whole.
      const status = tab.locator('.search-status');
      const more = tab.locator('[data-search-more]');
      expect(await status.textContent()).toBe(`At least 1 result for “${headline}” in 9 of 42 articles`);
      expect(await more.textContent()).toBe('More results');
      // Asked, it asks the whole query, ranked on every word: no other article of 2021 holds them
      // all, so it searches on, newest first, until a result turns up. Pagefind leaves out a word a
      // shard does not hold at all (pagefind_web/src/search.rs search_term): 2026 has no "10", so
      // its copy of the headline, "(No. 42)", is a result there.
      await more.click();
      await tab.waitForFunction(() => !document.querySelector('.search-status')?.textContent?.startsWith('At least'));
      await tab.locator('.search-results li').nth(1).waitFor();
      expect(await status.textContent()).toBe(`2 results for “${headline}” in 12 of 42 articles`);
      expect(await tab.locator('.search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/articles/article-00010/',
        '/articles/article-00042/',
      ]);
    });
  });

  it('asks the whole query when no result of its rarest word holds the other words', async () => {
    await onSearchPage(async (tab, origin, indexes) => {
      // Both words are in the 2021 shard, each in one article, never together.
      await tab.goto(`${origin}/search/?q=${encodeURIComponent('Ouagadougou Timbuktu')}`);
      await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
      expect(await tab.locator('.search-status').textContent()).toBe('0 results for “Ouagadougou Timbuktu” in 9 of 42 articles');
      expect(await tab.locator('.search-results li').count()).toBe(0);
      expect([...indexes]).toEqual(['2021']);
      // Words the copy has in other forms only: the directory lists no shard, so the whole query
      // is asked, and Pagefind finds them by their stems ("supported" is support…, as "supporting" is).
      await tab.goto(`${origin}/search/?q=${encodeURIComponent('supported Russia')}`);
      await tab.locator('.search-results li').nth(2).waitFor();
      expect(await tab.locator('.search-status').textContent()).toBe('3 results for “supported Russia” in 3 of 42 articles');
      // Found by a breaker: a word past the 24 word beginnings the directory is read for, and an
      // emoji (a word to Pagefind, none to the directory), were never checked, and articles
      // without them were listed. Now they are checked, or the whole query is asked.
      // 24 word beginnings, "Ouagadougou" among them (the seed's standfirst, its last word
      // swapped), then a 25th word the directory is not read for, in another 2021 article.
      const standfirst =
        'Jens Stoltenberg secretary general of the North Atlantic Treaty Organization NATO said on Monday that China should be penalized for supporting Russia’s invasion of Ouagadougou';
      // Pagefind leaves out a word a shard does not hold at all (no article has an emoji).
      for (const [query, said] of [
        [`${standfirst} Timbuktu`, '0 results for “%” in 9 of 42 articles'],
        ['Ouagadougou China 🙂', '1 result for “%” in 9 of 42 articles'],
        // A second breaker: a word being typed, which Pagefind matches by stems the check cannot
        // see, and a phrase in double quotes, which Pagefind searches as one, are asked whole.
        ['Ouagadougo China', '1 result for “%” in 9 of 42 articles'],
        ['"West Should"', '7 results for “%” in 7 of 42 articles'],
      ] as const) {
        await tab.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
        await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
        expect(await tab.locator('.search-status').textContent(), query).toBe(said.replace('%', query));
      }
      // Each word alone is found, and the words together in either order find their one article.
      for (const [query, found] of [
        ['Timbuktu', 1],
        ['Ouagadougou China', 1],
        ['China Ouagadougou', 1],
      ] as const) {
        await tab.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
        await tab.locator('.search-results li').first().waitFor();
        expect(await tab.locator('.search-results li').count(), query).toBe(found);
      }
    });
  });

  it('finds a word of one old article by the search directory, without opening the newer shards', async () => {
    await onSearchPage(async (tab, origin, indexes) => {
      await tab.goto(`${origin}/search/?q=${encodeURIComponent('ouagadougou')}`);
      await tab.locator('.search-results li').first().waitFor();
      expect(await tab.locator('.search-status').textContent()).toBe('1 result for “ouagadougou” in 9 of 42 articles');
      expect(await tab.locator('.search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
        '/articles/article-00010/',
      ]);
      expect([...indexes]).toEqual(['2021']);
      // A shard that cannot be downloaded: the page says so, and the next search starts afresh.
      let refused = false;
      await tab.route('**/pagefind/2021/pagefind-entry.json*', (route) =>
        refused ? route.continue() : ((refused = true), route.abort()),
      );
      await tab.goto(`${origin}/search/?q=ouagadougou`);
      await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
      expect(await tab.locator('.search-status').textContent()).toBe(
        'Search could not download part of the archive. Check the connection and search again.',
      );
      await tab.locator('input[type="search"]').fill('ouagadougo');
      await tab.locator('.search-results li').first().waitFor();
      expect(await tab.locator('.search-status').textContent()).toBe('1 result for “ouagadougo” in 9 of 42 articles');
      await tab.unroute('**/pagefind/2021/pagefind-entry.json*');
      // A word in no article opens the newest shard only, and offers the rest.
      await tab.goto(`${origin}/search/?q=zzqx`);
      await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
      expect(await tab.locator('.search-status').textContent()).toBe('0 results for “zzqx” in 3 of 42 articles');
      const more = tab.locator('[data-search-more]');
      expect(await more.textContent()).toBe('Search more articles');
      // Asked, it searches the whole archive and finds nothing: focus goes to the status line, not to the page's start.
      await more.focus();
      await tab.keyboard.press('Enter');
      await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent === '0 results for “zzqx”');
      expect(await more.isHidden()).toBe(true);
      expect(await tab.evaluate(() => document.activeElement?.matches('[data-search-status]'))).toBe(true);
      // Punctuation alone has no word to look for: the page says so, downloads no shard and offers none
      // (found by a breaker: "Search more articles" downloaded every shard to find nothing).
      indexes.clear();
      await tab.goto(`${origin}/search/?q=${encodeURIComponent('!!! -')}`);
      await tab.waitForFunction(() => document.querySelector('.search-status')?.textContent !== '');
      expect(await tab.locator('.search-status').textContent()).toBe('“!!! -” has no words to search for.');
      expect(await tab.locator('.search-results li').count()).toBe(0);
      expect(await more.isHidden()).toBe(true);
      expect([...indexes]).toEqual([]);
    });
  });
});

describe('the corpus generator', () => {
  it('is deterministic for a given N', () => {
    const a = join(TMP, 'corpora', 'det-a');
    const b = join(TMP, 'corpora', 'det-b');
    writeCorpus(30, a, SEED);
    writeCorpus(30, b, SEED);
    for (const n of ['00001', '00015', '00030']) {
      expect(readFileSync(join(a, `article-${n}.md`), 'utf8')).toBe(readFileSync(join(b, `article-${n}.md`), 'utf8'));
    }
  });
});
