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

/**
 * tests/fixtures/corpora/newsroom-media with its pictures made (scripts/lib/test-photos.ts), under
 * .tmp/<name>, and `longArticles` trial transcripts of about 200 KB each (`longArticle`), older
 * than the media fixtures. Returns its path.
 */
export async function newsroomMediaCorpus(name: string, { longArticles = 0 }: { longArticles?: number } = {}): Promise<string> {
  const files = Object.fromEntries(Array.from({ length: longArticles }, (_, at) => [`transcript-${String(at + 1).padStart(2, '0')}.md`, longArticle(at + 1)]));
  const dir = await photoCorpus(name, { from: join(ROOT, 'tests/fixtures/corpora/newsroom-media'), files });
  await writeNewsroomMediaPictures(dir);
  return dir;
}

/** The last paragraph of every `longArticle`: a full item in a feed ends with it. */
export const LONG_ARTICLE_END = 'The court rose at the end of the day’s evidence (end of fixture transcript).';

/**
 * A trial transcript of about 200 KB (900 exchanges of question and answer), published on day
 * `n` of May 2024: the kind of article that made every full-text feed 6 MB (issue 21).
 */
export function longArticle(n: number): string {
  const exchanges = Array.from(
    { length: 900 },
    (_, at) =>
      `**Counsel:** Exchange ${at + 1} of transcript ${n}: where were you on the evening the shipment left the harbour, and who else knew of it?\n\n**Witness:** I was at the quay office until about nine; the manifest for exchange ${at + 1} was signed by the duty clerk.`,
  );
  return `---\ntitle: "Fixture: trial transcript, day ${n}"\nstandfirst: "Test fixture: the full transcript of day ${n} of a long trial, about 200 KB."\npublished: 2024-05-${String(n).padStart(2, '0')}T09:30:00Z\nsection: World\ntags: [Media fixtures, Transcripts]\n---\n\n${exchanges.join('\n\n')}\n\n${LONG_ARTICLE_END}\n`;
}
