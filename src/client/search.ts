/**
 * The search page's client (the markup is src/components/Search.astro). Pagefind's index is
 * static files under <base>pagefind/; it downloads only the fragments of the results shown, a
 * batch at a time. Results appear as the reader types; ?q= in the address works too.
 */

import { separateWords } from '../text';

interface PagefindResult {
  /** `meta` holds what src/integrations/search-index.ts `searchPage` recorded: headline, labels and date. */
  data: () => Promise<{ url: string; excerpt: string; meta: { title?: string; labels?: string; datetime?: string; date?: string } }>;
}
interface Pagefind {
  options: (options: { baseUrl: string; noWorker: boolean }) => Promise<void>;
  mergeIndex: (path: string, options: { baseUrl: string }) => Promise<void>;
  debouncedSearch: (query: string) => Promise<{ results: PagefindResult[] } | null>;
}

/**
 * Wires up the search form: `data-search-script` on the form is the address of Pagefind's
 * script, `data-search-shards` a JSON list of the index shards' folders; the status line, results list and "More results" button (with its `data-batch`) are
 * found by their data-search-* attributes.
 */
export function startSearch(form: HTMLFormElement): void {
  const script = form.dataset['searchScript']!;
  const shards = JSON.parse(form.dataset['searchShards'] ?? '[]') as string[];
  const input = form.querySelector('input')!;
  const status = document.querySelector<HTMLElement>('[data-search-status]')!;
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')!;
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const batch = Number(more.dataset['batch']);
  const count = new Intl.NumberFormat(document.documentElement.lang);
  let pagefind: Promise<Pagefind> | undefined;
  // The results of the query on screen, and how many of them are shown or on their way.
  let current: { results: PagefindResult[]; shown: number } | undefined;

  function load(): Promise<Pagefind> {
    pagefind ??= import(/* @vite-ignore */ script).then(async (module: Pagefind) => {
      // Pagefind records addresses from the site root; the base puts them where the site lives.
      // Its worker would be a second 12 KB script for the same search, which takes milliseconds
      // on the page's own thread.
      await module.options({ baseUrl: import.meta.env.BASE_URL, noWorker: true });
      // The index comes in shards by publication date (src/model/search-shards.ts); merged,
      // Pagefind searches them as one and ranks their results together.
      for (const shard of shards) await module.mergeIndex(shard, { baseUrl: import.meta.env.BASE_URL });
      return module;
    });
    return pagefind;
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
   * Shows the next batch of the current query's results. From the button, focus moves to the
   * first new result, so keyboard and screen-reader users carry on where the new ones begin.
   */
  async function showMore({ focus = false } = {}): Promise<void> {
    const shown = current;
    if (!shown) return;
    // Counted before the download, so a second click while it runs asks for the batch after.
    const batchResults = shown.results.slice(shown.shown, shown.shown + batch);
    shown.shown += batchResults.length;
    more.hidden = shown.shown >= shown.results.length;
    const next = await Promise.all(batchResults.map((result) => result.data()));
    if (current !== shown) return; // The reader typed a new query meanwhile.
    const items = next.map(item);
    list.append(...items);
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  async function run(query: string): Promise<void> {
    // Words of scripts written without spaces are separated as the index separated them.
    const search = await (await load()).debouncedSearch(separateWords(query, document.documentElement.lang));
    if (search === null) return; // A newer keystroke superseded this query.
    const trimmed = query.trim();
    current = { results: search.results, shown: 0 };
    list.replaceChildren();
    const total = search.results.length;
    status.textContent = trimmed === '' ? '' : `${count.format(total)} ${total === 1 ? 'result' : 'results'} for “${trimmed}”`;
    await showMore();
  }

  more.addEventListener('click', () => void showMore({ focus: true }));
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
