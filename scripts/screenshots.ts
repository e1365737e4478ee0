/**
 * Screenshots of the built site for the README and for looking at what readers see:
 * home, article, tag index, a tag page, search with results, feeds and 404 at 375 px and 1280 px,
 * light and dark, and the article's print preview; then an article with a lead photo and the
 * home page listing it with its thumbnail, from a fixture corpus with a generated 2400 × 1600
 * photo (tests/fixtures/corpora/pictures, built into .tmp/), at the same widths and schemes; and a
 * section's front, an author's page, a corrected article, the front page (lead, top stories and
 * section rows) and a piece of a series with the series' page, from the newsroom fixtures
 * (tests/fixtures/corpora/newsroom: invented authors; its test card replaced by a photo); and an article with an animated GIF lead,
 * a video block and a transparent chart (tests/fixtures/corpora/newsroom-media, pictures made here);
 * and a live story with its "Show 1 new update" button, as a reader further down the page sees it
 * when the next build has published an update (tests/fixtures/corpora/live, built at two clocks).
 *
 *   npm run screenshots    (builds first; writes docs/screenshots/*.png)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inheritedEnvironment } from '../src/env.ts';
import { ensureChromium, launchBrowser } from './lib/browser.ts';
import { serveStatic } from './lib/server.ts';
import { testPhoto, writeNewsroomMediaPictures } from './lib/test-photos.ts';

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

// The real content has no photo: a fixture corpus, with a photo-sized picture made here, shows one.
const photoCorpus = `${root}.tmp/screenshots-photos`;
rmSync(photoCorpus, { recursive: true, force: true });
cpSync(`${root}tests/fixtures/corpora/pictures`, photoCorpus, { recursive: true });
writeFileSync(`${photoCorpus}/photo.jpg`, await testPhoto(2400, 1600));
const photoSite = `${root}.tmp/screenshots-photos-site`;
/** Builds a fixture corpus into .tmp/ with its own cache; throws when the build fails. */
function buildFixture(site: string, env: Record<string, string>): void {
  // --force: the cache folder outlives code changes, and only `npm run build` (scripts/build.mjs)
  // knows to start afresh when the code changed; these builds go to Astro directly.
  const built = spawnSync(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'build', '--force', '--outDir', site], {
    cwd: root,
    env: { ...inheritedEnvironment(), ...env, CACHE_DIR: `${site}-cache`, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`the fixture build into ${site} failed (${built.status})`);
}
buildFixture(photoSite, { CONTENT_DIR: photoCorpus });
const photoPages = { 'photo-article': '/articles/with-picture/', 'photo-home': '/' };
// The newsroom fixtures, their test card replaced by a photo-sized picture: the front page (a lead
// with its picture, top stories, section rows), a piece of a series, a section, an author.
const newsroom = `${root}.tmp/screenshots-newsroom`;
rmSync(newsroom, { recursive: true, force: true });
cpSync(`${root}tests/fixtures/corpora/newsroom`, newsroom, { recursive: true });
writeFileSync(`${newsroom}/articles/strait-photo.jpg`, await testPhoto(2400, 1600, 7));
const newsroomSite = `${root}.tmp/screenshots-newsroom-site`;
buildFixture(newsroomSite, { CONTENT_DIR: `${newsroom}/articles`, AUTHORS_DIR: `${newsroom}/authors`, PAGES_DIR: `${newsroom}/pages`, BUILD_TIME: '2026-11-28T00:00:00Z' });
const newsroomPages = {
  front: '/',
  'series-article': '/articles/inquiry-part-2/',
  series: '/series/harbour-inquiry/',
  'section-front': '/sections/europe/',
  author: '/authors/jane-roe/',
  'corrected-article': '/articles/harbour-reopens/',
  // Issue 23: an article more than three years old, with its dateline; notes of every kind; the log; the publication's pages.
  'aged-article': '/articles/harbour-history/',
  'noted-article': '/articles/inquiry-part-1/',
  corrections: '/corrections/',
  about: '/about/',
  'about-page': '/about/ethics/',
};
const mediaCorpus = `${root}.tmp/screenshots-media`;
rmSync(mediaCorpus, { recursive: true, force: true });
cpSync(`${root}tests/fixtures/corpora/newsroom-media`, mediaCorpus, { recursive: true });
await writeNewsroomMediaPictures(mediaCorpus);
const mediaSite = `${root}.tmp/screenshots-media-site`;
buildFixture(mediaSite, { CONTENT_DIR: mediaCorpus });
const mediaPages = { 'media-article': '/articles/media-showcase/' };
// A live story (issue 24), built at noon in New York and again at 14:30, when its held-back
// 14:00 update is out: the page of the first build is shown polling the feed of the second.
const live = `${root}tests/fixtures/corpora/live`;
const liveEnv = { CONTENT_DIR: `${live}/articles`, UPDATES_DIR: `${live}/updates`, AUTHORS_DIR: `${root}tests/fixtures/corpora/newsroom/authors` };
const liveSite = `${root}.tmp/screenshots-live-site`;
const liveLater = `${root}.tmp/screenshots-live-later`;
buildFixture(liveSite, { ...liveEnv, BUILD_TIME: '2026-11-28T17:00:00Z' });
buildFixture(liveLater, { ...liveEnv, BUILD_TIME: '2026-11-28T19:30:00Z' });
const livePath = '/articles/summit-live/';

ensureChromium();
const server = await serveStatic(`${root}dist`);
const photoServer = await serveStatic(photoSite);
const newsroomServer = await serveStatic(newsroomSite);
const mediaServer = await serveStatic(mediaSite);
const liveServer = await serveStatic(liveSite);
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
      const fixturePages = [
        ...Object.entries(photoPages).map(([name, path]) => [name, photoServer.origin + path] as const),
        ...Object.entries(newsroomPages).map(([name, path]) => [name, newsroomServer.origin + path] as const),
        ...Object.entries(mediaPages).map(([name, path]) => [name, mediaServer.origin + path] as const),
      ];
      for (const [name, url] of fixturePages) {
        await page.goto(url);
        // Lazy thumbnails load as they near the screen: scroll through so the full page shows them.
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await page.waitForLoadState('networkidle');
        await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
        const file = `${out}/${name}-${width}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file.slice(root.length));
      }
      // The live story, a reader further down it when the next build's update arrives: the page's
      // timers in Playwright's hands, its feed request answered from the later build.
      const reader = await context.newPage();
      await reader.clock.install();
      await reader.route('**/updates.json', (route) => route.fulfill({ path: `${liveLater}${livePath}updates.json`, contentType: 'application/feed+json' }));
      await reader.goto(liveServer.origin + livePath);
      await reader.locator('#update-summit-0915').evaluate((update) => window.scrollTo(0, update.getBoundingClientRect().top + window.scrollY - 80));
      await reader.clock.runFor(30_000);
      await reader.locator('.live__new').waitFor();
      await reader.evaluate(() => Promise.all([...document.images].map((img) => img.decode().catch(() => undefined))));
      const file = `${out}/live-story-${width}-${scheme}.png`;
      await reader.screenshot({ path: file });
      console.log(file.slice(root.length));
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
  await photoServer.close();
  await newsroomServer.close();
  await mediaServer.close();
  await liveServer.close();
}
