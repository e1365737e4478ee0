import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_STATE_IN_CACHE, CONTENT_IMPORTS_IN_PROJECT, IMAGE_SERVICE_ENVIRONMENT, PRERENDER_ENVIRONMENT } from '../astro-internals.ts';
import { isInside } from '../env.ts';

/** Whether a process with this id is running (signal 0 tests without sending anything). */
export function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// A lock file found empty or garbled is taken over once this old: an exclusive create and the
// write of the id are one call, so only a build killed between the two leaves one.
const UNWRITTEN_MS = 2_000;

/** A lock file as a build found it: its inode and what it held. */
export interface SeenLock {
  ino: number;
  text: string;
}

/**
 * Removes the lock file at `lock` if it is still the one judged stale (`seen`), and nothing
 * else: it is renamed aside first (atomic), and a lock another build took in the meantime (another
 * inode, or another id: a freed inode can be reused at once) is put back with a hard link, which
 * fails if a third build has taken one since. Two builds that both judged the same lock stale so
 * never remove each other's fresh one.
 */
export function removeStaleLock(lock: string, seen: SeenLock): void {
  const aside = `${lock}.${process.pid}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // Another build moved it first.
  }
  try {
    if (statSync(aside).ino !== seen.ino || readFileSync(aside, 'utf8') !== seen.text) linkSync(aside, lock);
  } catch {
    // A lock taken since stays; the one moved aside is dropped.
  } finally {
    rmSync(aside, { force: true });
  }
}

/** A lock file another process made, as tryLock found it. */
export interface FoundLock {
  seen: SeenLock;
  /** The process id it holds; undefined when it holds none (empty or garbled). */
  holder: number | undefined;
  /**
   * Whether it still counts as held: it names a running process other than this one and was
   * touched within the stale time, or it is empty but younger than UNWRITTEN_MS (just made).
   * Otherwise its holder died, its id is this process's again (reused after a crash) or another
   * program's, and it may be taken over (removeStaleLock).
   */
  held: boolean;
}

/**
 * Takes the lock file `lock` for this process (its id, written with an exclusive create) and
 * returns undefined, or returns the lock another process made (FoundLock), judged with `staleMs`
 * (how long a lock untouched still counts as held; Infinity for a holder that never touches it).
 * Throws what the file system throws other than "exists".
 */
export function tryLock(lock: string, staleMs: number): FoundLock | undefined {
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      const { ino, mtimeMs } = statSync(lock);
      const text = readFileSync(lock, 'utf8');
      const age = Date.now() - mtimeMs;
      const holder = /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
      const held = holder === undefined ? age < UNWRITTEN_MS : holder !== process.pid && running(holder) && age < staleMs;
      return { seen: { ino, text }, holder, held };
    } catch {
      // Released in between: try again.
    }
  }
}

/** Removes the lock file `lock` if this process holds it; another's is left alone. */
function unlock(lock: string): void {
  try {
    if (readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock, { force: true });
  } catch {
    // Already gone.
  }
}

/**
 * One build at a time per cache folder, and no build from a cache another left half-written. A
 * build reuses what the last one stored (content store, rendered pages, search shards) and
 * rewrites it as it goes: two at once in one folder could each reuse the other's half-written
 * files, so the second stops with a message. The lock is a file holding the build's process id
 * (tryLock). A build that fails or is killed once it has started writing leaves its lock behind;
 * the next build finds its process gone, drops the cache's pages and content store, and starts
 * afresh.
 */
export function cacheLock(): AstroIntegration {
  // Set once the checks before the build have passed: from then on the build writes the cache.
  let writing = false;
  return {
    name: 'broadsheet:cache-lock',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        const dir = fileURLToPath(config.cacheDir).replace(/\/$/, '');
        const out = fileURLToPath(config.outDir).replace(/\/$/, '');
        if (isInside(dir, out) || isInside(out, dir)) {
          console.error(`\nCACHE_DIR: ${dir} and the build's output folder (${out}) would share a folder: the build empties its output, and the cache would be published. Expected a folder of its own.\n`);
          process.exit(1);
        }
        if (existsSync(dir) && !statSync(dir).isDirectory()) {
          console.error(`\nCACHE_DIR: ${dir} is a file. Expected a folder (it is made when missing).\n`);
          process.exit(1);
        }
        const file = join(dir, 'broadsheet-build.lock');
        mkdirSync(dir, { recursive: true });
        for (let found = tryLock(file, Infinity); found; found = tryLock(file, Infinity)) {
          if (found.held) {
            console.error(`\nAnother build${found.holder === undefined ? '' : ` (process ${found.holder})`} is using the cache folder ${dir}. Wait for it to finish, or give this build a folder of its own with CACHE_DIR.\n`);
            process.exit(1);
          }
          logger.warn(`the last build using ${dir} did not finish: its rendered pages and content store are dropped, and this build renders every page again`);
          // What a build that stopped half-way may have left inconsistent: Astro's page copies,
          // their keys and its content store. Search shards are written whole and renamed into
          // place, so they stay.
          for (const name of BUILD_STATE_IN_CACHE) rmSync(join(dir, name), { recursive: true, force: true });
          removeStaleLock(file, found.seen);
        }
        // Only a build that exits 0 gives the lock back once it has started writing; one that
        // stopped earlier (a content problem found by the check) left the cache as it was.
        process.on('exit', (code) => {
          if (!writing || code === 0) unlock(file);
        });
      },
      // After every integration's setup, the content check's included; Astro syncs content next.
      'astro:config:done': () => {
        writing = true;
      },
    },
  };
}

/** The lock file a build holds in the project's .astro/ folder while it syncs and bundles content. */
const SYNC_LOCK = '.astro/broadsheet-sync.lock';

/** Timings of the content sync lock, in milliseconds (tests shorten them). */
export interface SyncLockTimings {
  /** How often the holder touches the lock file. */
  refresh: number;
  /**
   * How long a lock file untouched counts as held: older, it is taken over even when the process
   * it names runs, as that process is not a build holding it (its id was reused by another
   * program after the build died) or has hung.
   */
  stale: number;
}

const SYNC_LOCK_TIMINGS: SyncLockTimings = { refresh: 5_000, stale: 60_000 };

/**
 * One content sync at a time per checkout, and every build bundles its own content's pictures.
 * Astro writes the list of pictures content entries use into the project's .astro/ folder, not
 * the cache folder (CONTENT_IMPORTS_IN_PROJECT): two builds of one checkout with different cache
 * folders (a test run beside `npm run build`, two content folders) would overwrite each other's,
 * and a warm build would bundle what another left, failing on a picture it cannot find. So from
 * just before Astro syncs content until the pages' bundle is written, a build holds a lock file
 * there, and it deletes those files first so the sync writes its own; it puts back what was
 * there when it gives the lock back (a dev server's lists). Rendering the pages, the long part of a
 * large build, runs unlocked. The image service's bundle, made after the pages are rendered
 * (IMAGE_SERVICE_ENVIRONMENT), reads the lists too: a build holds the lock again for it, with its
 * own lists written back, so it never bundles another build's, whose pictures may be gone (a
 * deleted content folder's), which failed every build after it.
 *
 * The lock file holds the build's process id (tryLock) and is touched every `timings.refresh` ms
 * while held. A build waits while another running build holds it, and takes it over
 * (removeStaleLock) when its holder is gone, when it names this very process (an id reused after a
 * crash), when it was left empty, or when it has not been touched for `timings.stale` ms.
 */
export function contentSyncLock(timings: SyncLockTimings = SYNC_LOCK_TIMINGS): AstroIntegration {
  let file: string | undefined;
  let root = '';
  let refresh: NodeJS.Timeout | undefined;
  // The lists as they were before this build wrote its own (undefined: none), by path: put back
  // when the lock is given back, so a dev server of the same checkout, which rewrites them only
  // when its own pictures change, keeps reading its own.
  let before = new Map<string, string | undefined>();
  // This build's own lists, as its sync wrote them: written back for the image service's bundle.
  let own = new Map<string, string | undefined>();
  const release = () => {
    clearInterval(refresh);
    // Once given back, nothing is left to do at exit (a process that builds again adds it again).
    process.off('exit', release);
    if (!file) return;
    for (const [path, text] of before) {
      if (text === undefined) rmSync(path, { force: true });
      else writeFileSync(path, text);
    }
    before = new Map();
    unlock(file);
    file = undefined;
  };
  /** Takes the lock (waiting for another build to give it back) and writes `lists` in place of what is there (a missing entry: deleted). */
  const hold = async (lists: ReadonlyMap<string, string | undefined>, logger: { info(message: string): void } | undefined) => {
    const lock = join(root, SYNC_LOCK);
    mkdirSync(join(lock, '..'), { recursive: true });
    let told = false;
    for (let found = tryLock(lock, timings.stale); found; found = tryLock(lock, timings.stale)) {
      if (!found.held) {
        removeStaleLock(lock, found.seen);
        continue;
      }
      if (!told && found.holder !== undefined) logger?.info(`waiting for another build of this project (process ${found.holder}) to finish syncing content`);
      told ||= found.holder !== undefined;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    file = lock;
    refresh = setInterval(() => {
      try {
        const now = new Date();
        utimesSync(lock, now, now);
      } catch {
        // Taken over: release() leaves another's lock alone.
      }
    }, timings.refresh).unref();
    process.on('exit', release);
    for (const name of CONTENT_IMPORTS_IN_PROJECT) {
      const path = join(root, name);
      before.set(path, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
      const text = lists.get(path);
      if (text === undefined) rmSync(path, { force: true });
      else writeFileSync(path, text);
    }
  };
  let building = false;
  return {
    name: 'broadsheet:content-sync-lock',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        building = command === 'build';
        if (!building) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'broadsheet:content-sync-unlock',
                async buildStart() {
                  if (this.environment.name === IMAGE_SERVICE_ENVIRONMENT && !file) await hold(own, undefined);
                },
                closeBundle() {
                  if (this.environment.name === PRERENDER_ENVIRONMENT) {
                    own = new Map(CONTENT_IMPORTS_IN_PROJECT.map((name) => join(root, name)).map((path) => [path, existsSync(path) ? readFileSync(path, 'utf8') : undefined]));
                    release();
                  }
                  if (this.environment.name === IMAGE_SERVICE_ENVIRONMENT) release();
                },
              },
            ],
          },
        });
      },
      // Runs after every integration's setup and right before Astro syncs content: the sync writes
      // this build's lists where they were deleted.
      'astro:config:done': async ({ config, logger }) => {
        if (!building) return;
        root = fileURLToPath(config.root);
        await hold(new Map(), logger);
      },
      'astro:build:done': release,
    },
  };
}
