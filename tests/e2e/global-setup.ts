import { rmdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { SHARED, sharedBuild } from '../support/build';
import { TMP } from '../support/paths';
import type { BrowserServer } from 'playwright';
import { ensureChromium, launchBrowserServer } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the default build (root base path, TZ=UTC) is served. */
    origin: string;
    /** Its folder on disk. */
    siteDir: string;
    /** The same site built for SITE_URL=https://example.org BASE_PATH=/news (not served). */
    newsDir: string;
    /** Where the run's one Chromium takes connections (tests/support/browser.ts `testBrowser`). */
    browserEndpoint: string;
  }
}

/** The seed site's two builds, shared with any file that asks sharedBuild for the same settings. */
const SEED_SITE = { TZ: 'UTC' };
const SEED_NEWS = { TZ: 'UTC', SITE_URL: 'https://example.org', BASE_PATH: '/news' };

let server: StaticServer | undefined;
let browser: BrowserServer | undefined;

/** Builds the site once for every e2e file and serves it on 127.0.0.1. */
export async function setup(project: TestProject): Promise<void> {
  ensureChromium();
  browser = await launchBrowserServer();
  project.provide('browserEndpoint', browser.wsEndpoint());
  // Shared builds last one run: code may have changed since the last.
  rmSync(SHARED, { recursive: true, force: true });
  // The two side by side. The sub-path deployment's is built once here for every file that checks it.
  const [siteDir, newsDir] = await Promise.all([sharedBuild(SEED_SITE), sharedBuild(SEED_NEWS)]);
  project.provide('newsDir', newsDir);
  server = await serveStatic(siteDir);
  project.provide('origin', server.origin);
  project.provide('siteDir', siteDir);
}

/**
 * Removes everything the run wrote under .tmp/tests/ (builds, caches, corpora: some hundred
 * megabytes). KEEP_TEST_BUILDS=1 keeps them, to look into a failing build.
 */
export async function teardown(): Promise<void> {
  await server?.close();
  await browser?.close();
  if (process.env['KEEP_TEST_BUILDS'] === '1') return;
  rmSync(TMP, { recursive: true, force: true });
  // .tmp/ too, when nothing else is in it.
  try {
    rmdirSync(dirname(TMP));
  } catch {
    // Not empty, or already gone.
  }
}
