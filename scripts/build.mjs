#!/usr/bin/env node
// Atomic build: Astro writes into a working copy beside the output, and only a successful build
// replaces the output with it, so a failed build never leaves a half-written or empty site behind.
//   npm run build                    → dist/, for deployment at SITE_URL and BASE_PATH
//   npm run build -- --local         → dist/, for the local preview (what `npm start` does): links
//                                      point at the preview server unless SITE_URL is set
//   BUILD_OUT=some/dir npm run build → some/dir/ (tests use this)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildOut,
  cacheFolder,
  editorsFolders,
  isInside,
  deploySettings,
  inheritedEnvironment,
  LOCAL_ORIGIN,
  orStop,
} from '../src/env.ts';
import { recordBuild } from '../src/integrations/built-settings.ts';
import { codeDigest } from '../src/integrations/code-digest.ts';
import { SEARCH_FOLDER } from '../src/integrations/search-index.ts';
import {
  mirror,
  besideOutput,
  prune,
  PUBLISHING_MARK,
  readSiteRecord,
  SITE_RECORD,
  startInstant,
  writeSiteRecord,
} from '../src/integrations/working-copy.ts';
import { BUILD_STATE_IN_CACHE, incrementalOutputFiles } from '../src/astro-internals.ts';
import { removeStaleLock, running, tryLock } from '../src/integrations/cache-lock.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = buildOut(root);
// The output folder is replaced whole: it must not hold an editors' folder, or the project itself.
const folders = orStop(() => editorsFolders());
const held = isInside(root, out)
  ? 'the project'
  : folders.filter(([, folder]) => isInside(folder, out)).map(([what, folder]) => `${what} (${folder})`)[0];
if (held) {
  console.error(
    `\nBUILD_OUT: ${out} would hold ${held}, and a build replaces its output folder whole. Expected a folder of its own, like dist.\n`,
  );
  process.exit(1);
}
const local = process.argv.includes('--local');
const astroArgs = process.argv.slice(2).filter((arg) => arg !== '--local');

// Astro reuses the content store and rendered pages while their inputs and the pages' own code
// are unchanged, but cannot see code that runs outside the pages: the Markdown pipeline, the
// content schema and loader, the config. When the build's code (src/integrations/code-digest.ts,
// the one digest every cache is kept under) differs from the last build's, the build starts from
// nothing (--force), so a changed plugin never leaves pages rendered by the old one.
const cache = orStop(() => cacheFolder(root));
const codeFile = join(cache, 'broadsheet-build-code.txt');
const code = codeDigest(root);
const codeChanged = !existsSync(codeFile) || readFileSync(codeFile, 'utf8') !== code;
if (codeChanged && !astroArgs.includes('--force')) astroArgs.push('--force');

// The child's environment: ours, plus the local origin for a local build without a SITE_URL.
const env = inheritedEnvironment();
if (local && orStop(() => deploySettings(env)).sitePlaceholder) env.SITE_URL = LOCAL_ORIGIN;
const settings = orStop(() => deploySettings(env));
if (settings.sitePlaceholder) {
  console.warn(
    `\nSITE_URL is not set: canonical links, feeds and the sitemap will point at ${settings.site}, which does not exist.\n` +
      'Set it to the address the site will be served from before deploying, e.g. SITE_URL=https://news.example.org npm run build\n',
  );
}

// The working copy: beside the output, so the final renames never cross file systems, and always
// the same name: Astro's astro:assets module embeds the output folder, so a new name each time would
// change the code hash of every page that shows a picture, and the incremental build would render
// them all again. Two builds with one cache folder never run at once (src/integrations/cache-lock.ts).
// It is made equal to the site being served (it holds the site before last, or what a failed or
// killed build left), Astro builds over it, what this build did not produce is removed, and it is
// swapped in by renaming: the site being served is never written (src/integrations/working-copy.ts).
const { next, lock, aside, asideOf } = besideOutput(out);
const previous = aside(process.pid);
// pagefind/ is made whole by every build (src/integrations/search-index.ts, which keeps the shards
// that did not change where they are): never mirrored, pruned nor recorded.
const replaced = [SEARCH_FOLDER];
mkdirSync(dirname(out), { recursive: true });

// One build at a time into one output folder, whatever its cache folder: two would share the
// working copy. Taken before the working copy is touched; a lock whose build is gone is taken over.
for (let found = tryLock(lock, Infinity); found; found = tryLock(lock, Infinity)) {
  if (found.held) {
    console.error(
      `\nAnother build (process ${found.holder}) is building into ${out}. Wait for it to finish, or give this build another BUILD_OUT.\n`,
    );
    process.exit(1);
  }
  removeStaleLock(lock, found.seen);
}
process.on('exit', () => {
  if (existsSync(lock) && readFileSync(lock, 'utf8') === String(process.pid)) rmSync(lock);
});

// A build killed between its two renames left the last site aside, and no site: it is put back.
for (const name of readdirSync(dirname(out))) {
  const pid = asideOf(name);
  if (pid === undefined || running(pid)) continue;
  if (existsSync(out)) rmSync(aside(pid), { recursive: true, force: true });
  else renameSync(aside(pid), out);
}

// Astro writes its manifest of reusable pages at the end of its render, while this script swaps
// the new site in later; a build stopped in between (killed, or failing in a later hook) leaves a
// manifest newer than the site being served, and the next build, building over a copy of that
// site, would reuse pages the manifest says are current. The mark, made before Astro starts and
// removed once the site is swapped in, finds that build: the next one renders every page again.
const publishing = join(cache, PUBLISHING_MARK);
const manifest = join(cache, BUILD_STATE_IN_CACHE[0]);
if (
  existsSync(publishing) &&
  existsSync(manifest) &&
  statSync(manifest).mtimeMs >= statSync(publishing).mtimeMs &&
  !astroArgs.includes('--force')
) {
  console.warn(`The last build into ${out} stopped before its site was swapped in: this build renders every page again.`);
  astroArgs.push('--force');
}

const started = performance.now();
// Only what the last build left in the site is taken from it (a file edited there by hand is made again).
const recordFile = join(cache, SITE_RECORD);
const mirrored = mirror(out, next, { replaced, trusted: readSiteRecord(recordFile, out) ?? new Map() });
const since = startInstant(next);
const seconds = (from) => `${((performance.now() - from) / 1000).toFixed(1)} s`;
console.log(`working copy: ${mirrored.copied} files copied from ${out}, ${mirrored.removed} removed, in ${seconds(started)}`);
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
mkdirSync(cache, { recursive: true });
writeFileSync(publishing, out);
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', next, ...astroArgs], {
  cwd: root,
  stdio: 'inherit',
  env,
});
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`\nThe build failed; ${out} is left as it was.`);
  process.exit(result.status ?? 1);
}
const pruning = performance.now();
const { removed: pruned, record } = prune(next, since, incrementalOutputFiles(cache), { replaced });
writeSiteRecord(recordFile, out, record);
if (existsSync(out)) renameSync(out, previous);
renameSync(next, out);
// The site just replaced is the next build's working copy.
if (existsSync(previous)) renameSync(previous, next);
recordBuild(cache, out, settings);
writeFileSync(codeFile, code);
rmSync(publishing);
console.log(`working copy: ${pruned} files this build did not produce removed, in ${seconds(pruning)}`);
console.log(`Built into ${out} for ${settings.site}${settings.base}`);
