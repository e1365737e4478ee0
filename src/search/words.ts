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
 * One directory file as the search page reads it: each word to the shards holding it, as pairs of
 * the shard's name (src/model/search-shards.ts) and how many of its articles hold the word,
 * newest shard first.
 */
export type DirectoryFile = Record<string, [shard: string, articles: number][]>;

/**
 * One directory file as it is stored: each word to a flat list of number pairs, oldest shard
 * first: the shard, counted from the archive's oldest (0), given by the first pair as itself and
 * by each later pair as the step from the one before; then how many of its articles hold the
 * word. `[3, 12, 2, 40]`: the fourth-oldest shard holds it in 12 articles, the sixth in 40. A
 * word most shards hold lists a run of small steps, which gzip packs about twice as tightly as
 * the shards' names (16 KB to 7 KB for "the…" at 50,000 articles).
 */
export type StoredDirectoryFile = Record<string, number[]>;

/**
 * A word's entry in a `StoredDirectoryFile`, from its shards as pairs of their number counted from
 * the oldest (0) and its article count, oldest first.
 *
 * @throws RangeError when the numbers do not rise.
 */
export function storedEntry(listed: readonly [shard: number, articles: number][]): number[] {
  let previous = -1;
  return listed.flatMap(([shard, articles]) => {
    if (shard <= previous) throw new RangeError(`search directory: shard ${shard} listed after ${previous}`);
    const step = previous < 0 ? shard : shard - previous;
    previous = shard;
    return [step, articles];
  });
}

/**
 * A stored directory file as the search page reads it, given the archive's `shards` by name,
 * newest first (the same build's list). A shard number past the list's end (a file kept by a
 * cache from an older build) is left out.
 */
export function readDirectoryFile(stored: StoredDirectoryFile, shards: readonly string[]): DirectoryFile {
  const file: DirectoryFile = {};
  for (const [word, entry] of Object.entries(stored)) {
    const listed: [string, number][] = [];
    for (let index = 0, shard = 0; index + 1 < entry.length; index += 2) {
      shard = index === 0 ? entry[index]! : shard + entry[index]!;
      const name = shards[shards.length - 1 - shard];
      if (name !== undefined) listed.unshift([name, entry[index + 1]!]);
    }
    Object.defineProperty(file, word, { value: listed, enumerable: true, writable: true, configurable: true });
  }
  return file;
}

/**
 * The shards a query's `terms` (from `searchWords`) are all in, by the directory files read for
 * them (`files`, by name), newest first (`shards` order); for several terms, first those holding
 * every term as a word of its own, then those holding only words some terms begin, each newest
 * first (one word is most likely being typed, and its other forms are as good). A term matches
 * every listed word that begins with it, as Pagefind matches a word being typed (and a number
 * the longer numbers it begins: "No. 3867" is a headline's own number, but 38672 is in a hundred
 * articles); a term shorter than the key matches itself only. Each shard comes with the fewest
 * articles it holds of any one term (at least that many hold it, an estimate of how many hold
 * them all), and whether it holds every term as a word of its own. No terms: no shards.
 */
export function shardsHolding(
  terms: readonly string[],
  files: ReadonlyMap<string, DirectoryFile>,
  shards: readonly string[],
): { shard: string; articles: number; exact: boolean }[] {
  if (terms.length === 0) return [];
  let holding: Map<string, number> | undefined;
  let exact: Set<string> | undefined;
  for (const term of terms) {
    const counts = termCounts(term, files, Math.max);
    const file = files.get(directoryFile(term)) ?? {};
    const own = new Set(Object.hasOwn(file, term) ? file[term]!.map(([shard]) => shard) : []);
    holding = holding
      ? new Map(
          [...holding].flatMap(([shard, articles]) =>
            counts.has(shard) ? [[shard, Math.min(articles, counts.get(shard)!)]] : [],
          ),
        )
      : counts;
    exact = exact ? new Set([...exact].filter((shard) => own.has(shard))) : own;
  }
  const listed = shards.flatMap((shard) =>
    holding!.has(shard) ? [{ shard, articles: holding!.get(shard)!, exact: exact!.has(shard) }] : [],
  );
  if (new Set(terms).size === 1) return listed;
  return [...listed.filter((held) => held.exact), ...listed.filter((held) => !held.exact)];
}

/**
 * How many articles of each shard hold `term`, by its directory file: every listed word it
 * matches (as `shardsHolding` matches), their counts in a shard combined by `combine`: `Math.max`
 * for the fewest that surely hold it, addition for the most that may.
 */
function termCounts(
  term: string,
  files: ReadonlyMap<string, DirectoryFile>,
  combine: (a: number, b: number) => number,
): Map<string, number> {
  const file = files.get(directoryFile(term)) ?? {};
  const counts = new Map<string, number>();
  const short = [...term].length < DIRECTORY_KEY_LENGTH;
  for (const [word, listed] of Object.entries(file)) {
    if (short ? word !== term : !word.startsWith(term)) continue;
    for (const [shard, articles] of listed)
      counts.set(shard, counts.has(shard) ? combine(counts.get(shard)!, articles) : articles);
  }
  return counts;
}

/**
 * Of a query's `terms`, the one the fewest articles of `shards` may hold, by the directory (its
 * matching words' counts added up): the term a first search asks Pagefind for alone. Pagefind
 * downloads, for every term of a query and every shard searched, the part of the index holding
 * that term (about 25 KB), so a headline of twelve words cost 250 KB before its first result;
 * the rarest term costs one part and finds the fewest candidates to check (`holdsEvery`). Ties go
 * to the longer term, then the earlier. No terms: undefined.
 */
export function rarestTerm(
  terms: readonly string[],
  files: ReadonlyMap<string, DirectoryFile>,
  shards: readonly string[],
): string | undefined {
  let rarest: { term: string; articles: number } | undefined;
  for (const term of terms) {
    const counts = termCounts(term, files, (a, b) => a + b);
    const articles = shards.reduce((sum, shard) => sum + (counts.get(shard) ?? 0), 0);
    if (!rarest || articles < rarest.articles || (articles === rarest.articles && [...term].length > [...rarest.term].length))
      rarest = { term, articles };
  }
  return rarest?.term;
}

/**
 * Whether `text` (a result's text, as Pagefind gives it) holds every one of `terms` as a word of
 * its own (`searchWords`). Pagefind takes more: a word whose stem begins with the term's stem
 * (pagefind_web/src/search.rs `find_word_extensions`), so "minister" finds "ministry". Nothing
 * simpler takes only what Pagefind takes: a term beginning a word is not enough ("policy" begins
 * "policymakers", but its stem, polici…, does not; "runn" begins "running", whose stem is run…),
 * and porter2's stems are not Pagefind 1.6's ("added": ad…, add…), both found by breakers. So a
 * result holding a word in another form only is listed when the whole query is asked.
 */
export function holdsEvery(terms: readonly string[], text: string): boolean {
  const words = new Set(searchWords(text));
  return terms.every((term) => words.has(term));
}

/**
 * Whether `holdsEvery` can read `query` as Pagefind does: every character a letter, digit, mark,
 * punctuation or space (Pagefind indexes an emoji or another symbol as a word of its own, which
 * `searchWords` drops), and not a phrase in ASCII double quotes, which Pagefind searches as one
 * (its `exact_search`, pagefind_web_js/lib/coupled_search.ts). Both found by breakers.
 */
export function plainQuery(query: string): boolean {
  return !/[^\p{L}\p{N}\p{M}\p{P}\s]/u.test(query) && !/^\s*".+"\s*$/.test(query);
}
