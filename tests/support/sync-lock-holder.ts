/**
 * A build's content sync lock, held in a process of its own (tests/unit/content-sync-lock.test.ts):
 * `node sync-lock-holder.ts <project root> [refresh ms] [stale ms]` runs contentSyncLock's hooks
 * as Astro does before a sync, prints "held" once it holds the lock, and on a line "prerender"
 * on stdin closes the prerender bundle (the lock is given back) and prints "released".
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { contentSyncLock } from '../../src/integrations/cache-lock.ts';

const [root = '', refresh, stale] = process.argv.slice(2);
const { hooks } = contentSyncLock(refresh && stale ? { refresh: Number(refresh), stale: Number(stale) } : undefined);
const logger = { info: () => undefined, warn: () => undefined };
let plugin: { closeBundle: (this: { environment: { name: string } }) => void } | undefined;
const updateConfig = (update: { vite: { plugins: (typeof plugin)[] } }) => {
  plugin = update.vite.plugins[0];
};
await (hooks['astro:config:setup'] as (options: unknown) => unknown)({ command: 'build', updateConfig, logger });
await (hooks['astro:config:done'] as (options: unknown) => unknown)({ config: { root: pathToFileURL(`${root}/`) }, logger });
process.stdout.write('held\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line !== 'prerender') continue;
  plugin?.closeBundle.call({ environment: { name: 'prerender' } });
  process.stdout.write('released\n');
}
