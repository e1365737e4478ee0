/**
 * The search directory's words: which search shards hold which words, so the search page can
 * search first the shards where a query's words are, newest first, instead of every shard of the
 * archive (src/client/search.ts). The build counts them (src/integrations/search-index.ts) and
 * the page looks them up, both through this module, so the two split and spell words alike.
 *
 * The directory is a guide, not the index: Pagefind still decides what matches and how results
 * rank. Its words are the text's own forms, not Pagefind's stems, so a shard holding only another
 * form of a word ("elected" for "election") is not listed for it; the page searches such shards
 * only when the reader asks for more.
 */

/** How many characters of a word name its directory file (a shorter word is its own file). */
export const DIRECTORY_KEY_LENGTH = 3;

/**
 * The words of `text` as Pagefind 1.6 indexes them, so the directory lists a shard for a word
 * only where Pagefind can find it: split at white space; each piece is one word of its letters,
 * digits and underscores (everything else dropped: `l’État` is `letat`, `plan—announced` is
 * `planannounced`), and, where ASCII punctuation splits it, each part too (`U.S.A.` is `usa`,
 * `u`, `s` and `a`). Accents are dropped (canonical decomposition without its combining marks,
 * as Pagefind matches without them) and letters lowercased; compatibility forms are kept (`ﬁ`,
 * full-width letters), as Pagefind keeps them. Text of scripts written without spaces must be
 * separated first (src/text.ts `separateWords`).
 *
 * @example searchWords('Élysée’s 2024 O’Neill-plan') // ['elysees', '2024', 'oneillplan', 'oneill', 'plan']
 */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  const kept = (piece: string) => piece.replace(/[^\p{L}\p{N}_]+/gu, '');
  for (const piece of text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/\s+/u)) {
    const word = kept(piece);
    if (word === '') continue;
    words.push(word);
    if (!/[!-/:-@[-`{-~]/.test(piece)) continue;
    for (const part of piece.split(/[!-/:-@[-`{-~]+/)) {
      const partWord = kept(part);
      if (partWord !== '' && partWord !== word) words.push(partWord);
    }
  }
  return words;
}

/**
 * The directory file that lists `word` and every word beginning as it does: its first
 * `DIRECTORY_KEY_LENGTH` characters (code points), as the hexadecimal of their UTF-8 bytes, so any
 * script makes a plain file name (`sai` → `736169.json`).
 */
export function directoryFile(word: string): string {
  const key = [...word].slice(0, DIRECTORY_KEY_LENGTH).join('');
  return `${[...new TextEncoder().encode(key)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}.json`;
}

/**
 * One directory file: each word to the shards holding it, as pairs of the shard's name
 * (src/model/search-shards.ts) and how many of its articles hold the word, newest shard first.
 */
export type DirectoryFile = Record<string, [shard: string, articles: number][]>;

/**
 * The shards a query's `terms` (from `searchWords`) are all in, by the directory files read for
 * them (`files`, by name), in `shards` order (newest first). A term matches every listed word
 * that begins with it, as Pagefind matches a word being typed; a term shorter than the key
 * matches itself only. Each shard comes with the fewest articles it holds of any one term: at
 * least that many hold it, an estimate of how many hold them all. No terms: no shards.
 */
export function shardsHolding(
  terms: readonly string[],
  files: ReadonlyMap<string, DirectoryFile>,
  shards: readonly string[],
): { shard: string; articles: number }[] {
  if (terms.length === 0) return [];
  let holding: Map<string, number> | undefined;
  for (const term of terms) {
    const file = files.get(directoryFile(term)) ?? {};
    const counts = new Map<string, number>();
    const short = [...term].length < DIRECTORY_KEY_LENGTH;
    for (const [word, listed] of Object.entries(file)) {
      if (short ? word !== term : !word.startsWith(term)) continue;
      for (const [shard, articles] of listed) counts.set(shard, Math.max(counts.get(shard) ?? 0, articles));
    }
    holding = holding
      ? new Map(
          [...holding].flatMap(([shard, articles]) =>
            counts.has(shard) ? [[shard, Math.min(articles, counts.get(shard)!)]] : [],
          ),
        )
      : counts;
  }
  return shards.flatMap((shard) => (holding!.has(shard) ? [{ shard, articles: holding!.get(shard)! }] : []));
}
