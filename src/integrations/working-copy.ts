/**
 * The output folder built in place. `npm run build` (scripts/build.mjs) keeps a working copy of the
 * site beside it (`.dist.next`), makes it equal to the site being served (mirror), lets Astro build
 * over it (workingCopy, below: a page Astro may reuse whose file is already there costs one
 * `existsSync`, where copying it from Astro's cache cost about a millisecond), removes what this
 * build did not produce (prune), and swaps it in by renaming, so a failed or killed build never
 * touches the site being served. The old site becomes the next working copy.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { BUILD_OVER_OUTPUT } from '../astro-internals.ts';

/**
 * The file scripts/build.mjs leaves in a working copy to say "build over what is here" (workingCopy
 * reads and removes it before Astro starts). Its change time is also the instant the build's own
 * writes start from (startInstant).
 */
export const WORKING_COPY_MARK = '.broadsheet-working-copy';

/**
 * The file in the cache folder that says a build has started and its site is not swapped in yet
 * (scripts/build.mjs makes it before Astro starts and removes it after the swap).
 */
export const PUBLISHING_MARK = 'broadsheet-publishing';

/** What `npm run build` keeps beside an output folder (`dist`), as paths: all in its parent folder, so renames never cross file systems. */
export interface BesideOutput {
  /** The working copy (`.dist.next`). */
  next: string;
  /** The lock one build at a time holds while it builds into the folder (`.dist.lock`). */
  lock: string;
  /** Where the build with process id `pid` puts the old site aside while it swaps (`.dist.previous-<pid>`). */
  aside: (pid: number | string) => string;
  /** The process id in the name of a folder put aside (`aside`), or undefined for any other name. */
  asideOf: (name: string) => number | undefined;
}

/** The paths `npm run build` keeps beside the output folder `out` (BesideOutput). */
export function besideOutput(out: string): BesideOutput {
  const at = (suffix: string) => join(dirname(out), `.${basename(out)}.${suffix}`);
  const asidePrefix = `.${basename(out)}.previous-`;
  return {
    next: at('next'),
    lock: at('lock'),
    aside: (pid) => at(`previous-${pid}`),
    asideOf: (name) =>
      name.startsWith(asidePrefix) && /^\d+$/.test(name.slice(asidePrefix.length))
        ? Number(name.slice(asidePrefix.length))
        : undefined,
  };
}

/** Whether `path` (relative, `/`-separated) is one of `folders` or lies inside one. */
function inFolders(path: string, folders: readonly string[]): boolean {
  return folders.some((folder) => path === folder || path.startsWith(`${folder}/`));
}

/** The path of a directory entry under `dir`, relative to it and `/`-separated. */
function relativePath(dir: string, entry: Dirent): string {
  return relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
}

/** A file under a folder (by its path relative to it, `/`-separated): its size in bytes and modification time in whole ms (`wholeMs`). */
export interface Entry {
  size: number;
  mtimeMs: number;
}

/**
 * A file's modification time to the nearest millisecond, read one way wherever a site's files
 * are compared with its record. `mirror` dates its copies with `utimesSync` from whole
 * milliseconds, which lands a few dozen nanoseconds short of them (1796455368.961 s is stored as
 * …960999965 ns); rounded down, as BigInt stats' `mtimeMs` is, that is the millisecond before,
 * while Node's number `mtimeMs` rounds it up, so each side of a comparison must read it the same
 * way (two ways left half of a 10,000-article site out of the working copy on every build).
 */
export function wholeMs({ mtimeNs }: { mtimeNs: bigint }): number {
  return Number((mtimeNs + 500_000n) / 1_000_000n);
}

/**
 * What a build left in its output folder, file by file (path → size and modification time), as
 * `prune` reads it once the site is complete: the files `mirror` may take from the served
 * site. Anything else there (a file edited or added by hand, a folder where a file was) is not
 * the build's, and the working copy does without it.
 */
export type SiteRecord = ReadonlyMap<string, Entry>;

/** The file in the cache folder that keeps the record of the last site built (SiteRecord) and where it went. */
export const SITE_RECORD = 'broadsheet-site.json';

/** Writes `record`, the site just built into the output folder `out`, to `file` (SITE_RECORD). */
export function writeSiteRecord(file: string, out: string, record: SiteRecord): void {
  writeFileSync(file, JSON.stringify({ out, files: [...record].map(([path, { size, mtimeMs }]) => [path, size, mtimeMs]) }));
}

/** The record writeSiteRecord kept for the output folder `out`; undefined when there is none, or it is another folder's or unreadable. */
export function readSiteRecord(file: string, out: string): SiteRecord | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { out?: unknown; files?: [string, number, number][] };
    if (kept.out !== out || !Array.isArray(kept.files)) return undefined;
    return new Map(kept.files.map(([path, size, mtimeMs]) => [path, { size, mtimeMs }]));
  } catch {
    return undefined;
  }
}

/**
 * Every file and folder under `dir` that `wanted` takes, by path relative to it, and everything
 * else there (symbolic links and other non-files, which no build writes); empty when `dir` does
 * not exist.
 */
function tree(
  dir: string,
  wanted: (path: string) => boolean,
): { files: Map<string, Entry>; folders: Set<string>; others: string[] } {
  const files = new Map<string, Entry>();
  const folders = new Set<string>();
  const others: string[] = [];
  if (!existsSync(dir)) return { files, folders, others };
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]) {
    const path = relativePath(dir, entry);
    if (!wanted(path)) continue;
    if (!entry.isDirectory() && !entry.isFile()) others.push(path);
    else if (entry.isDirectory()) folders.add(path);
    else {
      const stats = statSync(join(dir, path), { bigint: true });
      files.set(path, { size: Number(stats.size), mtimeMs: wholeMs(stats) });
    }
  }
  // Node lists what a link to a folder holds as if it were there: none of it is the site's.
  const underLink = (path: string) => others.some((link) => path.startsWith(`${link}/`));
  for (const path of files.keys()) if (underLink(path)) files.delete(path);
  for (const path of folders) if (underLink(path)) folders.delete(path);
  return { files, folders, others };
}

/** What mirror did: files copied from the site, files and folders removed from the working copy. */
export interface MirrorResult {
  copied: number;
  removed: number;
}

/**
 * Makes the folder `to` hold exactly what `from` holds: files missing from `to`, or whose size or
 * modification time (to the millisecond) differ, are copied with their modification time; files
 * and folders `from` lacks are removed, and so are links and other non-files on either side (a
 * build writes none: a link into the served site would be written through). A missing `from`
 * leaves `to` empty. A file rewritten by a build that failed or was killed has a newer
 * modification time than the site's, so it is copied back. Folders named in `replaced` (paths relative to both) are not compared: the build removes
 * and writes them whole. With `trusted` (the record of the last build's site), only the files of
 * `from` that match it are taken: a file changed by hand there, or a folder where the build wrote
 * a file, is left out, and the build makes it again. Throws on file-system errors.
 */
export function mirror(
  from: string,
  to: string,
  { replaced = [], trusted }: { replaced?: readonly string[]; trusted?: SiteRecord } = {},
): MirrorResult {
  mkdirSync(to, { recursive: true });
  // Folders the build replaces whole are left as they are (their files would be copied to be removed).
  const outside = (path: string) => !inFolders(path, replaced);
  const source = tree(from, outside);
  if (trusted) {
    for (const [path, { size, mtimeMs }] of source.files) {
      const built = trusted.get(path);
      if (built?.size !== size || built.mtimeMs !== mtimeMs) source.files.delete(path);
    }
    // The folders that hold the files kept, and no others.
    source.folders.clear();
    for (const path of source.files.keys())
      for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) source.folders.add(path.slice(0, at));
  }
  const target = tree(to, outside);
  let copied = 0;
  let removed = 0;
  // A link or other non-file is never the site's: the working copy loses it, and one in the site is not copied.
  for (const path of target.others) {
    rmSync(join(to, path), { force: true });
    removed += 1;
  }
  for (const [path] of target.files) {
    if (!source.files.has(path) || source.folders.has(path)) {
      rmSync(join(to, path), { force: true });
      target.files.delete(path);
      removed += 1;
    }
  }
  // Deepest first, so a folder is empty of folders when it is removed.
  for (const path of [...target.folders].sort((a, b) => b.length - a.length)) {
    if (!source.folders.has(path)) {
      rmSync(join(to, path), { recursive: true, force: true });
      removed += 1;
    }
  }
  for (const path of [...source.folders].sort((a, b) => a.length - b.length))
    if (!target.folders.has(path)) mkdirSync(join(to, path), { recursive: true });
  for (const [path, { size, mtimeMs }] of source.files) {
    const have = target.files.get(path);
    if (have && have.size === size && have.mtimeMs === mtimeMs) continue;
    // Removed first: the working copy's file may be a hard link to a file the site or a cache still uses.
    if (have) unlinkSync(join(to, path));
    copyFileSync(join(from, path), join(to, path));
    const time = new Date(mtimeMs);
    utimesSync(join(to, path), time, time);
    copied += 1;
  }
  return { copied, removed };
}

/**
 * Marks `dir` as a working copy to build over (WORKING_COPY_MARK) and returns the instant, in
 * nanoseconds of the file system's change time, from which everything the build writes there is
 * dated: the change time of a file written after this call is at least this, and of every file
 * written before it, less. File systems keep change times to a clock tick (a few milliseconds, or a
 * second or two on some), so this waits for the tick after the mark's.
 */
export function startInstant(dir: string): bigint {
  const mark = join(dir, WORKING_COPY_MARK);
  writeFileSync(mark, '');
  const before = statSync(mark, { bigint: true }).ctimeNs;
  const probe = `${mark}.tick`;
  for (;;) {
    writeFileSync(probe, '');
    const now = statSync(probe, { bigint: true }).ctimeNs;
    rmSync(probe);
    if (now > before) return now;
  }
}

/**
 * Removes from `dir` every file the build did not produce: one whose change time is before `since`
 * (startInstant) and that is not in `kept` (pages Astro reused where they were, as paths relative
 * to `dir`), then every folder left empty. The folders in `replaced` are left alone: what writes
 * them makes them whole (the search index keeps the shards that did not change where they are).
 * Returns how many files it removed, and the record of the site that is left (SiteRecord), without
 * the folders in `replaced`, read in the same pass.
 */
export function prune(
  dir: string,
  since: bigint,
  kept: ReadonlySet<string>,
  { replaced = [] }: { replaced?: readonly string[] } = {},
): { removed: number; record: SiteRecord } {
  let removed = 0;
  const record = new Map<string, Entry>();
  const folders: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]) {
    const path = join(entry.parentPath, entry.name);
    const name = relativePath(dir, entry);
    if (inFolders(name, replaced)) continue;
    if (entry.isDirectory()) {
      folders.push(path);
      continue;
    }
    const stats = statSync(path, { bigint: true });
    if (!kept.has(name) && stats.ctimeNs < since) {
      rmSync(path, { force: true });
      removed += 1;
    } else if (entry.isFile()) {
      record.set(name, { size: Number(stats.size), mtimeMs: wholeMs(stats) });
    }
  }
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    if (readdirSync(folder).length === 0) rmdirSync(folder);
  }
  return { removed, record };
}

/**
 * Makes Astro build over the output folder instead of emptying it, when scripts/build.mjs has
 * marked it as a working copy (WORKING_COPY_MARK, removed here so it is never published). A plain
 * `astro build` into a folder without the mark empties it first, as Astro always does.
 */
export function workingCopy(): AstroIntegration {
  return {
    name: 'broadsheet:working-copy',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const mark = join(fileURLToPath(config.outDir), WORKING_COPY_MARK);
        if (!existsSync(mark)) return;
        rmSync(mark);
        updateConfig({ vite: BUILD_OVER_OUTPUT });
      },
    },
  };
}
