/**
 * contentSyncLock (src/integrations/cache-lock.ts), its hooks called as Astro calls them: a build
 * never bundles the picture list another build of the same checkout left in .astro/, and two
 * builds never sync content there at once. (Found in CI: a test build of the newsroom fixtures
 * bundled another corpus's list, written while it was bundling, and stopped on a portrait.)
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import type { AstroIntegration } from 'astro';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_IMPORTS_IN_PROJECT } from '../../src/astro-internals';
import { contentSyncLock } from '../../src/integrations/cache-lock';

type Hooks = Required<AstroIntegration['hooks']>;
interface Build {
  /** Astro's config:setup then config:done, as a build runs them before it syncs content. */
  start: () => Promise<void>;
  /** The Vite hook run when an environment's bundle is written. */
  closeBundle: (environment: string) => void;
  done: () => void;
  said: string[];
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sync-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(command: 'build' | 'dev' = 'build'): Build {
  const { hooks } = contentSyncLock() as { hooks: Hooks };
  const said: string[] = [];
  const logger = { info: (text: string) => said.push(text), warn: (text: string) => said.push(text) };
  let plugin: { closeBundle: (this: { environment: { name: string } }) => void } | undefined;
  return {
    said,
    start: async () => {
      const updateConfig = (update: { vite: { plugins: (typeof plugin)[] } }) => {
        plugin = update.vite.plugins[0];
      };
      await (hooks['astro:config:setup'] as (options: unknown) => unknown)({ command, updateConfig, logger });
      await (hooks['astro:config:done'] as (options: unknown) => unknown)({ config: { root: pathToFileURL(`${root}/`) }, logger });
    },
    closeBundle: (name) => plugin?.closeBundle.call({ environment: { name } }),
    done: () => (hooks['astro:build:done'] as () => void)(),
  };
}

const lockFile = () => join(root, '.astro/broadsheet-sync.lock');
const settled = async (promise: Promise<unknown>) => Promise.race([promise.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 400))]);

describe('the content sync lock', () => {
  it('deletes the picture and module lists another build left in .astro/, so the sync writes its own', async () => {
    mkdirSync(join(root, '.astro'));
    for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), 'export default new Map([["./other.jpg", {}]]);');
    writeFileSync(join(root, '.astro/content.d.ts'), 'kept');
    await build().start();
    for (const name of CONTENT_IMPORTS_IN_PROJECT) expect(existsSync(join(root, name)), name).toBe(false);
    expect(readFileSync(join(root, '.astro/content.d.ts'), 'utf8')).toBe('kept');
  });

  it('holds the lock from before the sync until the prerendered pages are bundled, then lets the next build in', async () => {
    const first = build();
    await first.start();
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    // Written by the first build's sync while the second waits: must survive until the first has bundled.
    for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), 'first');

    // The lock holds this process's id, which is running: a second build must wait.
    const second = build();
    const waiting = second.start();
    expect(await settled(waiting)).toBe(false);
    expect(second.said.join('\n')).toMatch(/waiting for another build of this project \(process \d+\) to finish syncing content/);
    expect(readFileSync(join(root, CONTENT_IMPORTS_IN_PROJECT[0]!), 'utf8')).toBe('first');

    first.closeBundle('client'); // Not the prerender bundle: still held.
    expect(await settled(waiting)).toBe(false);
    first.closeBundle('prerender');
    expect(await settled(waiting)).toBe(true);
    expect(existsSync(join(root, CONTENT_IMPORTS_IN_PROJECT[0]!))).toBe(false);
    second.done();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock whose build is gone', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFile(), gone);
    const next = build();
    expect(await settled(next.start())).toBe(true);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    next.done();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('gives the lock back when the build ends, even if no prerender bundle was written', async () => {
    const only = build();
    await only.start();
    only.done();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('does nothing outside a build (the dev server keeps .astro/ up to date itself)', async () => {
    mkdirSync(join(root, '.astro'));
    writeFileSync(join(root, CONTENT_IMPORTS_IN_PROJECT[0]!), 'dev');
    await build('dev').start();
    expect(existsSync(lockFile())).toBe(false);
    expect(readFileSync(join(root, CONTENT_IMPORTS_IN_PROJECT[0]!), 'utf8')).toBe('dev');
  });
});
