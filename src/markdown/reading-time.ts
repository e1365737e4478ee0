import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { recordReadingMinutes } from './copy-facts.ts';
import { readerText } from './text-of.ts';

/** Words a reader gets through in a minute: the figure most reading-time estimates use. */
export const WORDS_PER_MINUTE = 200;

// Ideographic and syllabic scripts are read a character at a time, so each character counts as a
// word; everything else is a run of letters, digits or joining marks. One regular expression: the
// `reading-time` package gave the same counts but cost 0.6 ms an article (30× this) at 10,000 articles.
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const WORD = new RegExp(String.raw`[${CJK}]|[\p{L}\p{N}\p{M}'’\-]+`, 'gu');

/** How many words a reader reads in a text. */
export function countWords(text: string): number {
  let words = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) words += 1;
  return words;
}

/** Minutes a reader needs for a text, never less than one. */
export function readingMinutes(text: string): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE));
}

/**
 * Counts the words a reader sees in the body, as the page will show it (after the sanitiser and
 * the blocks: `readerText`), and records the reading time (src/markdown/copy-facts.ts). Not the
 * Markdown's text: that holds raw HTML's source, comments and alt text, and runs list items and
 * table cells together.
 */
export function rehypeReadingTime() {
  return (tree: Root, file: VFile) => recordReadingMinutes(file, readingMinutes(readerText(tree)));
}
