import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import type { CheckCache, FileCheck } from './content.ts';

interface Stored {
  version: string;
  files: Record<string, { digest: string; result: FileCheck }>;
  /** Whether each picture decoded whole, by the digest of its bytes: the message, or null. */
  pictures?: Record<string, string | null>;
}

async function readStored(file: URL, version: string): Promise<Stored | undefined> {
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as Stored;
    return stored.version === version ? stored : undefined;
  } catch {
    return undefined; // No cache yet, or an unreadable one: start afresh.
  }
}

/**
 * A check cache in one JSON file, for the next build, valid for one `version` of the code
 * (src/integrations/code-digest.ts `codeDigest`); `fresh` ignores what the file holds.
 */
export async function jsonCheckCache(
  file: URL,
  version: string,
  { fresh = false } = {},
): Promise<CheckCache & { save(): Promise<void> }> {
  const stored = (fresh ? undefined : await readStored(file, version)) ?? { version, files: {} };
  const next: Stored = { version, files: {}, pictures: {} };
  return {
    pictures: {
      get(digest) {
        const verdict = stored.pictures?.[digest];
        if (verdict !== undefined) next.pictures![digest] = verdict;
        return verdict;
      },
      set(digest, verdict) {
        next.pictures![digest] = verdict;
      },
    },
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
