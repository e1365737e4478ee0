import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testPhoto, writeNewsroomMediaPictures } from '../../scripts/lib/test-photos';
import { ROOT, TMP } from './paths';

/** A picture to write into a corpus: its path in the corpus and its size in pixels. */
export interface PhotoSpec {
  path: string;
  width: number;
  height: number;
  seed?: number;
}

/**
 * A content folder under .tmp/<name>: the files of `from` (a fixture corpus), plus `files`
 * (path → text) and generated photos. Returns its path. Large photos are made at test time so
 * none is committed.
 */
export async function photoCorpus(name: string, { from, files = {}, photos = [] }: { from?: string; files?: Record<string, string>; photos?: PhotoSpec[] }): Promise<string> {
  const dir = join(TMP, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (from) cpSync(from, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  for (const photo of photos) {
    mkdirSync(dirname(join(dir, photo.path)), { recursive: true });
    writeFileSync(join(dir, photo.path), await testPhoto(photo.width, photo.height, photo.seed));
  }
  return dir;
}

/** tests/fixtures/corpora/newsroom-media with its pictures made (scripts/lib/test-photos.ts), under .tmp/<name>. Returns its path. */
export async function newsroomMediaCorpus(name: string): Promise<string> {
  const dir = await photoCorpus(name, { from: join(ROOT, 'tests/fixtures/corpora/newsroom-media') });
  await writeNewsroomMediaPictures(dir);
  return dir;
}
