import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, type CheckCache, type FileCheck } from '../model/content-check.ts';
import { contentError } from '../model/problems.ts';

/**
 * A digest of the checker's own code (every TypeScript file under src/): a cache written under
 * other rules is worthless. Undefined when the sources cannot be found, which turns the cache off.
 */
export function checkerVersion(src = new URL('../', import.meta.url)): string | undefined {
  if (src.protocol !== 'file:') return undefined;
  const dir = fileURLToPath(src);
  if (!existsSync(dir)) return undefined;
  const hash = createHash('sha256');
  const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .sort();
  for (const name of sources) hash.update(name).update(readFileSync(`${dir}/${name}`));
  return hash.digest('base64url');
}

interface Stored {
  version: string;
  files: Record<string, { digest: string; result: FileCheck }>;
}

async function readStored(file: URL, version: string): Promise<Stored | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
    return stored.version === version ? stored : undefined;
  } catch {
    return undefined; // No cache yet, or an unreadable one: start afresh.
  }
}

/** A check cache in one JSON file, for the next build; `fresh` ignores what the file holds. */
export async function jsonCheckCache(
  file: URL,
  version: string,
  { fresh = false } = {},
): Promise<CheckCache & { save(): Promise<void> }> {
  const stored = (fresh ? undefined : await readStored(file, version)) ?? { version, files: {} };
  const next: Stored = { version, files: {} };
  return {
    get(path, digest) {
      const hit = stored.files[path];
      if (hit?.digest !== digest) return undefined;
      next.files[path] = hit;
      return hit.result;
    },
    set(path, digest, result) {
      next.files[path] = { digest, result };
    },
    async save() {
      await mkdir(new URL('./', file), { recursive: true });
      // Written aside and renamed into place: builds running side by side never read half a file.
      const aside = new URL(`${file.pathname.split('/').pop()}.${process.pid}`, file);
      await writeFile(aside, JSON.stringify(next));
      await rename(aside, file);
    },
  };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Checks the whole content folder before a build and stops it with every problem listed, so an
 * editor fixes them all in one pass instead of one per build. `astro dev` is not stopped. Each
 * file's result is kept in Astro's cache folder, so a rebuild only rechecks files that changed
 * (`astro build --force` or deleting the folder starts afresh).
 */
export function contentCheck(dir: string): AstroIntegration {
  return {
    name: 'broadsheet:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        const version = checkerVersion();
        // `--force` is Astro's "ignore the content cache"; it ignores this one too.
        const fresh = process.argv.includes('--force');
        const cache = version
          ? await jsonCheckCache(new URL('broadsheet-content-check.json', config.cacheDir), version, { fresh })
          : undefined;
        const started = performance.now();
        const problems = await checkContent(dir, { cache, bodies: 'when-pictures' });
        await cache?.save();
        if (problems.length > 0) throw contentError(problems);
        logger.info(`content checked in ${seconds(started)}: ${dir}`);
      },
    },
  };
}
