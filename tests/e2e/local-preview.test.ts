import { PAGE_LOG_ENTRY, pageLog } from '../../src/astro-internals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCAL_ORIGIN, PLACEHOLDER_SITE } from '../../src/env';
import { cleanEnv, npmBuild } from '../support/build';
import { ROOT, TMP } from '../support/paths';

/** The script `npm run preview` runs (held to package.json below). */
const PREVIEW = 'scripts/preview.ts';

/** The seed article's headline: typographic quotes, which a feed read as US-ASCII would mangle. */
const HEADLINE = 'NATO Chief: West Should ‘Impose a Cost’ on China for Supporting Russia';

/** A port nothing listens on right now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment `npm run preview` gets in these tests: the runner's, without SITE_URL and BASE_PATH, plus `env`. */
function previewEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base = cleanEnv();
  delete base['BASE_PATH'];
  delete base['SITE_URL'];
  delete base['BUILD_OUT'];
  return { ...base, ...env };
}

const previews: ChildProcess[] = [];
afterAll(() => {
  for (const preview of previews) preview.kill();
});

/** Starts `npm run preview`'s script with `env` (BUILD_OUT: the folder) on a free port; resolves once it serves. */
async function startPreview(env: Record<string, string>): Promise<{ origin: string; output: () => string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, PREVIEW), '--port', String(port)], { cwd: ROOT, env: previewEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  previews.push(child);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Serving ')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the preview stopped with ${code}:\n${output}`));
    });
  });
  return { origin: `http://127.0.0.1:${port}`, output: () => output };
}

it('npm run preview runs the script tested here', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  expect(pkg.scripts['preview']).toBe(`npm run -s guard && node ${PREVIEW}`);
  expect(pkg.scripts['start']).toBe('npm run -s build -- --local && npm run -s preview');
});

describe('a /news build by npm run build', () => {
  const dir = join(TMP, 'travel');
  const out = join(dir, 'dist');
  // A cache of its own: every page is rendered, none copied from an earlier build.
  const cache = join(dir, 'cache');
  let built: { status: number | null; output: string };

  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    built = npmBuild({ BUILD_OUT: out, CACHE_DIR: cache, SITE_URL: 'https://example.org', BASE_PATH: '/news' });
  });

  it('is served under /news/ although the preview is started without BASE_PATH', async () => {
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toContain('SITE_URL is not set');
    const { origin, output } = await startPreview({ BUILD_OUT: out, CACHE_DIR: cache });
    expect(output()).toContain(`Serving ${out} as a static host would, at ${origin}/news/`);
    expect(output()).not.toContain('No record');

    const home = await fetch(`${origin}/news/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
    expect(stylesheet).toMatch(/^\/news\/_astro\//);
    expect((await fetch(`${origin}${stylesheet}`)).status).toBe(200);
    const article = await fetch(`${origin}/news/articles/nato-chief-west-should-impose-a-cost-on-china/`);
    expect(article.status).toBe(200);
    // Nothing of the site is served outside the folder it was built for.
    expect((await fetch(`${origin}/articles/nato-chief-west-should-impose-a-cost-on-china/`)).status).toBe(404);
  });

  it('logs each page on a line of its own, with its own time, though four render at once', () => {
    expect(built.status, built.output).toBe(0);
    const pageLines = built.output.split('\n').filter((line) => line.includes(PAGE_LOG_ENTRY));
    // The seed site has more than twenty pages and feeds, all rendered (a cache of their own).
    expect(pageLines.length).toBeGreaterThan(20);
    // One entry a line: the clock, the entry and its path, then its own render time, nothing after.
    for (const line of pageLines) {
      expect(line.split(PAGE_LOG_ENTRY)).toHaveLength(2);
      expect(line).toMatch(/^\d\d:\d\d:\d\d {3}\S+ \/\S+ \(\+\d+(\.\d+)?m?s\) ?$/);
    }
    const paths = pageLog(built.output).map((entry) => entry.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(expect.arrayContaining(['/index.html', '/rss.xml', '/404.html', '/articles/nato-chief-west-should-impose-a-cost-on-china/index.html']));
  });
});

describe.each([
  { name: 'the root build', mount: '/', dir: () => inject('siteDir'), env: {} },
  // Built with `astro build`, so no record of its base path: BASE_PATH says it.
  { name: 'the /news build', mount: '/news/', dir: () => inject('newsDir'), env: { BASE_PATH: '/news' } },
])('npm run preview serves $name as a static host does', ({ mount, dir, env }) => {
  let origin = '';
  beforeAll(async () => {
    ({ origin } = await startPreview({ BUILD_OUT: dir(), ...env }));
  });

  // What the build's _headers file says: feeds and sitemaps in UTF-8, never a bare text/xml.
  it.each([
    ['rss.xml', 'application/rss+xml; charset=utf-8'],
    ['atom.xml', 'application/atom+xml; charset=utf-8'],
    ['feed.json', 'application/feed+json; charset=utf-8'],
    ['tags/nato/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['sections/asia/rss.xml', 'application/rss+xml; charset=utf-8'],
    ['sitemap-index.xml', 'application/xml; charset=utf-8'],
    ['sitemap-0.xml', 'application/xml; charset=utf-8'],
    ['', 'text/html;charset=utf-8'],
  ])('/%s as %s', async (path, type) => {
    const response = await fetch(`${origin}${mount}${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it.each(['rss.xml', 'atom.xml'])('gives a feed reader %s with its typographic quotes', async (feed) => {
    // rss-parser decodes what it fetches in the charset the Content-Type names.
    const parsed = await new Parser().parseURL(`${origin}${mount}${feed}`);
    expect(parsed.items.map((item) => item.title)).toContain(HEADLINE);
  });

  it('gives the JSON Feed with its typographic quotes', async () => {
    const feed = (await (await fetch(`${origin}${mount}feed.json`)).json()) as { items: { title: string }[] };
    expect(feed.items.map((item) => item.title)).toContain(HEADLINE);
  });

  it('refuses an address with a broken %-escape, and keeps serving', async () => {
    expect((await fetch(`${origin}${mount}%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${origin}${mount}`)).status).toBe(200);
  });

  it.each(['no/such/page/', 'articles/no-such-article/', 'rss.xml/extra'])('answers %s with the site’s 404 page', async (path) => {
    const response = await fetch(`${origin}${mount}${path}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(dir(), '404.html')))).toBe(true);
  });
});

describe('npm run preview of the /news build outside /news/', () => {
  let origin = '';
  beforeAll(async () => {
    ({ origin } = await startPreview({ BUILD_OUT: inject('newsDir'), BASE_PATH: '/news' }));
  });

  it.each(['/', '/articles/nato-chief-west-should-impose-a-cost-on-china/', '/newsroom/'])('answers %s with the site’s 404 page, not the server’s', async (path) => {
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).toBe(readFileSync(join(inject('newsDir'), '404.html'), 'utf8'));
    expect(body).toContain('<title>Page not found | Broadsheet</title>');
  });

  it.each([
    ['/news', '/news/'],
    ['/news?from=newsletter', '/news/?from=newsletter'],
  ])('redirects %s to the folder, %s, as hosts do', async (path, location) => {
    const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(location);
    expect((await fetch(`${origin}${path}`)).status).toBe(200);
  });
});

describe('npm run preview says what is wrong', () => {
  it('when the folder holds no build', () => {
    const empty = join(TMP, 'preview-empty');
    rmSync(empty, { recursive: true, force: true });
    mkdirSync(empty, { recursive: true });
    const result = spawnSync(process.execPath, [join(ROOT, PREVIEW)], { cwd: ROOT, env: previewEnv({ BUILD_OUT: empty }), encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${empty} holds no built site. Build it first: npm run build (or npm start, which builds and previews).`);
  });

  it('when --port is not a port', () => {
    const result = spawnSync(process.execPath, [join(ROOT, PREVIEW), '--port', 'http'], { cwd: ROOT, env: previewEnv({ BUILD_OUT: inject('siteDir') }), encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--port: expected a port number like 4321, found "http"');
  });

  it('when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const result = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, PREVIEW), '--port', String(port)], { cwd: ROOT, env: previewEnv({ BUILD_OUT: inject('siteDir') }) });
        previews.push(child);
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', (status) => resolve({ status, stderr }));
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is taken (another preview, or \`npm run dev\`?). Stop it, or choose another: npm run preview -- --port ${port + 1}`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe('npm start’s build', () => {
  it('is built for where it is served when SITE_URL is unset', () => {
    const local = join(TMP, 'travel-local');
    rmSync(local, { recursive: true, force: true });
    const built = npmBuild({ BUILD_OUT: join(local, 'dist'), CACHE_DIR: join(local, 'cache') }, ['--local']);
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toContain('SITE_URL is not set');
    const home = readFileSync(join(local, 'dist', 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${LOCAL_ORIGIN}/">`);
    expect(readFileSync(join(local, 'dist', 'rss.xml'), 'utf8')).toContain(`<atom:link href="${LOCAL_ORIGIN}/rss.xml"`);
    expect(readFileSync(join(local, 'dist', 'feeds/index.html'), 'utf8')).toContain(`<code class="feed-address__url">${LOCAL_ORIGIN}/atom.xml</code>`);
    expect(home).not.toContain(PLACEHOLDER_SITE);
  });

  it('says plainly when a build for deployment has no SITE_URL', () => {
    const placeholder = join(TMP, 'travel-placeholder');
    rmSync(placeholder, { recursive: true, force: true });
    const built = npmBuild({ BUILD_OUT: join(placeholder, 'dist'), CACHE_DIR: join(placeholder, 'cache') });
    expect(built.status).toBe(0);
    expect(built.output).toContain(`SITE_URL is not set: canonical links, feeds and the sitemap will point at ${PLACEHOLDER_SITE}, which does not exist.`);
  });
});
