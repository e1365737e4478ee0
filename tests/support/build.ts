import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { ROOT, TMP } from './paths';

export interface BuildOptions {
  /** Folder under .tmp/ to write the site to. */
  name: string;
  env?: Record<string, string>;
  /** Reuse what the last build left in the cache (Astro's incremental build); by default every build starts afresh. */
  warm?: boolean;
}

/**
 * Builds the site with Astro's CLI in a child process (its own time zone, environment and
 * content folder), into .tmp/<name>. `--force` (unless `warm`) drops the caches so every build
 * parses and renders the content afresh. Throws with Astro's output when the build fails.
 */
export function buildSite(options: BuildOptions): string {
  const { outDir, status, output } = tryBuild(options);
  if (status !== 0) throw new Error(`astro build (${options.name}) failed with ${status}:\n${output}`);
  return outDir;
}

// Vitest mirrors import.meta.env into process.env (BASE_URL, MODE, DEV, PROD, SSR, NODE_ENV=test):
// a child build would inherit them and Vite would take BASE_URL=/ over the configured base.
const VITEST_ENV = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID'];
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of VITEST_ENV) delete env[key];
  return env;
}

/** Like buildSite, but reports failure instead of throwing: for tests of what a bad build says. */
export function tryBuild({ name, env = {}, warm = false }: BuildOptions): { outDir: string; status: number | null; output: string } {
  const outDir = join(TMP, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(warm ? [] : ['--force']), '--outDir', outDir],
    { cwd: ROOT, env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8' },
  );
  // Colour codes (forced on in CI) would split the messages tests look for.
  return { outDir, status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`) };
}

/**
 * `npm run build`'s script (scripts/build.mjs) with `args`, its output redirected with BUILD_OUT
 * in `env`. SITE_URL and BASE_PATH come only from `env`, never from the test runner's shell.
 */
export function npmBuild(env: Record<string, string>, args: string[] = []): { status: number | null; output: string } {
  const base = cleanEnv();
  delete base['SITE_URL'];
  delete base['BASE_PATH'];
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...args], {
    cwd: ROOT,
    env: { ...base, ASTRO_TELEMETRY_DISABLED: '1', ...env },
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
