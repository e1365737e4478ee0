import { running } from '../../src/integrations/cache-lock';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT, TMP } from './paths';

export interface BuildOptions {
  /** Folder under .tmp/tests/ to write the site to. */
  name: string;
  /**
   * The build's environment. Without CACHE_DIR, the build gets a cache folder of its own,
   * .tmp/tests/caches/<name>: a test build never uses (or waits for the lock of) the developer's
   * cache, and `npm run build` never waits for a test.
   */
  env?: Record<string, string>;
  /** Reuse what the last build left in the cache (Astro's incremental build); by default every build starts afresh. */
  warm?: boolean;
  /**
   * Build as `npm run build` does (scripts/build.mjs: over the working copy beside the output,
   * swapped in when done), keeping the last site in .tmp/tests/<name> to build over; by default
   * `astro build` into an emptied folder.
   */
  inPlace?: boolean;
}

/** Where test builds keep their caches when the test names none. */
const CACHES = join(TMP, 'caches');

/**
 * Builds the site with Astro's CLI in a child process (its own time zone, environment and
 * content folder), into .tmp/tests/<name>. `--force` (unless `warm`) drops the caches so every build
 * parses and renders the content afresh. Throws with Astro's output when the build fails.
 */
export function buildSite(options: BuildOptions): string {
  return built(options, tryBuild(options));
}

/** buildSite without blocking the test file, so that two builds can run side by side. */
export async function buildSiteAsync(options: BuildOptions): Promise<string> {
  return built(options, await tryBuildAsync(options));
}

/** The output folder of a build that succeeded; throws with Astro's output for one that failed. */
function built({ name }: BuildOptions, { outDir, status, output }: BuildResult): string {
  if (status !== 0) throw new Error(`astro build (${name}) failed with ${status}:\n${output}`);
  return outDir;
}

// Vitest mirrors import.meta.env into process.env (BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV=test):
// a child build would inherit them and Vite would take BASE_URL=/ over the configured base.
const VITEST_ENV = [
  'BASE_URL',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'NODE_ENV',
  'TEST',
  'VITEST',
  'VITEST_MODE',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
];
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of VITEST_ENV) delete env[key];
  return env;
}

/** What tryBuild reports: the output folder, Astro's exit status, and what it printed. */
export interface BuildResult {
  outDir: string;
  status: number | null;
  output: string;
}

/** The `astro build` (or `npm run build` script) command for `options`, run with Node from the project's root. */
export function buildCommand({ name, env = {}, warm = false, inPlace = false }: BuildOptions): {
  outDir: string;
  args: string[];
  env: NodeJS.ProcessEnv;
} {
  const outDir = join(TMP, name);
  if (!inPlace) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const force = warm ? [] : ['--force'];
  return {
    outDir,
    args: inPlace
      ? [join(ROOT, 'scripts/build.mjs'), ...force]
      : [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...force, '--outDir', outDir],
    env: {
      ...cleanEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      CACHE_DIR: join(CACHES, name),
      ...(inPlace && { BUILD_OUT: outDir }),
      ...env,
    },
  };
}

// Colour codes (forced on in CI) would split the messages tests look for.
const printed = (stdout: string, stderr: string) => stripVTControlCharacters(`${stdout}\n${stderr}`);

/** Like buildSite, but reports failure instead of throwing: for tests of what a bad build says. */
export function tryBuild(options: BuildOptions): BuildResult {
  const { outDir, args, env } = buildCommand(options);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  return { outDir, status: result.status, output: printed(result.stdout, result.stderr) };
}

/**
 * tryBuild without blocking the test file: two builds a test compares (a warm one and a cold
 * one) run side by side, each on a core of its own.
 */
export function tryBuildAsync(options: BuildOptions): Promise<BuildResult> {
  const { outDir, args, env } = buildCommand(options);
  const child = spawn(process.execPath, args, { cwd: ROOT, env });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ outDir, status, output: printed(stdout, stderr) }));
  });
}

/**
 * `npm run build`'s script (scripts/build.mjs) with `args`, its output redirected with BUILD_OUT
 * in `env`. SITE_URL and BASE_PATH come only from `env`, never from the test runner's shell.
 * Without CACHE_DIR, builds to one BUILD_OUT share a cache folder of their own under
 * .tmp/tests/caches/, as `npm run build` run twice shares the developer's.
 */
export function npmBuild(env: Record<string, string>, args: string[] = []): { status: number | null; output: string } {
  const base = cleanEnv();
  delete base['SITE_URL'];
  delete base['BASE_PATH'];
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...args], {
    cwd: ROOT,
    env: {
      ...base,
      ASTRO_TELEMETRY_DISABLED: '1',
      CACHE_DIR: join(CACHES, `npm-${digest(env['BUILD_OUT'] ?? 'dist').slice(0, 12)}`),
      ...env,
    },
    encoding: 'utf8',
  });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/** Every file under a folder whose name ends with `suffix`, as paths relative to it, sorted. */
export function listFiles(dir: string, suffix = ''): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file under a folder, as relative path → contents. */
export function readTree(dir: string): Map<string, Buffer> {
  return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path))]));
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** A digest of every file under `dir` (names and bytes), or of nothing when there is no such folder. */
function treeDigest(dir: string | undefined): string {
  if (!dir || !existsSync(dir)) return '';
  const hash = createHash('sha256');
  for (const path of listFiles(dir))
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(dir, path)))
      .update('\0');
  return hash.digest('hex');
}

/** Where shared builds live; tests/e2e/global-setup.ts empties it at the start of every run. */
export const SHARED = join(TMP, 'shared');

/**
 * Runs `work` holding a lock folder (mkdir is atomic): two test files that ask for the same
 * shared build at once, in two Vitest workers, build it once. A lock whose holder has died is
 * taken over.
 */
async function withLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // Just made, its pid not yet written: wait.
      }
      if (Number.isInteger(holder) && !running(holder)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * A cold build of the site for `env`, made once per test run and shared by every test file that
 * asks for the same one: the first call builds it, later calls (from any file: Vitest gives each
 * file its own module and may run two files at once, so the memo is on disk, under a lock) return
 * the same folder. The key is `env` and the bytes of its CONTENT_DIR, AUTHORS_DIR and PAGES_DIR, so two
 * files that write different corpora to one path get different builds. Callers must treat the
 * folder as read-only.
 */
export async function sharedBuild(env: Record<string, string>): Promise<string> {
  const settings = JSON.stringify(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  const key = digest([settings, treeDigest(env['CONTENT_DIR']), treeDigest(env['AUTHORS_DIR']), treeDigest(env['PAGES_DIR'])].join('\n')).slice(0, 16);
  const done = join(SHARED, `${key}.done`);
  const outDir = join(SHARED, key);
  mkdirSync(SHARED, { recursive: true });
  return withLock(join(SHARED, `${key}.lock`), async () => {
    if (existsSync(done)) return outDir;
    await buildSiteAsync({ name: relative(TMP, outDir), env });
    writeFileSync(done, settings);
    return outDir;
  });
}

/** The newsroom fixtures: articles, profiles and the publication's pages (tests/fixtures/corpora/newsroom). */
export const NEWSROOM = join(ROOT, 'tests/fixtures/corpora/newsroom');

/**
 * The newsroom fixtures' shared build (`sharedBuild`), as every test file that reads it asks for
 * it: under BASE_PATH=/news, with its profiles and pages, the clock two days after its newest piece.
 */
export const NEWSROOM_SITE: Record<string, string> = {
  SITE_URL: 'https://example.org',
  BASE_PATH: '/news',
  CONTENT_DIR: join(NEWSROOM, 'articles'),
  AUTHORS_DIR: join(NEWSROOM, 'authors'),
  PAGES_DIR: join(NEWSROOM, 'pages'),
  BUILD_TIME: '2026-11-28T00:00:00Z',
};
