import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files whose bytes decide what a build writes besides the content: all of src/ (pages,
 * components, the Markdown pipeline, the schema, this file), the Astro config and TypeScript
 * settings, and the lock file (an updated remark plugin or Pagefind changes the output as much as
 * our own code does). Paths relative to the project, sorted.
 */
export function codeFiles(root: string): string[] {
  const src = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length).replace(/^[/\\]/, '').split('\\').join('/'));
  return ['astro.config.mjs', 'package-lock.json', 'tsconfig.json', ...src].sort();
}

/**
 * The digest of the build's code (`codeFiles`), SHA-256 in base64url: the one version every cache
 * the build keeps beside Astro's own is written under — the content check's verdicts, the search
 * shards, and `npm run build`'s rule to start afresh (`--force`) when it differs from the last
 * build's. A cache written by other code is never read. Throws when a file cannot be read.
 */
export function codeDigest(root: string | URL): string {
  const folder = typeof root === 'string' ? root : fileURLToPath(root);
  const hash = createHash('sha256');
  for (const name of codeFiles(folder)) hash.update(`${name}\n`).update(readFileSync(join(folder, name))).update('\n');
  return hash.digest('base64url');
}

/**
 * Whether this build was asked to start afresh (`astro build --force`, which `npm run build`
 * passes when the code changed): then every cache the build keeps is ignored and written anew,
 * Astro's and Broadsheet's alike.
 */
export function startsAfresh(argv: readonly string[] = process.argv): boolean {
  return argv.includes('--force');
}
