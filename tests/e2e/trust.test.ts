/**
 * Trust in the open (issue 23), as readers and machines meet it: the publication's pages and its
 * identity in structured data, the corrections log and its feeds, notes of every kind, the age
 * notice, the dateline and writers' expertise. The newsroom fixtures' shared build
 * (tests/fixtures/corpora/newsroom, under BASE_PATH=/news, the clock at 2026-11-28), which
 * deploy.test.ts crawls and front.test.ts reads too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import type { Browser, Page } from 'playwright';
import Parser from 'rss-parser';
import { formatterFactory, HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../.htmlvalidate.mjs';
import { axeViolations } from '../support/axe';
import { testBrowser } from '../support/browser';
import { NEWSROOM_SITE, sharedBuild } from '../support/build';
import { ensureXmllint, RFC3339, xmllintErrors } from '../support/feeds';
import { schemaOrgProblems } from '../support/schema-org';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

const SITE = 'https://example.org/news';
const PUBLISHER = `${SITE}/#publisher`;

let dir: string;
let server: StaticServer;
let browser: Browser;
const file = (path: string) => readFileSync(join(dir, path), 'utf8');
const jsonLd = (html: string): Record<string, unknown>[] => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
/** The built file an absolute address on the site is served from. */
const builtFile = (url: string) => join(dir, new URL(url).pathname.replace(/^\/news\//, ''), new URL(url).pathname.endsWith('/') ? 'index.html' : '');

beforeAll(async () => {
  dir = await sharedBuild(NEWSROOM_SITE);
  server = await serveStatic(dir, { mount: '/news/' });
  browser = await testBrowser();
  ensureXmllint();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light', width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(`${server.origin}${path}`);
  return page;
}

/** Every node of a JSON-LD tree: each object in it, nested ones included. */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value === null || typeof value !== 'object') return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
}

describe("the publication's pages", () => {
  it('are listed at /about/ by role, each built at /about/<slug>/, and linked from every page\'s footer', async () => {
    const page = await open('/news/about/');
    const links = await page.locator('main .about-list').first().locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['about-us', 'masthead', 'ethics', 'corrections', 'contact', 'feedback'].map((slug) => `/news/about/${slug}/`));
    for (const link of links) expect(existsSync(join(dir, link!.replace('/news/', ''), 'index.html')), link!).toBe(true);
    await page.context().close();
    for (const path of ['index.html', 'articles/harbour-history/index.html', 'corrections/index.html', 'about/ethics/index.html']) {
      const footer = /<footer class="site-footer">[^]*?<\/footer>/.exec(file(path))![0];
      expect(footer, path).toContain('href="/news/about/"');
      expect(footer, path).toContain('href="/news/corrections/"');
    }
  });

  it('shows a page as its Markdown says, its links under the base path', () => {
    const html = file('about/about-us/index.html');
    expect(html).toContain('<h1 class="headline headline--1">About the Harbour Gazette (fixture)</h1>');
    expect(html).toContain('<a href="/news/about/ethics/">our ethics</a>');
  });
});

describe('the publisher in structured data', () => {
  const PAGES = ['articles/harbour-history/index.html', 'authors/jane-roe/index.html', 'about/index.html', 'about/about-us/index.html', 'index.html'];

  it('is one NewsMediaOrganization with a stable @id, a logo with its size, and a policy only where a page has its role, none dead', async () => {
    const nodes = PAGES.flatMap((path) => jsonLd(file(path)).filter((node) => node['@type'] === 'NewsMediaOrganization'));
    // On every page that refers to it, the same node.
    expect(nodes.length).toBeGreaterThanOrEqual(4);
    for (const node of nodes) expect(node).toEqual(nodes[0]);
    const publisher = nodes[0]!;
    expect(publisher).toMatchObject({ '@id': PUBLISHER, name: 'Broadsheet', url: `${SITE}/` });
    expect(publisher['publishingPrinciples']).toBe(`${SITE}/about/about-us/`);
    expect(publisher['masthead']).toBe(`${SITE}/about/masthead/`);
    expect(publisher['ethicsPolicy']).toBe(`${SITE}/about/ethics/`);
    expect(publisher['correctionsPolicy']).toBe(`${SITE}/about/corrections/`);
    expect(publisher['actionableFeedbackPolicy']).toBe(`${SITE}/about/feedback/`);
    expect(publisher['contactPoint']).toEqual({ '@type': 'ContactPoint', contactType: 'newsroom', url: `${SITE}/about/contact/` });
    // The fixtures have no page with these roles: the properties are absent, never empty.
    for (const absent of ['verificationFactCheckingPolicy', 'unnamedSourcesPolicy', 'ownershipFundingInfo', 'diversityPolicy', 'sameAs']) expect(publisher, absent).not.toHaveProperty(absent);
    // Every address in it is a built page or file.
    const logo = publisher['logo'] as { url: string; width: { value: number }; height: { value: number } };
    const addresses = [logo.url, ...Object.values(publisher).filter((value): value is string => typeof value === 'string' && value.startsWith(`${SITE}/about/`)), `${SITE}/about/contact/`];
    for (const url of addresses) expect(existsSync(builtFile(url)), url).toBe(true);
    const sharp = (await import('sharp')).default;
    const size = await sharp(builtFile(logo.url)).metadata();
    expect([logo.width.value, logo.height.value]).toEqual([size.width, size.height]);
  });

  it.each(PAGES)('%s: every @id reference resolves within the page, and schema.org (through schema-dts) accepts every node', (path) => {
    const nodes = jsonLd(file(path));
    const all = nodes.flatMap(objects);
    const defined = new Set(all.filter((node) => typeof node['@id'] === 'string' && Object.keys(node).length > 1).map((node) => node['@id']));
    const referred = all.filter((node) => Object.keys(node).length === 1 && typeof node['@id'] === 'string').map((node) => node['@id']);
    for (const id of referred) expect(defined, `${path} refers to ${String(id)}`).toContain(id);
    expect(schemaOrgProblems(nodes)).toEqual([]);
  });

  it("names the publisher by @id in every article, with the principles page; the seed's copy keeps its provenance", () => {
    for (const slug of ['harbour-history', 'agency-copy', 'cloud-partner']) {
      const article = jsonLd(file(`articles/${slug}/index.html`)).find((node) => [node['@type']].flat()[0] === 'NewsArticle')!;
      expect(article['publisher'], slug).toEqual({ '@id': PUBLISHER });
      expect(article['publishingPrinciples'], slug).toBe(`${SITE}/about/about-us/`);
    }
    const agency = jsonLd(file('articles/agency-copy/index.html')).find((node) => [node['@type']].flat()[0] === 'NewsArticle')!;
    expect(agency['isBasedOn']).toMatch(/^https:\/\//);
  });
});

describe('notes of every kind', () => {
  it('stand under their own headings at the foot, each with an anchor; only the correction claims to be one in JSON-LD', () => {
    const html = file('articles/inquiry-part-1/index.html');
    expect([...html.matchAll(/<h2 class="corrections__heading" id="([^"]+)">\s*([^<]*?)\s*<\/h2>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['clarification-heading', 'Clarification'],
      ['editors-note-heading', 'Editor’s note'],
    ]);
    expect(html).toContain('<li id="correction-20261124T050000Z">');
    const article = jsonLd(html).find((node) => [node['@type']].flat()[0] === 'NewsArticle')!;
    expect(article).not.toHaveProperty('correction');
    expect(article['comment']).toEqual([
      { '@type': 'Comment', name: 'Clarification', text: 'This article now says that the inquiry sits in public.', datePublished: '2026-11-24' },
      { '@type': 'Comment', name: 'Editor’s note', text: 'This article was updated to link to the second part of the series.', datePublished: '2026-11-25T09:00:00-05:00' },
    ]);
    const corrected = jsonLd(file('articles/harbour-reopens/index.html')).find((node) => [node['@type']].flat()[0] === 'NewsArticle')!;
    expect((corrected['correction'] as { '@type': string }[]).map((node) => node['@type'])).toEqual(['CorrectionComment', 'CorrectionComment']);
  });

  it('reach the article\'s feed entries under the same headings', () => {
    const json = JSON.parse(file('feed.json')) as { items: { id: string; content_html: string }[] };
    const item = json.items.find((entry) => entry.id === `${SITE}/articles/inquiry-part-1/`)!;
    expect(item.content_html).toContain('<h2>Clarification</h2>');
    expect(item.content_html).toContain('<h2>Editor’s note</h2>');
  });
});

describe('the corrections log', () => {
  const ENTRIES = [
    ['Clarification', 'inquiry-part-1', 'correction-20261124T050000Z'],
    ['Correction', 'harbour-reopens', 'correction-20261122T190000Z'],
    ['Correction', 'harbour-reopens', 'correction-20261121T050000Z'],
  ];

  it("lists every correction and clarification, newest first, each linking to its note on the article (no editor's note)", async () => {
    const page = await open('/news/corrections/');
    const entries = await page.locator('.corrections-log__entry').evaluateAll((items) =>
      items.map((item) => [item.querySelector('.corrections-log__kind')!.textContent, item.querySelector('a')!.getAttribute('href')]),
    );
    expect(entries).toEqual(ENTRIES.map(([kind, slug, anchor]) => [kind, `/news/articles/${slug}/#${anchor}`]));
    // Each link lands on its note.
    await page.locator('.corrections-log__entry a').first().click();
    await page.waitForURL(/inquiry-part-1/);
    expect(await page.locator(':target').textContent()).toContain('This article now says that the inquiry sits in public.');
    await page.context().close();
    expect(file('corrections/index.html')).toContain('<a href="/news/about/corrections/">our corrections policy</a>');
  });

  it('has feeds in RSS, Atom and JSON Feed, each entry identified by the note\'s address, read by two parsers and listed on /feeds/', async () => {
    const urls = ENTRIES.map(([, slug, anchor]) => `${SITE}/articles/${slug}/#${anchor}`);
    const rss = file('corrections/rss.xml');
    expect(xmllintErrors(rss)).toBe('');
    const parsed = await new Parser().parseString(rss);
    expect(parsed.items.map((item) => item.guid)).toEqual(urls);
    expect(parsed.items.map((item) => item.title)).toEqual(['Clarification: The harbour inquiry opens (fixture)', 'Correction: Harbour reopens after storm (fixture)', 'Correction: Harbour reopens after storm (fixture)']);
    // feed-extractor keeps each entry's id; its links it gives without the fragment, as the article's.
    const articles = ENTRIES.map(([, slug]) => `${SITE}/articles/${slug}/`);
    expect(extractFromXml(rss).entries?.map((entry) => [entry.id, entry.link])).toEqual(urls.map((url, index) => [url, articles[index]]));
    const atom = file('corrections/atom.xml');
    expect(xmllintErrors(atom)).toBe('');
    expect(extractFromXml(atom).entries?.map((entry) => [entry.id, entry.link])).toEqual(urls.map((url, index) => [url, articles[index]]));
    expect([...atom.matchAll(/<entry>[^]*?<id>([^<]+)<\/id>/g)].map((m) => m[1])).toEqual(urls);
    expect(atom).toMatch(new RegExp(`<updated>${RFC3339.source.slice(1, -1)}</updated>`));
    const json = file('corrections/feed.json');
    expect((JSON.parse(json) as { items: { id: string }[] }).items.map((item) => item.id)).toEqual(urls);
    expect(extractFromJson(json).entries?.map((entry) => [entry.id, entry.link])).toEqual(urls.map((url, index) => [url, articles[index]]));
    const feeds = file('feeds/index.html');
    for (const name of ['rss.xml', 'atom.xml', 'feed.json']) expect(feeds).toContain(`${SITE}/corrections/${name}`);
    expect(file('corrections/index.html')).toContain(`<link rel="alternate" type="application/atom+xml" title="Broadsheet: Corrections and clarifications (Atom)" href="${SITE}/corrections/atom.xml">`);
  });
});

describe('how old, from where, by whom', () => {
  it('says how old a piece more than a year old is, above its headline; not an obituary, not a recent piece', async () => {
    const page = await open('/news/articles/harbour-history/', 'light', 375);
    const notice = page.locator('.age-notice');
    expect(await notice.textContent()).toBe('This article is more than 3 years old');
    expect(await notice.evaluate((element) => element.compareDocumentPosition(document.querySelector('h1')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    await page.context().close();
    expect(file('articles/harbour-master-obituary/index.html')).not.toContain('age-notice');
    expect(file('articles/strait-talks/index.html')).not.toContain('age-notice');
  });

  it('leads the copy with the dateline in small capitals, and gives it to structured data', async () => {
    const page = await open('/news/articles/harbour-history/');
    const lead = page.locator('.article__body p').first();
    expect(await lead.textContent()).toBe('ROTTERDAM — The outer wall was finished in the spring of 1923 (fixture copy).');
    expect(await lead.locator('.dateline').evaluate((element) => getComputedStyle(element).fontVariantCaps)).toBe('all-small-caps');
    await page.context().close();
    const article = jsonLd(file('articles/harbour-history/index.html')).find((node) => [node['@type']].flat()[0] === 'NewsArticle')!;
    expect(article['dateline']).toBe('ROTTERDAM');
    expect(article['locationCreated']).toEqual({ '@type': 'Place', name: 'ROTTERDAM' });
    const item = (JSON.parse(file('feed.json')) as { items: { id: string; content_html: string }[] }).items.find((entry) => entry.id === `${SITE}/articles/agency-copy/`)!;
    expect(item.content_html).toContain('GENEVA</span> — ');
  });

  it("shows a writer's subjects and emits a ProfilePage; their articles name their fediverse handle", () => {
    const html = file('authors/jane-roe/index.html');
    expect(html).toContain('Writes about');
    const profile = jsonLd(html).find((node) => node['@type'] === 'ProfilePage')!;
    expect(profile['mainEntity']).toMatchObject({ '@type': 'Person', name: 'Jane Roe', knowsAbout: ['Shipping', 'Maritime law'] });
    // The portrait, as a JPEG the build published.
    const image = (profile['mainEntity'] as { image: string }).image;
    expect(image).toMatch(new RegExp(`^${SITE}/_astro/[^/]+\\.jpg$`));
    expect(existsSync(builtFile(image))).toBe(true);
    expect(file('articles/inquiry-part-1/index.html')).toContain('<meta name="fediverse:creator" content="@janeroe@social.example">');
    expect(file('articles/budget-vote/index.html')).not.toContain('fediverse:creator');
  });
});

describe('the new pages by the project\'s html-validate rules', () => {
  const validator = new HtmlValidate(config);
  it.each(['about/index.html', 'about/ethics/index.html', 'corrections/index.html', 'articles/harbour-history/index.html', 'articles/inquiry-part-1/index.html', 'articles/harbour-reopens/index.html', 'authors/jane-roe/index.html'])('%s', async (path) => {
    const report = await validator.validateFile(join(dir, path));
    expect(report.valid ? '' : formatterFactory('text')(report.results)).toBe('');
  });
});

describe('accessibility of the new pages', () => {
  // Every rule in the light scheme; the colour rules in the dark where the page has colours of its own
  // (an about page is the article's layout, checked dark on the aged article).
  const PAGES = ['/news/about/', '/news/about/ethics/', '/news/corrections/', '/news/articles/harbour-history/', '/news/articles/inquiry-part-1/'];
  const DARK = ['/news/about/', '/news/corrections/', '/news/articles/harbour-history/', '/news/articles/inquiry-part-1/'];
  const RUNS = [...PAGES.map((path) => [path, 'light'] as const), ...DARK.map((path) => [path, 'dark'] as const)];

  it.concurrent.for(RUNS)('%s has no axe violations in the %s scheme', async ([path, colorScheme], { expect }) => {
    const page = await open(path, colorScheme);
    expect(await axeViolations(page, colorScheme)).toEqual([]);
    await page.context().close();
  });
});
