/**
 * Characters no page or feed may carry, whatever the copy holds: the union of what XML 1.0
 * forbids (§2.2 Char: C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF) and what
 * HTML forbids (WHATWG HTML §13.2.2 "forbidden code points" and the NUL parse error: C0 and C1
 * controls but ASCII whitespace, and the noncharacters U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of
 * every plane). A form feed is dropped too: HTML allows it, XML does not.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/** Drops every character a page or feed may not carry (see UNPRINTABLE); everything else is kept as typed. */
export function dropUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

// Scripts written without spaces between words.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

// One segmenter per locale: every text node of an article asks for the same one.
const segmenters = new Map<string, Intl.Segmenter>();

/**
 * Puts a space between the words of scripts that write none (Chinese, Japanese, Thai, Lao,
 * Khmer, Burmese), as Unicode word segmentation finds them (UAX #29 with ICU's dictionaries,
 * through Intl.Segmenter), so a search index that splits on spaces can find a word inside a
 * sentence. Other text comes back unchanged. The search index and the search page's query both
 * go through it, so they split alike.
 */
export function separateWords(text: string, locale: string): string {
  if (!UNSPACED.test(text)) return text;
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  let out = '';
  let previousWord = false;
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (isWordLike && previousWord) out += ' ';
    out += segment;
    previousWord = Boolean(isWordLike);
  }
  return out;
}
