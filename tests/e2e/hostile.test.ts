import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser';
import { buildSite, listFiles } from '../support/build';
import { xmllintErrors } from '../support/feeds';
import { PAYLOADS, writeHostileCorpus } from '../support/hostile';
import { nuHtmlErrors } from '../support/html-checker';
import { TMP } from '../support/paths';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';


interface Findings {
  ran: boolean;
  dialogs: string[];
  consoleErrors: string[];
  cspViolations: string[];
  badLinks: string[];
}

describe(`${PAYLOADS.length} hostile payloads in every field and the body`, () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  const pages: [string, Findings][] = [];

  async function visit(page: Page, path: string): Promise<Findings> {
    const found: Findings = { ran: false, dialogs: [], consoleErrors: [], cspViolations: [], badLinks: [] };
    const onDialog = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
      found.dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    const onConsole = (message: { type: () => string; text: () => string }) => {
      if (message.type() === 'error') found.consoleErrors.push(message.text());
    };
    page.on('dialog', onDialog);
    page.on('console', onConsole);
    page.on('pageerror', (error) => found.consoleErrors.push(error.message));
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const state = await page.evaluate(() => ({
      ran: (window as unknown as { __xss?: number }).__xss === 1,
      csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
      links: [...document.querySelectorAll('[href], [src], [action], [formaction], [data]')].flatMap((el) =>
        ['href', 'src', 'action', 'formaction', 'data', 'xlink:href']
          .map((name) => el.getAttribute(name) ?? '')
          .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)),
      ),
    }));
    found.ran = state.ran;
    found.cspViolations = state.csp;
    found.badLinks = state.links;
    page.off('dialog', onDialog);
    page.off('console', onConsole);
    return found;
  }

  beforeAll(async () => {
    const corpus = join(TMP, 'corpora', 'hostile');
    writeHostileCorpus(corpus);
    dir = buildSite({ name: 'hostile', env: { CONTENT_DIR: corpus } });
    server = await serveStatic(dir);
    browser = await launchBrowser();
    const context = await browser.newContext();
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const store = window as unknown as { __csp?: string[] };
        (store.__csp ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const page = await context.newPage();
    const paths = [...listFiles(dir, '.html').map((file) => `/${file.replace(/index\.html$/, '')}`), '/search/?q=script'];
    for (const path of paths) pages.push([path, await visit(page, path)]);
    await context.close();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds pages the Nu HTML Checker finds no errors in', () => {
    expect(nuHtmlErrors(dir)).toEqual([]);
  });

  it('builds a page for every article and tag', () => {
    expect(pages.filter(([path]) => path.startsWith('/articles/'))).toHaveLength(PAYLOADS.length);
    expect(pages.filter(([path]) => path.startsWith('/tags/') && path !== '/tags/' && !path.includes('/page/'))).toHaveLength(PAYLOADS.length + 1);
  });

  it('runs no script from content, opens no dialog, logs no error and violates no CSP on any page', () => {
    const trouble = pages
      .map(([path, found]) => ({ path, ...found }))
      .filter((f) => f.ran || f.dialogs.length || f.consoleErrors.length || f.cspViolations.length || f.badLinks.length);
    expect(trouble).toEqual([]);
  });

  it('shows every payload as text where it was written', async () => {
    const page = await browser.newPage();
    for (const [index, payload] of PAYLOADS.entries()) {
      const n = String(index + 1).padStart(2, '0');
      await page.goto(`${server.origin}/articles/hostile-${n}/`);
      // The HTML parser drops NUL from text; the rest reads as typed.
      const expected = `Hostile ${n} ${payload}`.replace(/\0/g, '').replace(/[\r\n\u2028\u2029]+/g, ' ');
      const headline = (await page.locator('h1').textContent())!.replace(/[\r\n\u2028\u2029]+/g, ' ');
      expect(headline).toBe(expected);
      const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      // JSON-LD carries the value exactly, NUL included (escaped as \u0000).
      expect(jsonLd.headline).toBe(`Hostile ${n} ${payload}`);
      expect(await page.locator('.article__body figcaption').textContent()).toContain(`Caption ${payload}`.replace(/\0/g, '').slice(0, 20));
    }
    await page.close();
  });

  it('keeps every feed well-formed and parseable', async () => {
    const parser = new Parser();
    const feeds = listFiles(dir, 'rss.xml').concat(['atom.xml']);
    expect(feeds.length).toBeGreaterThan(PAYLOADS.length);
    for (const feed of feeds) {
      const xml = readFileSync(join(dir, feed), 'utf8');
      expect(xmllintErrors(xml), feed).toBe('');
      await expect(parser.parseString(xml), feed).resolves.toBeDefined();
    }
    const json = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'));
    expect(json.items).toHaveLength(PAYLOADS.length);
    for (const file of ['sitemap-0.xml', 'sitemap-index.xml']) expect(xmllintErrors(readFileSync(join(dir, file), 'utf8')), file).toBe('');
  });
});
