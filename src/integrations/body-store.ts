/**
 * The body store: each article's rendered body as a file of its own beside Astro's content store
 * (in the cache folder for a build), named by the SHA-256 of its HTML, instead of inside the store.
 *
 * Why: the content store passes through Astro three times a build, whole, however little changed:
 * content sync reads and rewrites it (devalue), Vite bundles it into the pages as one module
 * (`JSON.parse("…")`), and V8 compiles that module. At 10,000 articles the bodies were 35 MB of its
 * 42 MB. Kept here, a warm build reads each body as one small file, and writes only the new ones.
 *
 * The renderer stores a body and returns its digest in the copy facts (src/markdown/copy-facts.ts
 * `withStoredBody`), with no HTML; the catalogue reads each body back (`withBodiesRead`); a
 * finished build removes the bodies no article uses (`bodyStore`). A body's file is written whole
 * or not at all (a partial file is renamed into place), its name is its content's digest, and
 * every read checks it against that digest, so whichever build, thread or base path wrote a file,
 * a page shows it only if it is exactly what was rendered.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { CONTENT_STORE_IN_CACHE, contentStoreFolder, handover } from '../astro-internals.ts';
import type { RenderedEntry } from '../checks/rendered.ts';
import { readCopyFacts } from '../markdown/copy-facts.ts';

/** The store's folder, beside Astro's content store (src/astro-internals.ts `contentStoreFolder`). */
export const BODY_FOLDER = 'broadsheet-bodies';

/**
 * The body store beside the content store in `storeFolder` (an absolute path): the cache folder
 * for a build, the project's `.astro/` for the dev server, which keeps a content store of its own
 * there, so a build never prunes the bodies a dev server's store names.
 */
export function bodyFolder(storeFolder: string): string {
  return join(storeFolder, BODY_FOLDER);
}

const EXTENSION = '.html';

/**
 * What went wrong with the body store itself (a folder that cannot be written, a full disk), as
 * opposed to a body that cannot be rendered: the renderer lets it through (src/integrations/
 * markdown-renderer.ts `reporting`), so it stops the build once, naming the folder, instead of
 * being reported as a problem in every article rendered.
 */
export class BodyStoreError extends Error {
  override name = 'BodyStoreError';
}

const digestOf = (html: string) => createHash('sha256').update(html).digest('base64url');

/**
 * Stores one rendered body in `folder` (made if missing) and returns its digest: SHA-256 of the
 * HTML, base64url (43 characters). The file is written whole every time (a partial file renamed
 * into place), so rendering a body again repairs its file. Throws BodyStoreError naming the folder.
 */
export function storeBody(folder: string, html: string): string {
  const digest = digestOf(html);
  const file = join(folder, digest + EXTENSION);
  // Two threads may store one body at once: each writes its own partial file.
  const partial = `${file}.${process.pid}-${threadId}.partial`;
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(partial, html);
    renameSync(partial, file);
  } catch (error) {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing was written where nothing can be.
    }
    throw new BodyStoreError(`the body store ${folder} could not be written: ${(error as Error).message}`);
  }
  return digest;
}

/**
 * The body stored under `digest` in `folder`, checked against its digest. Throws naming both when
 * it is missing, unreadable or not what was stored (a cache folder changed by hand, or a file cut
 * short by a crash); the file is removed then. The build that stops leaves its cache lock behind,
 * so the next one renders every article afresh (src/integrations/cache-lock.ts).
 */
export function readBody(folder: string, digest: string): string {
  const file = join(folder, digest + EXTENSION);
  const found = (() => {
    try {
      const html = readFileSync(file, 'utf8');
      return digestOf(html) === digest ? { html } : { why: 'is not what was stored' };
    } catch (error) {
      return {
        why: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(error as Error).message})`,
      };
    }
  })();
  if ('html' in found) return found.html;
  rmSync(file, { recursive: true, force: true });
  throw new Error(
    `the rendered body ${digest} in ${folder} ${found.why}, though the content store names it. Build again: a build after a failed one renders every article afresh (as npm run build -- --force does)`,
  );
}

// The folder, from the integration to the renderer and the catalogue (which runs in the page
// bundle); the bodies in use, from the catalogue to the hook that prunes the rest.
const folderHandover = handover<string>('body-folder', 'body store');
const inUse = handover<ReadonlySet<string>>('bodies-in-use', 'body store');

/**
 * The body store this process renders into and reads from, as the `bodyStore` integration set it
 * (`useBodyFolder`). Throws outside Astro when nothing set it.
 */
export function bodyFolderInUse(): string {
  return folderHandover.take();
}

/** Sets the body store this process uses: called by `bodyStore`, and by tests that run the renderer outside Astro. */
export function useBodyFolder(folder: string): void {
  folderHandover.give(folder);
}

/**
 * The entries (src/checks/rendered.ts) with each body read back from the store into
 * `rendered.html`, as the pipeline made it; an entry whose facts name no stored body (one that
 * failed to render) is kept as it is, for the check to report. Hands the digests it read to
 * `bodyStore`'s pruning. Only inside a build or dev server with the `bodyStore` integration;
 * throws when a body is missing (`readBody`).
 */
export function withBodiesRead<Entry extends Pick<RenderedEntry, 'rendered'>>(entries: readonly Entry[]): Entry[] {
  const folder = bodyFolderInUse();
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
 * The body store's integration: sets the store beside Astro's content store for this command
 * (`bodyFolder`, src/astro-internals.ts `contentStoreFolder`) and, after a build, removes every
 * file no article of this build uses (bodies of copy since changed or deleted, and partial files
 * a killed build left). Nothing is removed when the catalogue never read the bodies, and a body
 * that cannot be removed is only warned about: the site is built. A content store whose body
 * store is gone (pruned by a host, deleted by hand) is dropped first, so every article is
 * rendered again rather than the build stopping.
 */
export function bodyStore(): AstroIntegration {
  let folder: string;
  return {
    name: 'broadsheet:body-store',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        const store = contentStoreFolder(command, config);
        folder = bodyFolder(store);
        useBodyFolder(folder);
        const stores = CONTENT_STORE_IN_CACHE.map((name) => join(store, name)).filter((path) => existsSync(path));
        if (stores.length > 0 && !existsSync(folder)) {
          logger.warn(
            `the rendered bodies (${folder}) are gone: the content store is dropped, and every article is rendered again`,
          );
          for (const path of stores) rmSync(path, { recursive: true, force: true });
        }
      },
      'astro:build:done': ({ logger }) => {
        let used: ReadonlySet<string>;
        try {
          used = inUse.take();
        } catch {
          return;
        }
        if (!existsSync(folder)) return;
        for (const name of readdirSync(folder)) {
          if (name.endsWith(EXTENSION) && used.has(name.slice(0, -EXTENSION.length))) continue;
          try {
            rmSync(join(folder, name), { recursive: true, force: true });
          } catch (error) {
            logger.warn(`an unused body could not be removed from ${folder}: ${(error as Error).message}`);
          }
        }
      },
    },
  };
}
