import type { ArchiveYear } from './articles';

/**
 * How many articles one search shard may hold. Pagefind has no incremental index, so correcting
 * one article indexes its whole shard again: at 1,000 that was 943 articles and 4.3 s after the
 * render of a warm 10,000-article build. Smaller shards also have smaller index chunks, so a
 * search that opens one or two downloads less (10,000 articles, first results, gzip: exact old
 * headline 420 → 334 KB, rare word 147 → 133 KB, common word 119 → 117 KB at 500). At 250, 66
 * shards cost a cold build 5 s more (one Pagefind process each) for 256, 135 and 117 KB. The
 * limit also bounds Pagefind's memory (about 370 KB a page until it writes, Pagefind/pagefind#842).
 * Figures: docs/benchmarks.md.
 */
export const SEARCH_SHARD_LIMIT = 500;

/** One part of the search index: the articles of consecutive months of one year. */
export interface SearchShard<T> {
  /** Its folder under /pagefind/: the year (`2024`), or the year and first month when the year is split (`2024-07`). */
  name: string;
  /** Newest first. */
  articles: T[];
}

/**
 * Splits the published archive into search shards: a year per shard, and a year with more than
 * `limit` articles into runs of whole months of at most `limit` (a single month over the limit is
 * a shard of its own), oldest month first so that new articles only ever change the newest shard.
 * Shards come newest first. A shard is re-indexed only when an article in it changes
 * (src/integrations/search-index.ts), which is why they follow publication dates.
 */
export function searchShards<T>(archive: readonly ArchiveYear<T>[], limit = SEARCH_SHARD_LIMIT): SearchShard<T>[] {
  const shards: SearchShard<T>[] = [];
  for (const { year, count, months } of archive) {
    if (count <= limit) {
      shards.push({ name: year, articles: months.flatMap((month) => month.articles) });
      continue;
    }
    const parts: { first: string; months: (typeof months)[number][]; size: number }[] = [];
    for (const month of [...months].reverse()) {
      const last = parts.at(-1);
      if (last && last.size + month.articles.length <= limit) {
        last.months.unshift(month);
        last.size += month.articles.length;
      } else parts.push({ first: month.month, months: [month], size: month.articles.length });
    }
    for (const part of parts.reverse()) shards.push({ name: `${year}-${part.first}`, articles: part.months.flatMap((month) => month.articles) });
  }
  return shards;
}
