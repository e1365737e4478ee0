import { createHash } from 'node:crypto';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import { copyFile, link, lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Worker } from 'node:worker_threads';
import { directoryFile, storedEntry } from '../search/words.ts';
import type { SearchDocument, SearchDocuments } from '../search/documents.ts';
import { codeDigest, startsAfresh } from './code-digest.ts';
import { handover } from '../astro-internals.ts';
import { routes } from '../model/urls.ts';
import { SHARD_WORDS, THREAD_DATA, writeIndex, type IndexRequest, type IndexResponse } from './search-index-worker.ts';

// How many published articles make indexing worth a thread of its own: below this, starting the
// thread and loading its modules again costs more than the render it would spare (a cold
// 10,000-article build is 0.90x the wall time with it).
const INDEX_THREAD_FROM = 1000;

/** The folder of the output the search index is written to, whole, by every build. */
export const SEARCH_FOLDER = 'pagefind';

// The catalogue hands the published articles over (src/astro-internals.ts `handover`): the index is
// built from the model rather than by reading the pages back.
const searchDocuments = handover<SearchDocuments>('search-documents', 'search index');

/** Called by the catalogue with the articles a build publishes (no drafts, nothing scheduled). */
export function shareSearchDocuments(documents: SearchDocuments): void {
  searchDocuments.give(documents);
}

/**
 * The version every shard is kept under: the build's code digest (src/integrations/code-digest.ts:
 * the code that turns an article into what Pagefind reads and words its date, the site's language
 * and zone, and the installed packages, Pagefind's among them). Undefined when the code cannot be
 * read: then no shard is reused or kept.
 */
function indexVersion(root: URL): string | undefined {
  try {
    return codeDigest(root);
  } catch {
    return undefined;
  }
}

/** A shard's cache key: the index version, its name (its folder under /pagefind/), and each article's address and digest in order. */
function shardKey(version: string, place: string, documents: readonly SearchDocument[]): string {
  const hash = createHash('sha256').update(`${version}\n${place}`);
  for (const document of documents) hash.update(`\n${document.url}\n${document.digest}`);
  return hash.digest('base64url');
}

/**
 * Pagefind's indexing, on a thread of its own (src/integrations/search-index-worker.ts), started
 * at the first shard to write: one shard at a time (the memory bound above), so the render
 * thread only hands each shard's documents over; `inProcess`, in this thread instead (a small
 * archive, INDEX_THREAD_FROM). `close` ends the thread.
 */
function indexer(
  worker: URL,
  { inProcess }: { inProcess: boolean },
): { index: (request: Omit<IndexRequest, 'id'>) => Promise<void>; close: () => Promise<void> } {
  if (inProcess)
    return {
      index: writeIndex,
      close: async () => undefined,
    };
  let thread: Worker | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const start = () => {
    const started = new Worker(worker, { workerData: THREAD_DATA });
    started.on('message', ({ id, error }: IndexResponse) => {
      const job = waiting.get(id);
      waiting.delete(id);
      if (error === undefined) job?.resolve();
      else job?.reject(new Error(error));
    });
    const fail = (error: Error) => {
      for (const job of waiting.values()) job.reject(error);
      waiting.clear();
      thread = undefined;
    };
    started.on('error', fail);
    started.on('exit', (code) => fail(new Error(`the search index's thread stopped (exit code ${code})`)));
    return started;
  };
  return {
    index: (request) =>
      new Promise((resolve, reject) => {
        thread ??= start();
        const id = (next += 1);
        waiting.set(id, { resolve, reject });
        thread.postMessage({ ...request, id } satisfies IndexRequest);
      }),
    close: async () => {
      await thread?.terminate();
    },
  };
}

/** Where each shard's files are, once written or found in the cache. */
export interface PreparedShards {
  /** Cache folder → the shard's folder under /pagefind/, newest first ('' for the empty index of a site with nothing published), and what of it the site serves. */
  placed: { folder: string; where: string; serves: Count }[];
  /** Articles Pagefind indexed (those of shards not found in the cache). */
  indexed: number;
  seconds: number;
}

/** How many files, and how many bytes they hold. */
interface Count {
  files: number;
  bytes: number;
}

/**
 * How many files a shard folder holds and their bytes, and of those the files the site serves
 * (`served`): a shard is reused only if it is still whole (a file deleted or cut short in the
 * cache makes it be written again), and left in place only if the site's copy holds as much.
 * Read synchronously: the shards are checked while pages render, and thousands of asynchronous
 * `stat`s queued behind the render's work held the changed shard's indexing back until the render
 * ended.
 */
function summary(folder: string): Count & { served: Count } {
  const all = { files: 0, bytes: 0 };
  const shown = { files: 0, bytes: 0 };
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  } catch {
    return { ...all, served: shown };
  }
  for (const entry of entries) {
    const path = `${entry.parentPath}/${entry.name}`;
    const relativePath = path.slice(folder.length);
    if (!entry.isFile() || relativePath === '/.complete') continue;
    const { size } = statSync(path);
    all.files += 1;
    all.bytes += size;
    if (served(relativePath)) {
      shown.files += 1;
      shown.bytes += size;
    }
  }
  return { ...all, served: shown };
}

/** The files of a cached shard the site serves from its folder: not the cache's own, nor Pagefind's script (one copy, at /pagefind/). */
function served(relativePath: string): boolean {
  return relativePath !== '/.complete' && relativePath !== `/${SHARD_WORDS}` && relativePath !== '/pagefind.js';
}

/**
 * Whether `placed` (a shard's folder in the site being built) already holds what the cache folder
 * serves (`serves`, its summary): the same `pagefind-entry.json`, which names every index file by
 * the hash of its content (Pagefind's fingerprinting), and as many files of as many bytes. True
 * for every shard a build did not change, in the working copy of the last site
 * (src/integrations/working-copy.ts).
 */
async function alreadyPlaced(folder: string, serves: Count, placed: string): Promise<boolean> {
  const entry = async (shard: string) => readFile(`${shard}/pagefind-entry.json`, 'utf8').catch(() => undefined);
  const [want, have] = await Promise.all([entry(folder), entry(placed)]);
  if (want === undefined || want !== have) return false;
  const { files, bytes } = summary(placed);
  return files === serves.files && bytes === serves.bytes;
}

/**
 * Writes each shard that is not already in `cache` under its key, one Pagefind process at a time
 * (its memory is given back between shards), and drops shards no build wants any more.
 */
async function prepareShards(
  { documents, shards }: SearchDocuments,
  cache: string,
  root: URL,
  worker: URL,
): Promise<PreparedShards> {
  const started = performance.now();
  await mkdir(cache, { recursive: true });
  const version = indexVersion(root);
  // Every shard has its folder under /pagefind/ (src/model/urls.ts `routes.searchShard`). A site
  // with nothing published gets an empty index, for Pagefind's script.
  const jobs = (shards.length > 0 ? shards : ['']).map((name) => ({
    name,
    members: documents.filter((document) => document.shard === name),
  }));
  const placed: PreparedShards['placed'] = [];
  let indexed = 0;
  const pagefind = indexer(worker, { inProcess: documents.length < INDEX_THREAD_FROM });
  try {
    for (const [place, { name, members }] of jobs.entries()) {
      const key = version && shardKey(version, name, members);
      const folder = `${cache}${key ?? `unkeyed-${place}`}`;
      // A build that starts afresh (`--force`) reuses no shard, but keeps what it writes for the next.
      const record =
        key !== undefined && !startsAfresh() ? await readFile(`${folder}/.complete`, 'utf8').catch(() => undefined) : undefined;
      let found = record === undefined ? undefined : summary(folder);
      if (found === undefined || record !== JSON.stringify({ key, ...found })) {
        await pagefind.index({ documents: members, folder: `${folder}.next` });
        found = summary(`${folder}.next`);
        if (key !== undefined) await writeFile(`${folder}.next/.complete`, JSON.stringify({ key, ...found }));
        await rm(folder, { recursive: true, force: true });
        await rename(`${folder}.next`, folder);
        indexed += members.length;
      }
      placed.push({ folder, where: name, serves: found.served });
    }
  } finally {
    await pagefind.close();
  }
  const wanted = new Set(placed.map(({ folder }) => folder));
  for (const entry of await readdir(cache))
    if (!wanted.has(`${cache}${entry}`)) await rm(`${cache}${entry}`, { recursive: true, force: true });
  return { placed, indexed, seconds: (performance.now() - started) / 1000 };
}

/**
 * Puts the prepared shards into the site's pagefind/ folder as hard links to the cache (a copy
 * where the two are on different file systems): ten thousand fragment files take a second rather
 * than eight. A shard the working copy of the last site already holds whole stays as it is
 * (`alreadyPlaced`), so publishing one article links one shard's files rather than every shard's;
 * everything else in the folder (stale shards, the directory, the script) is made again, and a
 * build that starts afresh (`--force`) makes all of it again: the check cannot see a file
 * overwritten in place at the same size. Nothing writes to a built site's files afterwards, and a
 * build replaces the cache's folders rather than changing them, so the two never disagree.
 */
export async function placeShards(
  { placed }: PreparedShards,
  dir: URL,
  { afresh = startsAfresh() }: { afresh?: boolean } = {},
): Promise<void> {
  const out = fileURLToPath(new URL(`${SEARCH_FOLDER}/`, dir));
  // Anything but a folder there (a link would lead the build's writes into another folder, the
  // site being served among them) is removed itself, and the folder made anew.
  // Without its trailing slash, a path to a link names the link, not the folder it leads to.
  const itself = out.replace(/\/$/, '');
  const found = await lstat(itself).catch(() => undefined);
  const whole = afresh || !found?.isDirectory() || placed.some(({ where }) => where === '');
  const kept = new Set<string>();
  // The empty index of a site with nothing published sits at the folder's top: start afresh too.
  if (whole) await rm(itself, { recursive: true, force: true });
  else {
    for (const { folder, where, serves } of placed) if (await alreadyPlaced(folder, serves, `${out}${where}`)) kept.add(where);
    for (const entry of await readdir(out)) if (!kept.has(entry)) await rm(`${out}${entry}`, { recursive: true, force: true });
  }
  const made = new Set<string>();
  const folderFor = async (path: string) => {
    if (!made.has(path)) await mkdir(path, { recursive: true });
    made.add(path);
  };
  for (const [place, { folder, where }] of placed.entries()) {
    for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
      const relativePath = `${entry.parentPath}/${entry.name}`.slice(folder.length);
      // One copy of Pagefind's script, the newest shard's, where the search page asks for it.
      const script = relativePath === '/pagefind.js';
      if (script ? place > 0 : kept.has(where) || !served(relativePath)) continue;
      const target = script ? fileURLToPath(new URL(routes.pagefind().slice(1), dir)) : `${out}${where}${relativePath}`;
      if (entry.isDirectory()) {
        await folderFor(target);
        continue;
      }
      await folderFor(dirname(target));
      await link(`${folder}${relativePath}`, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EXDEV' && error.code !== 'EPERM') throw error;
        await copyFile(`${folder}${relativePath}`, target);
      });
    }
  }
  await writeDirectory(placed, fileURLToPath(new URL(routes.searchDirectory().slice(1), dir)));
}

/**
 * Writes the search directory (src/search/words.ts) into `out`: for every word of the archive,
 * the shards holding it with how many of their articles do (`StoredDirectoryFile`), in one file
 * per word beginning (`directoryFile`). Made from each shard's word counts, kept beside it in the
 * cache, so a build reads them rather than the articles. `placed` is newest first.
 */
async function writeDirectory(placed: PreparedShards['placed'], out: string): Promise<void> {
  // Maps, not objects: copy holds words such as "constructor" and "__proto__".
  const files = new Map<string, Map<string, [shard: number, articles: number][]>>();
  // Each word's file named once, not once for every shard holding it.
  const named = new Map<string, string>();
  for (const [place, { folder, where }] of [...placed.entries()].reverse()) {
    if (where === '') continue; // The empty index of a site with nothing published.
    const shard = placed.length - 1 - place;
    const words = JSON.parse(await readFile(`${folder}/${SHARD_WORDS}`, 'utf8')) as Record<string, number>;
    for (const [word, articles] of Object.entries(words)) {
      let name = named.get(word);
      if (name === undefined) named.set(word, (name = directoryFile(word)));
      let file = files.get(name);
      if (!file) files.set(name, (file = new Map()));
      let shards = file.get(word);
      if (!shards) file.set(word, (shards = []));
      shards.push([shard, articles]);
    }
  }
  await mkdir(out, { recursive: true });
  for (const [name, file] of files)
    await writeFile(
      `${out}${name}`,
      JSON.stringify(Object.fromEntries([...file].map(([word, shards]) => [word, storedEntry(shards)]))),
    );
}

/**
 * Builds the search index into dist/pagefind/ from the articles the catalogue published: each
 * shard (src/model/search-shards.ts) at /pagefind/<shard>/, Pagefind's script at /pagefind/, and
 * the search directory of which shards hold which words at /pagefind/directory/. The search page
 * searches first the shards the directory gives for the query, newest first, merging them
 * (Pagefind's `mergeIndex`), and the rest as the reader asks (src/client/search.ts). One language for
 * every article (Pagefind would otherwise split them by language and the search page would find
 * only its own).
 *
 * Indexing starts as soon as the catalogue hands the articles over, while Astro renders pages:
 * the search pages are made and Pagefind is fed on a thread of its own (`worker`:
 * src/integrations/search-index-worker.ts, as astro.config.mjs names it), and Pagefind's indexer
 * is a process of its own, so neither waits for the render. Each shard is kept in the
 * cache folder under its key; a build re-indexes only the shards whose articles changed and
 * copies the rest, so publishing one article re-indexes one shard.
 */
export function searchIndex({ worker }: { worker: URL }): AstroIntegration {
  let cache: string;
  let root: URL;
  let pending: Promise<PreparedShards> | undefined;
  let outDir: URL;
  return {
    name: 'broadsheet:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache = fileURLToPath(new URL('search-shards/', config.cacheDir));
        root = config.root;
        outDir = config.outDir;
      },
      'astro:build:start': () => {
        searchDocuments.whenGiven((given) => {
          // Astro has emptied the output folder (or is building over a working copy) before it renders, so the shards can go in now.
          pending = prepareShards(given, cache, root, worker).then(
            async (prepared) => (await placeShards(prepared, outDir), prepared),
          );
          // Awaited in astro:build:done; until then a failure must not surface as unhandled.
          pending.catch(() => undefined);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const given = searchDocuments.take();
        const waiting = performance.now();
        const { indexed, seconds } = await (pending ??
          prepareShards(given, cache, root, worker).then(async (prepared) => (await placeShards(prepared, dir), prepared)));
        if (dir.href !== outDir.href)
          throw new Error(`search index: written into ${outDir.href}, but the build wrote ${dir.href}`);
        const after = ((performance.now() - waiting) / 1000).toFixed(1);
        const shards = given.shards.length;
        logger.info(
          `search index: ${indexed} ${indexed === 1 ? 'page' : 'pages'} indexed in ${seconds.toFixed(1)} s, alongside the render; ${after} s after it (${given.documents.length} searchable in ${shards} ${shards === 1 ? 'shard' : 'shards'})`,
        );
      },
    },
  };
}
