#!/usr/bin/env node
// Atomic build: Astro writes into a fresh folder beside the output, and only a successful build
// replaces it, so a failed build never leaves a half-written or empty site behind.
//   npm run build                    → dist/
//   BUILD_OUT=some/dir npm run build → some/dir/ (tests use this)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.env.BUILD_OUT || 'dist');
// Beside the output, so the final rename never crosses file systems.
const next = join(dirname(out), `.${basename(out)}.next-${process.pid}`);
const previous = join(dirname(out), `.${basename(out)}.previous-${process.pid}`);

mkdirSync(dirname(out), { recursive: true });
rmSync(next, { recursive: true, force: true });
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', '--outDir', next, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) {
  rmSync(next, { recursive: true, force: true });
  console.error(`\nThe build failed; ${out} is left as it was.`);
  process.exit(result.status ?? 1);
}
if (existsSync(out)) renameSync(out, previous);
renameSync(next, out);
rmSync(previous, { recursive: true, force: true });
console.log(`Built into ${out}`);
