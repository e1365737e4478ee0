/**
 * A picture file that sits beside an article and is published with it under /media/<slug>/.
 * Found and sized by the checks (src/checks/media.ts); the model only carries it.
 */
export interface MediaFile {
  /** As the Markdown or front matter wrote it, e.g. `./photo.jpg`. */
  source: string;
  /** Path below the article's media folder, e.g. `photo.jpg`. */
  name: string;
  /** Where the file is on disk. */
  fsPath: string;
  /** MIME type, e.g. `image/jpeg`. */
  type: string;
  /** Size in bytes: what RSS enclosures must state. */
  length: number;
  /** SHA-256 of the bytes (base64url): a picture changed in place changes the pages that show it (src/model/cache-keys.ts). */
  digest: string;
}
