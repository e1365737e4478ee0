import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, TMP } from './paths';

export interface BuildOptions {
  /** Folder under .tmp/ to write the site to. */
  name: string;
  env?: Record<string, string>;
}

/**
 * Builds the site with Astro's CLI in a child process (its own time zone, environment and
 * content folder), into .tmp/<name>. `--force` drops the content cache so every build parses
 * the content afresh. Throws with Astro's output when the build fails.
 */
export function buildSite({ name, env = {} }: BuildOptions): string {
  const outDir = join(TMP, name);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--force', '--outDir', outDir],
    { cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, encoding: 'utf8' },
  );
  if (result.status !== 0) {
    throw new Error(`astro build (${name}) failed with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return outDir;
}

/** Every file under a folder, as relative path → contents. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
