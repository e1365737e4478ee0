/**
 * The search page's client (the markup is src/components/Search.astro). Pagefind's index is
 * static files under <base>pagefind/; it downloads only the fragments of the results shown, a
 * batch at a time. Results appear as the reader types; ?q= in the address works too.
 */

import { separateWords } from '../text';
import {
  directoryFile,
  holdsEvery,
  plainQuery,
  rarestTerm,
  readDirectoryFile,
  searchWords,
  shardsHolding,
  type DirectoryFile,
  type StoredDirectoryFile,
} from '../search/words';

interface PagefindResult {
  /** Pagefind's page id: the same page keeps it however many shards are merged. */
  id: string;
  /** `meta` holds what src/search/page.ts `searchPage` recorded: headline, labels and date. */
  data: () => Promise<PagefindData>;
}
/** A result's fragment: `content` is the text Pagefind indexed, headline included. */
interface PagefindData {
  url: string;
  content: string;
  excerpt: string;
  meta: { title?: string; labels?: string; datetime?: string; date?: string };
}
/** A Pagefind instance (`createInstance` in Pagefind 1.6's pagefind.js): one shard, and those merged into it. */
interface PagefindInstance {
  mergeIndex: (path: string, options: { baseUrl: string }) => Promise<void>;
  search: (query: string) => Promise<{ results: PagefindResult[] }>;
}
interface PagefindModule {
  createInstance: (options: { basePath: string; baseUrl: string; noWorker: boolean }) => PagefindInstance;
}
/** A search shard as the page lists it (src/components/Search.astro). */
interface Shard {
  name: string;
  /** Its folder's address, base path included. */
  path: string;
  articles: number;
}

// How long typing must pause before a search runs, as Pagefind's own debouncedSearch waits.
const PAUSE_MS = 300;
// The most shards a query's first search opens. Each costs its page list (about 8 KB for 1,000
// articles) and, for every word of the query, the part of its index holding that word (about
// 25 KB, whatever the word: Pagefind packs 20,000 entries a part, pagefind/src/index/mod.rs
// chunk_index); two keep the first results near 150 KB with Pagefind's 73 KB script and WebAssembly.
const FIRST_SHARDS = 2;
// The most directory files one query reads (one per word beginning): enough for any headline,
// whose rarest word (a name, a number) often comes last, so its shards are found by the
// directory; a pasted paragraph is looked up by its first words only. Most files are under
// 1 KB gzipped, the largest about 7 KB at 50,000 articles.
const DIRECTORY_FILES = 24;
// The most results of the rarest term a first search checks for the query's other words (each
// check downloads the result's fragment, about 2 KB, which a result shown needs anyway) before it
// asks Pagefind the whole query instead.
const CHECKED_CANDIDATES = 30;

/**
 * Wires up the search form: `data-search-script` on the form is the address of Pagefind's
 * script, `data-search-directory` that of the search directory (src/search/words.ts) and
 * `data-search-shards` the JSON list of the index's shards, newest first; the status line,
 * results list and "More results" button (with its `data-batch`) are found by their
 * data-search-* attributes.
 *
 * A query first searches the shards the directory says hold all its words, newest first, until
 * they should give a batch of results (at most FIRST_SHARDS), so the first results cost the same
 * at any archive size; the button then searches further shards (the rest of those, then every
 * other, newest first) as the reader asks, and the status line says how many of the archive's
 * articles have been searched.
 *
 * A query of several words is first asked by its rarest word alone (`rarestTerm`), whose results
 * are checked for the other words (`holdsEvery`) and listed as "at least" so many: Pagefind downloads a part of
 * the index for every word in every shard, so asking a twelve-word headline whole cost 334 KB
 * before its first result. The button then asks the whole query, ranked on every word.
 */
export function startSearch(form: HTMLFormElement): void {
  const script = form.dataset['searchScript']!;
  const directoryPath = form.dataset['searchDirectory']!;
  const shards = JSON.parse(form.dataset['searchShards'] ?? '[]') as Shard[];
  const input = form.querySelector('input')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const batch = Number(more.dataset['batch']);
  const lang = document.documentElement.lang;
  const count = new Intl.NumberFormat(lang);
  const total = shards.reduce((sum, shard) => sum + shard.articles, 0);
  const baseUrl = import.meta.env.BASE_URL;
  let module: Promise<PagefindModule> | undefined;
  // One Pagefind instance for the page, started on the first shard searched; each shard is merged
  // into it once, and every later search covers all the shards merged so far.
  let pagefind: Promise<PagefindInstance> | undefined;
  const merged = new Map<string, Promise<void>>();
  const directory = new Map<string, Promise<DirectoryFile>>();
  // Bumped by every query, so a slower, older one never overwrites a newer one's results.
  let latest = 0;
  // The query on screen: its words, the order its shards are searched in, its results so far,
  // and which of them are shown or on their way.
  let current:
    | {
        query: string;
        order: Shard[];
        results: PagefindResult[];
        shown: Set<string>;
        listed: Promise<void>;
        /** Listed from its rarest word's results (`firstByRarest`), not yet asked whole. */
        partial: boolean;
      }
    | undefined;

  /** Merges `chosen` into the page's Pagefind instance (starting it on the first), each once. */
  async function searchIn(chosen: readonly Shard[]): Promise<PagefindInstance> {
    if (!pagefind) {
      const [first] = chosen;
      if (!first) throw new Error('search: no shard to start on');
      // Pagefind records addresses from the site root; the base puts them where the site lives.
      // Its worker would be a second 12 KB script for the same search, which takes milliseconds
      // on the page's own thread.
      module ??= import(/* @vite-ignore */ script) as Promise<PagefindModule>;
      pagefind = module.then((loaded) => loaded.createInstance({ basePath: first.path, baseUrl, noWorker: true }));
      merged.set(
        first.name,
        pagefind.then(() => undefined),
      );
    }
    const instance = await pagefind;
    for (const shard of chosen) if (!merged.has(shard.name)) merged.set(shard.name, instance.mergeIndex(shard.path, { baseUrl }));
    await Promise.all(chosen.map((shard) => merged.get(shard.name)));
    return instance;
  }

  /**
   * One directory file, fetched once. A missing one (404: no word of the archive begins so)
   * lists no words; one that could not be read (the network failed, the host answered with an
   * error) lists none this time and is asked for again by the next query.
   */
  function directoryFileNamed(name: string): Promise<DirectoryFile> {
    let file = directory.get(name);
    if (!file) {
      file = fetch(`${directoryPath}${name}`)
        .then((response) => {
          if (response.ok)
            return (response.json() as Promise<StoredDirectoryFile>).then((stored) =>
              readDirectoryFile(
                stored,
                shards.map((shard) => shard.name),
              ),
            );
          if (response.status === 404) return {};
          throw new Error(`${response.status}`);
        })
        .catch(() => {
          directory.delete(name);
          return {};
        });
      directory.set(name, file);
    }
    return file;
  }

  /**
   * A part of the index could not be downloaded. Pagefind keeps a shard it could not load and
   * fails every later search, so the page's instance is dropped and the next query starts a new
   * one; the status line says what happened.
   */
  function failed(): void {
    pagefind = undefined;
    module = undefined;
    merged.clear();
    current = undefined;
    status.textContent = 'Search could not download part of the archive. Check the connection and search again.';
    offer();
  }

  /** How many of the archive's articles the merged shards hold. */
  function searched(): number {
    return shards.reduce((sum, shard) => sum + (merged.has(shard.name) ? shard.articles : 0), 0);
  }

  /** Says how many results the query has, and in how much of the archive when not all of it. */
  function report(query: string, found: number, partial = false): void {
    // Partial (`firstByRarest`): only some of the articles searched were checked, so the count is
    // a floor, said as one.
    const results = `${partial ? 'At least ' : ''}${count.format(found)} ${found === 1 ? 'result' : 'results'} for “${query}”`;
    const done = searched();
    status.textContent = done >= total ? results : `${results} in ${count.format(done)} of ${count.format(total)} articles`;
  }

  /** What the button offers: results already found, else more of the archive, else nothing. */
  function offer(): void {
    const shown = current;
    const unseen = shown ? shown.results.some((result) => !shown.shown.has(result.id)) : false;
    const unsearched = shown ? shown.order.some((shard) => !merged.has(shard.name)) : false;
    const partial = shown?.partial ?? false;
    more.textContent = unseen || partial || !unsearched ? 'More results' : 'Search more articles';
    more.hidden = !unseen && !partial && !unsearched;
  }

  function item(result: Awaited<ReturnType<PagefindResult['data']>>): HTMLLIElement {
    const entry = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    entry.append(link);
    // The labels (the section first) and the date, as cards show them: worded at build time
    // (src/search/documents.ts), so the client words nothing.
    const { labels, datetime, date } = result.meta;
    if (labels || date) {
      const facts = document.createElement('p');
      facts.className = 'search-result__meta';
      if (labels) facts.append(labels);
      if (labels && date) facts.append(' · ');
      if (date) {
        const time = document.createElement('time');
        if (datetime) time.dateTime = datetime;
        time.textContent = date;
        facts.append(time);
      }
      entry.append(facts);
    }
    const excerpt = document.createElement('p');
    // Pagefind's excerpt is the page's own text, escaped, with <mark> around the matches.
    excerpt.innerHTML = result.excerpt;
    entry.append(excerpt);
    return entry;
  }

  /**
   * Shows the next batch of the current query's results. When every result found is shown and
   * the reader asked (`widen`: the button), it first searches further shards in the query's order (one, then two, then four… at a time)
   * until new results turn up or the whole archive is searched; the ranking then covers every
   * shard searched, and the batch is its best results not yet shown. From the button, focus
   * moves to the first new result, so keyboard and screen-reader users carry on where the new
   * ones begin (or to the status line, when there are none and the button is gone).
   */
  async function showMore({ focus = false, widen = false } = {}): Promise<void> {
    const shown = current;
    if (!shown) return;
    try {
      await showMoreOf(shown, { focus, widen });
    } catch {
      if (current === shown) failed();
    }
  }

  async function showMoreOf(
    shown: NonNullable<typeof current>,
    { focus, widen }: { focus: boolean; widen: boolean },
  ): Promise<void> {
    const unseen = () => shown.results.filter((result) => !shown.shown.has(result.id)).slice(0, batch);
    if (shown.partial && widen) {
      // Asked for more: the whole query, ranked on every word, in the shards searched so far.
      const { results } = await (
        await searchIn(shown.order.filter((shard) => merged.has(shard.name)))
      ).search(pagefindQuery(shown.query));
      if (current !== shown) return;
      shown.partial = false;
      shown.results = results;
      report(shown.query, results.length);
    }
    let next = unseen();
    for (let step = 1; widen && next.length === 0; step *= 2) {
      const chosen = shown.order.filter((shard) => !merged.has(shard.name)).slice(0, step);
      if (chosen.length === 0) break;
      const { results } = await (await searchIn(chosen)).search(pagefindQuery(shown.query));
      if (current !== shown) return; // The reader typed a new query meanwhile.
      shown.results = results;
      report(shown.query, results.length);
      next = unseen();
    }
    // Marked before the download, so a second click while it runs asks for the batch after; each
    // batch waits for the one before it, so they are listed in order whichever arrives first.
    for (const result of next) shown.shown.add(result.id);
    offer();
    const before = shown.listed;
    const listing = Promise.all(next.map((result) => result.data())).then(async (data) => {
      await before;
      if (current !== shown) return;
      const items = data.map(item);
      list.append(...items);
      // Nothing new and the button gone: focus goes to the status line, which says so, rather
      // than being dropped to the page's start.
      if (focus) (items[0]?.querySelector('a') ?? (more.hidden ? status : undefined))?.focus();
    });
    shown.listed = listing.catch(() => undefined);
    await listing;
  }

  /** The query as Pagefind reads it: words of scripts written without spaces separated as the index separated them. */
  function pagefindQuery(query: string): string {
    return separateWords(query, lang);
  }

  async function run(query: string): Promise<void> {
    const id = ++latest;
    try {
      await runQuery(query, id);
    } catch {
      if (id === latest) failed();
    }
  }

  async function runQuery(query: string, id: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    if (id !== latest) return; // A newer keystroke superseded this query.
    const trimmed = query.trim();
    const words = searchWords(pagefindQuery(trimmed));
    // Nothing to look for (an empty box, punctuation alone, an archive with nothing published):
    // nothing is downloaded and nothing offered.
    if (words.length === 0 || shards.length === 0) {
      current = undefined;
      list.replaceChildren();
      if (trimmed === '') status.textContent = '';
      else if (words.length === 0) status.textContent = `“${trimmed}” has no words to search for.`;
      else report(trimmed, 0);
      offer();
      return;
    }
    // The shards holding every word of the query, by the directory, newest first; then the rest.
    // A pasted paragraph is looked up by its first words only: fewer words can only list more shards.
    const names = [...new Set(words.map(directoryFile))].slice(0, DIRECTORY_FILES);
    const terms = words.filter((term) => names.includes(directoryFile(term)));
    const files = new Map(await Promise.all(names.map(async (name) => [name, await directoryFileNamed(name)] as const)));
    if (id !== latest) return;
    const holding = shardsHolding(
      terms,
      files,
      shards.map((shard) => shard.name),
    );
    const likely = holding.map(({ shard }) => shards.find(({ name }) => name === shard)!);
    const order = [...likely, ...shards.filter((shard) => !likely.includes(shard))];
    // First, as many of those as should hold a batch of results between them, up to FIRST_SHARDS
    // (the newest shard when the directory lists none: a word being typed, or one only another
    // form of which is listed); for several words, of those holding every word as typed when any
    // do: a shard holding only longer words the query's begin ("38672" for "No. 3867") waits for
    // the reader to ask (`shardsHolding` lists those shards first).
    const distinctTerms = [...new Set(terms)];
    const exact = distinctTerms.length > 1 ? holding.filter((held) => held.exact).length : 0;
    const first: Shard[] = [];
    for (let expected = 0, index = 0; expected < batch && index < Math.min(exact || holding.length, FIRST_SHARDS); index += 1) {
      first.push(likely[index]!);
      expected += holding[index]!.articles;
    }
    if (first.length === 0) first.push(order[0]!);
    // Several words, all of them words of their own in shards the directory lists (no result
    // elsewhere could pass the check): asked first by the rarest alone in those shards, and its
    // results checked for every word (those past DIRECTORY_FILES too). Not when the query
    // holds an emoji or another symbol, which Pagefind reads as a word and the check cannot.
    // An archive the first search covers whole is asked whole: nothing is left to save, and its
    // count is then exact (found by a newcomer: "At least 1 result" on a one-article site).
    const distinct = [...new Set(words)];
    if (distinct.length > 1 && exact > 0 && first.length < shards.length && plainQuery(trimmed)) {
      const rarest = rarestTerm(
        distinctTerms,
        files,
        first.map((shard) => shard.name),
      )!;
      const found = await firstByRarest(distinct, rarest, first, likely.slice(0, exact), id);
      if (id !== latest) return;
      if (found.length > 0) {
        current = {
          query: trimmed,
          order,
          results: found.map(({ result }) => result),
          shown: new Set(found.map(({ result }) => result.id)),
          listed: Promise.resolve(),
          partial: true,
        };
        list.replaceChildren(...found.map(({ data }) => item(data)));
        report(trimmed, found.length, true);
        offer();
        return;
      }
    }
    let { results } = await (await searchIn(first)).search(pagefindQuery(trimmed));
    // Nothing there: each word is in the other likely shards, but perhaps not all in one article
    // there either. Go on through them, newest first, one then two then four at a time, until one
    // result is found; never further without the reader asking (a word found nowhere stops here).
    for (let step = 1; results.length === 0; step *= 2) {
      const next = likely.filter(({ name }) => !merged.has(name)).slice(0, step);
      if (next.length === 0 || id !== latest) break;
      ({ results } = await (await searchIn(next)).search(pagefindQuery(trimmed)));
    }
    if (id !== latest) return;
    current = { query: trimmed, order, results, shown: new Set(), listed: Promise.resolve(), partial: false };
    list.replaceChildren();
    report(trimmed, results.length);
    await showMore();
  }

  /**
   * The first results of a query of several `terms`: Pagefind's results for the `rarest` alone in
   * the `first` shards (then in the other `likely` ones, those holding every term as a word of its own, newest first, one then two then four at a
   * time), best first, checked a batch at a time for the other terms, until one holds them all
   * or CHECKED_CANDIDATES have been checked. Those holding every term, in Pagefind's order; none
   * when none did (the caller then asks the whole query) or a newer query superseded this one.
   */
  async function firstByRarest(
    terms: readonly string[],
    rarest: string,
    first: readonly Shard[],
    likely: readonly Shard[],
    id: number,
  ): Promise<{ result: PagefindResult; data: PagefindData }[]> {
    const checked = new Set<string>();
    const found: { result: PagefindResult; data: PagefindData }[] = [];
    let { results } = await (await searchIn(first)).search(pagefindQuery(rarest));
    for (let step = 1; ;) {
      if (id !== latest) return [];
      const candidates = results
        .filter((result) => !checked.has(result.id))
        .slice(0, Math.min(batch, CHECKED_CANDIDATES - checked.size));
      if (candidates.length === 0) {
        // Every candidate here checked: the next likely shards, unless enough were checked.
        const next = likely.filter(({ name }) => !merged.has(name)).slice(0, step);
        if (next.length === 0 || checked.size >= CHECKED_CANDIDATES) return [];
        step *= 2;
        ({ results } = await (await searchIn(next)).search(pagefindQuery(rarest)));
        continue;
      }
      const data = await Promise.all(candidates.map((result) => result.data()));
      candidates.forEach((result, index) => {
        checked.add(result.id);
        if (holdsEvery(terms, data[index]!.content)) found.push({ result, data: data[index]! });
      });
      if (found.length > 0) return found;
    }
  }

  more.addEventListener('click', () => void showMore({ focus: true, widen: true }));
  form.addEventListener('submit', (event) => event.preventDefault());
  input.addEventListener('input', () => {
    const query = input.value;
    history.replaceState(null, '', query ? `?q=${encodeURIComponent(query)}` : location.pathname);
    void run(query);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
