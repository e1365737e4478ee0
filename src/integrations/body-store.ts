/**
 * The body store: each article's rendered body as a file of its own in the build's cache folder,
 * named by the SHA-256 of its HTML, instead of inside Astro's content store.
 *
 * Why: the content store passes through Astro three times a build, whole, however little changed:
 * content sync reads and rewrites it (devalue), Vite bundles it into the pages as one module
 * (`JSON.parse("…")`), and V8 compiles that module. At 10,000 articles the bodies were 35 MB of its
 * 42 MB. Kept here, a warm build reads each body as one small file, and writes only the new ones.
 *
 * The renderer stores a body and returns its digest in the copy facts (src/markdown/copy-facts.ts
 * `withStoredBody`), with no HTML; the catalogue reads each body back (`withBodiesRead`); a
 * finished build removes the bodies no article uses (`bodyStore`). A body's file is written whole
 * or not at all (a partial file is renamed into place), and its name is its content's digest, so
 * a file found is always right, whichever build, thread or base path wrote it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { CONTENT_STORE_IN_CACHE, handover } from '../astro-internals.ts';
import type { RenderedEntry } from '../checks/rendered.ts';
import { readCopyFacts } from '../markdown/copy-facts.ts';

/** The store's folder under the cache folder (CACHE_DIR, src/env.ts `cacheFolder`). */
export const BODY_FOLDER = 'broadsheet-bodies';

/** The body store of the cache folder `cacheDir` (an absolute path). */
export function bodyFolder(cacheDir: string): string {
  return join(cacheDir, BODY_FOLDER);
}

const EXTENSION = '.html';

/**
 * Stores one rendered body in `folder` (made if missing) and returns its digest: SHA-256 of the
 * HTML, base64url (43 characters). A body already stored is not written again.
 */
export function storeBody(folder: string, html: string): string {
  const digest = createHash('sha256').update(html).digest('base64url');
  const file = join(folder, digest + EXTENSION);
  if (!existsSync(file)) {
    mkdirSync(folder, { recursive: true });
    // Two threads may store one body at once: each writes its own partial file.
    const partial = `${file}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, html);
    renameSync(partial, file);
  }
  return digest;
}

/**
 * The body stored under `digest` in `folder`. Throws naming both when it is missing, which only
 * a cache folder changed by hand leaves: the content store then names a body no longer there.
 */
export function readBody(folder: string, digest: string): string {
  try {
    return readFileSync(join(folder, digest + EXTENSION), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new Error(
      `the rendered body ${digest} is missing from ${folder}, which the cache's content store still names. Build again: a build after a failed one renders every article afresh (as npm run build -- --force does)`,
    );
  }
}

// The folder, from the config to the catalogue (which runs in the page bundle); the bodies in
// use, from the catalogue to the hook that prunes the rest.
const folderHandover = handover<string>('body-folder', 'body store');
const inUse = handover<ReadonlySet<string>>('bodies-in-use', 'body store');

/**
 * The entries (src/checks/rendered.ts) with each body read back from the store into
 * `rendered.html`, as the pipeline made it; an entry whose facts name no stored body (one that
 * failed to render) is kept as it is, for the check to report. Hands the digests it read to
 * `bodyStore`'s pruning. Only inside a build or dev server with the `bodyStore` integration;
 * throws when a body is missing (`readBody`).
 */
export function withBodiesRead<Entry extends RenderedEntry>(entries: readonly Entry[]): Entry[] {
  const folder = folderHandover.take();
  const used = new Set<string>();
  const read = entries.map((entry) => {
    const digest = entry.rendered && readCopyFacts(entry.rendered.metadata).body;
    if (digest === undefined || !entry.rendered) return entry;
    used.add(digest);
    return { ...entry, rendered: { ...entry.rendered, html: readBody(folder, digest) } };
  });
  inUse.give(used);
  return read;
}

/**
 * The body store's integration, for the store at `folder` (`bodyFolder`): hands the folder to the
 * catalogue and, after a build, removes every file no article of this build uses (bodies of
 * copy since changed or deleted, and partial files a killed build left). Nothing is removed when
 * the catalogue never read the bodies. A cache folder that kept Astro's content store but lost
 * the body store (pruned by a host, deleted by hand) has its content store dropped first, so
 * every article is rendered again rather than the build stopping.
 */
export function bodyStore(folder: string): AstroIntegration {
  return {
    name: 'broadsheet:body-store',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        folderHandover.give(folder);
        const cache = fileURLToPath(config.cacheDir);
        const stores = CONTENT_STORE_IN_CACHE.map((name) => join(cache, name)).filter((path) => existsSync(path));
        if (stores.length > 0 && !existsSync(folder)) {
          logger.warn(`the rendered bodies (${folder}) are gone: the content store is dropped, and every article is rendered again`);
          for (const path of stores) rmSync(path, { recursive: true, force: true });
        }
      },
      'astro:build:done': () => {
        let used: ReadonlySet<string>;
        try {
          used = inUse.take();
        } catch {
          return;
        }
        if (!existsSync(folder)) return;
        for (const name of readdirSync(folder)) {
          if (!(name.endsWith(EXTENSION) && used.has(name.slice(0, -EXTENSION.length)))) rmSync(join(folder, name), { force: true });
        }
      },
    },
  };
}
