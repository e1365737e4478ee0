import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Whether a process with this id is running (signal 0 tests without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build at a time per cache folder. A build reuses what the last one stored (content store,
 * rendered pages, search shards) and rewrites it as it goes; two at once in one folder could each
 * reuse the other's half-written files. The second build stops with a message instead. The lock
 * is a file holding the build's process id, taken with an exclusive create, and given back when
 * the process exits; a lock whose process has died is taken over.
 */
export function cacheLock(): AstroIntegration {
  return {
    name: 'broadsheet:cache-lock',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        if (command !== 'build') return;
        const dir = fileURLToPath(config.cacheDir).replace(/\/$/, '');
        const file = join(dir, 'broadsheet-build.lock');
        mkdirSync(dir, { recursive: true });
        for (let attempt = 0; ; attempt += 1) {
          try {
            writeFileSync(file, String(process.pid), { flag: 'wx' });
            break;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
            const holder = Number(readFileSync(file, 'utf8'));
            if (Number.isInteger(holder) && holder !== process.pid && running(holder)) {
              console.error(`\nAnother build (process ${holder}) is using the cache folder ${dir}. Wait for it to finish, or give this build a folder of its own with CACHE_DIR.\n`);
              process.exit(1);
            }
            rmSync(file, { force: true });
          }
        }
        process.on('exit', () => {
          try {
            if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
          } catch {
            // Already gone.
          }
        });
      },
    },
  };
}
