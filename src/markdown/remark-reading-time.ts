import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import getReadingTime from 'reading-time';
import type { VFile } from 'vfile';

/** Minutes a reader needs for a text, never less than one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(getReadingTime(text).minutes));
}

/**
 * Counts the body's words and stores the reading time in the rendered entry's metadata
 * (`remarkPluginFrontmatter.readingMinutes`), the channel Astro gives remark plugins.
 */
export function remarkReadingTime() {
  return (tree: Root, file: VFile) => {
    const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
    (astro.frontmatter ??= {}).readingMinutes = readingMinutes(toString(tree));
  };
}
