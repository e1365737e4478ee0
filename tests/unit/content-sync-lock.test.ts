/**
 * contentSyncLock (src/integrations/cache-lock.ts), its hooks called as Astro calls them: a build
 * never bundles the picture list another build of the same checkout left in .astro/, and two
 * builds never sync content there at once. (Found in CI: a test build of the newsroom fixtures
 * bundled another corpus's list, written while it was bundling, and stopped on a portrait.)
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn, spawnSync } from 'node:child_process';
import type { AstroIntegration } from 'astro';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_IMPORTS_IN_PROJECT } from '../../src/astro-internals';
import { contentSyncLock, removeStaleLock, tryLock, type SyncLockTimings } from '../../src/integrations/cache-lock';

type Hooks = Required<AstroIntegration['hooks']>;
interface Build {
  /** Astro's config:setup then config:done, as a build runs them before it syncs content. */
  start: () => Promise<void>;
  /** The Vite hook run when an environment's bundle is written. */
  closeBundle: (environment: string) => void;
  /** The Vite hook run when an environment's bundle starts. */
  buildStart: (environment: string) => Promise<void>;
  done: () => void;
  said: string[];
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'sync-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function build(command: 'build' | 'dev' = 'build', timings?: SyncLockTimings): Build {
  const { hooks } = contentSyncLock(timings) as { hooks: Hooks };
  const said: string[] = [];
  const logger = { info: (text: string) => said.push(text), warn: (text: string) => said.push(text) };
  let plugin: { closeBundle: (this: { environment: { name: string } }) => void; buildStart: (this: { environment: { name: string } }) => Promise<void> } | undefined;
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
    buildStart: async (name) => plugin?.buildStart.call({ environment: { name } }),
    done: () => (hooks['astro:build:done'] as () => void)(),
  };
}

const lockFile = () => join(root, '.astro/broadsheet-sync.lock');

/** Another build holding the lock, in a process of its own (tests/support/sync-lock-holder.ts). */
async function holder(timings?: SyncLockTimings): Promise<{ pid: number; closeBundle: () => Promise<void>; stop: () => void }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../support/sync-lock-holder.ts'), root, ...(timings ? [String(timings.refresh), String(timings.stale)] : [])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let wake = () => {};
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    lines.push(...chunk.split('\n').filter(Boolean));
    wake();
  });
  const said = (line: string) => new Promise<void>((resolve) => {
    wake = () => lines.includes(line) && resolve();
    wake();
  });
  await said('held');
  return {
    pid: child.pid!,
    closeBundle: async () => {
      child.stdin.write('prerender\n');
      await said('released');
    },
    stop: () => void child.kill(),
  };
}
/** Sets the lock file's modification time `ms` milliseconds back, as if untouched since. */
const age = (ms: number) => {
  const then = new Date(Date.now() - ms);
  utimesSync(lockFile(), then, then);
};
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
    const first = await holder();
    try {
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(first.pid));
      // Written by the first build's sync while the second waits: must survive until the first has bundled.
      for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), 'first');
      const second = build();
      const waiting = second.start();
      expect(await settled(waiting)).toBe(false);
      expect(second.said.join('\n')).toContain(`waiting for another build of this project (process ${first.pid}) to finish syncing content`);
      expect(readFileSync(join(root, CONTENT_IMPORTS_IN_PROJECT[0]!), 'utf8')).toBe('first');
      await first.closeBundle();
      expect(await settled(waiting)).toBe(true);
      expect(existsSync(join(root, CONTENT_IMPORTS_IN_PROJECT[0]!))).toBe(false);
      second.done();
      expect(existsSync(lockFile())).toBe(false);
    } finally {
      first.stop();
    }
  });

  it.each([
    ['puts back the lists that were there (a dev server reads them)', 'export default new Map(); // the dev server\'s'],
    ['removes its lists when there were none', undefined],
  ])('once its pages are bundled, %s', async (_, found) => {
    mkdirSync(join(root, '.astro'));
    if (found !== undefined) for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), found);
    const only = build();
    await only.start();
    for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), "export default new Map([['./this-build.jpg', {}]]);"); // this build's sync
    only.closeBundle('prerender');
    for (const name of CONTENT_IMPORTS_IN_PROJECT) {
      if (found === undefined) expect(existsSync(join(root, name)), name).toBe(false);
      else expect(readFileSync(join(root, name), 'utf8'), name).toBe(found);
    }
  });

  it("bundles the image service with its own lists again, under the lock, and then puts back what was there", async () => {
    mkdirSync(join(root, '.astro'));
    const theirs = "export default new Map([['./gone.jpg', {}]]); // a deleted content folder's";
    for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), theirs);
    const only = build();
    await only.start();
    const mine = "export default new Map([['./this-build.jpg', {}]]);";
    for (const name of CONTENT_IMPORTS_IN_PROJECT) writeFileSync(join(root, name), mine); // this build's sync
    only.closeBundle('prerender');
    expect(existsSync(lockFile())).toBe(false);
    await only.buildStart('astroImageService');
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    for (const name of CONTENT_IMPORTS_IN_PROJECT) expect(readFileSync(join(root, name), 'utf8'), name).toBe(mine);
    only.closeBundle('astroImageService');
    expect(existsSync(lockFile())).toBe(false);
    for (const name of CONTENT_IMPORTS_IN_PROJECT) expect(readFileSync(join(root, name), 'utf8'), name).toBe(theirs);
  });

  it('gives the lock back when the prerender bundle closes, not another, and leaves nothing to do at exit', async () => {
    const listeners = process.listenerCount('exit');
    const only = build();
    await only.start();
    expect(process.listenerCount('exit')).toBe(listeners + 1);
    only.closeBundle('client');
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    only.closeBundle('prerender');
    expect(existsSync(lockFile())).toBe(false);
    // A process that builds again (Astro's own tests do) gathers no exit listeners.
    expect(process.listenerCount('exit')).toBe(listeners);
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

  it('takes over a lock naming its own process (an id reused after a crash) at once', async () => {
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFile(), String(process.pid));
    const next = build();
    expect(await settled(next.start())).toBe(true);
    next.done();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('waits for a lock just made and not yet written, and takes over one left empty', async () => {
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFile(), '');
    const next = build();
    const waiting = next.start();
    expect(await settled(waiting)).toBe(false);
    age(10_000); // A build killed between the create and the write left it.
    expect(await settled(waiting)).toBe(true);
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
    next.done();
  });

  it('takes over a lock untouched for longer than `stale` even if the process it names runs (an id now another program uses)', async () => {
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      mkdirSync(join(root, '.astro'));
      writeFileSync(lockFile(), String(other.pid));
      const next = build('build', { refresh: 50, stale: 1_000 });
      const waiting = next.start();
      expect(await settled(waiting)).toBe(false);
      expect(next.said.join('\n')).toContain(`(process ${other.pid})`);
      age(5_000);
      expect(await settled(waiting)).toBe(true);
      next.done();
    } finally {
      other.kill();
    }
  });

  it('keeps its lock fresh while it holds it, so a waiting build does not take it over', async () => {
    const timings = { refresh: 50, stale: 300 };
    const first = await holder(timings);
    try {
      const second = build('build', timings);
      const waiting = second.start();
      await new Promise((resolve) => setTimeout(resolve, 900)); // three times `stale`
      expect(await settled(waiting)).toBe(false);
      expect(readFileSync(lockFile(), 'utf8')).toBe(String(first.pid));
      await first.closeBundle();
      expect(await settled(waiting)).toBe(true);
      second.done();
    } finally {
      first.stop();
    }
  });
});

describe('removeStaleLock', () => {
  it('removes the lock judged stale', () => {
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFile(), '999999');
    removeStaleLock(lockFile(), { ino: statSync(lockFile()).ino, text: '999999' });
    expect(existsSync(lockFile())).toBe(false);
  });

  it.each([
    ['a new inode', (lock: string) => {
      writeFileSync(`${lock}.new`, '4242');
      renameSync(`${lock}.new`, lock);
    }],
    ['the same inode reused', (lock: string) => {
      rmSync(lock);
      writeFileSync(lock, '4242');
    }],
  ])('leaves a lock another build took since it was judged stale (%s)', (_, retake) => {
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFile(), '999999');
    const seen = { ino: statSync(lockFile()).ino, text: '999999' };
    // Meanwhile another build removed the dead lock and took its own.
    retake(lockFile());
    removeStaleLock(lockFile(), seen);
    expect(readFileSync(lockFile(), 'utf8')).toBe('4242');
    expect(readdirAside()).toEqual([]);
  });
});

const readdirAside = () => readdirSync(join(root, '.astro')).filter((name) => name.includes('.stale'));

describe('tryLock', () => {
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  const gone = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
  afterAll(() => void other.kill());

  it('takes a free lock, writing this process id', () => {
    mkdirSync(join(root, '.astro'));
    expect(tryLock(lockFile(), Infinity)).toBeUndefined();
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(process.pid));
  });

  // [what the lock file holds, its age in ms, the stale time, held?]
  it.each<[string, () => string, number, number, boolean]>([
    ['a running build, just touched', () => String(other.pid), 0, Infinity, true],
    ['a running process, untouched past the stale time', () => String(other.pid), 5_000, 1_000, false],
    ['a running process, with no stale time (the cache lock)', () => String(other.pid), 5_000, Infinity, true],
    ['a process that is gone', () => String(gone), 0, Infinity, false],
    ['this very process (an id reused after a crash)', () => String(process.pid), 0, Infinity, false],
    ['nothing yet (just made)', () => '', 0, Infinity, true],
    ['nothing, for seconds (killed between create and write)', () => '', 5_000, Infinity, false],
    ['0, which names no process (kill(0) would test the process group)', () => '0', 5_000, Infinity, false],
  ])('finds a lock holding %s', (_, text, ms, stale, held) => {
    mkdirSync(join(root, '.astro'));
    writeFileSync(lockFile(), text());
    age(ms);
    const found = tryLock(lockFile(), stale);
    expect(found?.held).toBe(held);
    expect(found?.seen).toEqual({ ino: statSync(lockFile()).ino, text: text() });
  });
});
