import type { TestProject } from 'vitest/node';
import { buildSite } from '../support/build';
import { ensureChromium } from '../../scripts/lib/browser';
import { serveStatic, type StaticServer } from '../../scripts/lib/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the default build (root base path, TZ=UTC) is served. */
    origin: string;
    /** Its folder on disk. */
    siteDir: string;
    /** The same site built for SITE_URL=https://example.org BASE_PATH=/news (not served). */
    newsDir: string;
  }
}

let server: StaticServer | undefined;

/** Builds the site once for every e2e file and serves it on 127.0.0.1. */
export async function setup(project: TestProject): Promise<void> {
  ensureChromium();
  const siteDir = buildSite({ name: 'e2e-site', env: { TZ: 'UTC' } });
  // Built once here for every file that checks the sub-path deployment.
  project.provide('newsDir', buildSite({ name: 'e2e-news', env: { TZ: 'UTC', SITE_URL: 'https://example.org', BASE_PATH: '/news' } }));
  server = await serveStatic(siteDir);
  project.provide('origin', server.origin);
  project.provide('siteDir', siteDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
}
