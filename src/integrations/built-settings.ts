import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Settings } from '../env.ts';

/** How one output folder was built: what the preview must serve it as. */
interface BuiltRecord {
  site: string;
  base: string;
  /** The folder's identity when recorded (inode and change time): another build into it makes the record stale. */
  stamp: string;
}

/** Where the records live: Astro's cache folder, beside the content store. */
export function recordFile(cacheDir: string): string {
  return resolve(cacheDir, 'broadsheet-builds.json');
}

function stampOf(dir: string): string {
  const stat = statSync(dir);
  return `${stat.ino}:${stat.ctimeMs}:${stat.mtimeMs}`;
}

function readRecords(file: string): Record<string, BuiltRecord> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, BuiltRecord>;
  } catch {
    return {}; // None yet, or unreadable: nothing recorded.
  }
}

/**
 * Records that `outDir` holds a build for `settings` (called by scripts/build.mjs once the new
 * folder is in place), so `npm run preview` (scripts/preview.ts) serves it under the base path it
 * was built for, whatever BASE_PATH says when the preview starts.
 */
export function recordBuild(cacheDir: string, outDir: string, settings: Pick<Settings, 'site' | 'base'>): void {
  const file = recordFile(cacheDir);
  const records = readRecords(file);
  records[resolve(outDir)] = { site: settings.site, base: settings.base, stamp: stampOf(outDir) };
  mkdirSync(dirname(file), { recursive: true });
  // Written aside and renamed into place: two builds finishing together never leave half a file.
  writeFileSync(`${file}.${process.pid}`, `${JSON.stringify(records, null, 2)}\n`);
  renameSync(`${file}.${process.pid}`, file);
}

/** The recorded settings of `outDir`, or undefined when none were recorded or the folder was rebuilt since. */
export function builtWith(cacheDir: string, outDir: string): Pick<Settings, 'site' | 'base'> | undefined {
  const record = readRecords(recordFile(cacheDir))[resolve(outDir)];
  if (!record || !existsSync(outDir) || record.stamp !== stampOf(outDir)) return undefined;
  return { site: record.site, base: record.base };
}
