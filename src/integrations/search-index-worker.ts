/**
 * The search index's thread (src/integrations/search-index.ts starts it): makes the page Pagefind
 * reads for each article (src/search/page.ts), counts its words for the search directory
 * (src/search/words.ts) and feeds Pagefind's indexer, one shard a message, so none of that work
 * waits for, or holds up, the thread that renders pages. A small archive is indexed in the
 * build's own thread by the same `writeIndex`: starting a thread costs more than it saves there.
 */
import { readdir, rm, writeFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import { close, createIndex } from 'pagefind';
import type { SearchDocument } from '../search/documents.ts';
import { searchTree } from '../search/page.ts';
import { searchWords } from '../search/words.ts';
import { SITE } from '../site.ts';

// What a shard keeps of what Pagefind writes: its entry, page list and index, and the WebAssembly
// that searches it, since the search page starts Pagefind on whichever shard it searches first
// (src/client/search.ts); its script is placed once, at /pagefind/ (src/integrations/search-index.ts).
// Pagefind's ready-made UIs and its worker are not used (the search page has its own and runs
// without one).
const SHARD_FILES = /^(pagefind-entry\.json|pagefind\..+\.pf_meta|index|fragment|filter|pagefind\.js|wasm\..+\.pagefind)$/;

/** Written beside a shard's index in the cache, never placed in the site: how many of its articles hold each word (src/search/words.ts). */
export const SHARD_WORDS = 'words.json';

/** One shard to index, as the main thread sends it. */
export interface IndexRequest {
  id: number;
  documents: SearchDocument[];
  /** The folder to write the index into, replaced whole. */
  folder: string;
}

/** The answer: done, or why not. */
export interface IndexResponse {
  id: number;
  error?: string;
}

/**
 * Writes one Pagefind index of `documents` into `folder`, keeping the files SHARD_FILES matches,
 * and the shard's word counts beside it (SHARD_WORDS). Pagefind's indexer runs as its own process and is closed
 * afterwards, so its memory is given back before the next shard (it holds every page until it
 * writes). Throws naming the article Pagefind could not index.
 */
export async function writeIndex({ documents, folder }: Omit<IndexRequest, 'id'>): Promise<void> {
  const { index, errors } = await createIndex({ forceLanguage: SITE.lang });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // How many of the shard's articles hold each word: the shard's part of the search directory.
  const words = new Map<string, number>();
  try {
    for (const document of documents) {
      const tree = searchTree(document);
      for (const word of new Set(searchWords(toText(tree)))) words.set(word, (words.get(word) ?? 0) + 1);
      const added = await index.addHTMLFile({ url: document.url, content: toHtml(tree) });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${document.url}: ${added.errors.join('; ')}`);
    }
    await rm(folder, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await close();
  }
  for (const name of await readdir(folder))
    if (!SHARD_FILES.test(name)) await rm(`${folder}/${name}`, { recursive: true, force: true });
  await writeFile(`${folder}/${SHARD_WORDS}`, JSON.stringify(Object.fromEntries(words)));
}

/** What src/integrations/search-index.ts starts the thread with, so that importing this module elsewhere starts nothing. */
export const THREAD_DATA = { searchIndexThread: true };

if ((workerData as typeof THREAD_DATA | undefined)?.searchIndexThread)
  parentPort?.on('message', (request: IndexRequest) => {
    writeIndex(request).then(
      () => parentPort!.postMessage({ id: request.id } satisfies IndexResponse),
      (error: unknown) =>
        parentPort!.postMessage({
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        } satisfies IndexResponse),
    );
  });
