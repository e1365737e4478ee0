/**
 * Screenshots of the built site for the README and for looking at what readers see:
 * home, article, tag index, a tag page, search with results, feeds and 404 at 375 px and 1280 px,
 * light and dark, and the article's print preview.
 *
 *   npm run screenshots    (builds first; writes docs/screenshots/*.png)
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium, launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/screenshots`;
mkdirSync(out, { recursive: true });

const pages = {
  home: '/',
  article: '/articles/nato-chief-west-should-impose-a-cost-on-china/',
  tags: '/tags/',
  tag: '/tags/nato/',
  search: '/search/?q=Stoltenberg',
  feeds: '/feeds/',
  '404': '/no-such-page/',
};
const widths = { mobile: 375, desktop: 1280 };
const schemes = ['light', 'dark'] as const;

ensureChromium();
const server = await serveStatic(`${root}dist`);
const browser = await launchBrowser();
try {
  for (const [width, px] of Object.entries(widths)) {
    for (const scheme of schemes) {
      const context = await browser.newContext({ viewport: { width: px, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(server.origin + path);
        if (name === 'search') await page.locator('.search-results li').first().waitFor();
        const file = `${out}/${name}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file.slice(root.length));
      }
      await context.close();
    }
  }
  const print = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  await print.goto(server.origin + pages.article);
  await print.emulateMedia({ media: 'print' });
  await print.screenshot({ path: `${out}/article-print.png`, fullPage: true });
  console.log('docs/screenshots/article-print.png');
} finally {
  await browser.close();
  await server.close();
}
