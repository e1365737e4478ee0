import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_ORIGIN, PLACEHOLDER_SITE } from '../../src/env';
import { cleanEnv, npmBuild } from '../support/build';
import { ROOT, TMP } from '../support/paths';

/** A port nothing listens on right now, on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Fetches until the server answers (or 30 s pass). */
async function whenUp(url: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const previews: ChildProcess[] = [];
afterAll(() => {
  for (const preview of previews) preview.kill();
});

describe('settings travel with the build', () => {
  const out = join(TMP, 'travel', 'dist');

  it('serves a /news build under /news/ although the preview is started without BASE_PATH', async () => {
    rmSync(join(TMP, 'travel'), { recursive: true, force: true });
    // The build records its settings in its cache folder, where the preview reads them: one
    // folder for both, the tests' own, as a developer's shell gives both the same CACHE_DIR.
    const cache = join(TMP, 'travel', 'cache');
    const built = npmBuild({ BUILD_OUT: out, CACHE_DIR: cache, SITE_URL: 'https://example.org', BASE_PATH: '/news' });
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toContain('SITE_URL is not set');

    const port = await freePort();
    const env = cleanEnv();
    delete env['BASE_PATH'];
    delete env['SITE_URL'];
    const preview = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'preview', '--outDir', out, '--port', String(port)], {
      cwd: ROOT,
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', CACHE_DIR: cache },
      stdio: 'ignore',
    });
    previews.push(preview);
    const origin = `http://127.0.0.1:${port}`;
    await whenUp(origin);

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

  it('builds `npm start`’s site for where it is served when SITE_URL is unset', () => {
    const local = join(TMP, 'travel', 'local');
    const built = npmBuild({ BUILD_OUT: local }, ['--local']);
    expect(built.status, built.output).toBe(0);
    expect(built.output).not.toContain('SITE_URL is not set');
    const home = readFileSync(join(local, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${LOCAL_ORIGIN}/">`);
    expect(readFileSync(join(local, 'rss.xml'), 'utf8')).toContain(`<atom:link href="${LOCAL_ORIGIN}/rss.xml"`);
    expect(readFileSync(join(local, 'feeds/index.html'), 'utf8')).toContain(`<code class="feed-address__url">${LOCAL_ORIGIN}/atom.xml</code>`);
    expect(home).not.toContain(PLACEHOLDER_SITE);
  });

  it('says plainly when a build for deployment has no SITE_URL', () => {
    const built = npmBuild({ BUILD_OUT: join(TMP, 'travel', 'placeholder') });
    expect(built.status, built.output).toBe(0);
    expect(built.output).toContain(`SITE_URL is not set: canonical links, feeds and the sitemap will point at ${PLACEHOLDER_SITE}, which does not exist.`);
  });
});
