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

/** One shard to index, as the main thread sends it. */
export interface IndexRequest {
  id: number;
  documents: SearchDocument[];
  /** The folder to write the index into, replaced whole. */
  folder: string;
  /** The source of a regular expression: which of Pagefind's files and folders to keep. */
  keep: string;
  /** The file, in `folder`, for how many of the shard's articles hold each word. */
  words: string;
}

/** The answer: done, or why not. */
export interface IndexResponse {
  id: number;
  error?: string;
}

/**
 * Writes one Pagefind index of `documents` into `folder`, keeping the files `keep` matches, and
 * the shard's word counts beside it. Pagefind's indexer runs as its own process and is closed
 * afterwards, so its memory is given back before the next shard (it holds every page until it
 * writes). Throws naming the article Pagefind could not index.
 */
export async function writeIndex({ documents, folder, keep, words: wordsFile }: Omit<IndexRequest, 'id'>): Promise<void> {
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
  const kept = new RegExp(keep);
  for (const name of await readdir(folder)) if (!kept.test(name)) await rm(`${folder}/${name}`, { recursive: true, force: true });
  await writeFile(`${folder}/${wordsFile}`, JSON.stringify(Object.fromEntries(words)));
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
