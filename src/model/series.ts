/**
 * Series: a running story told over several pieces (front matter `series`, optional `part`), listed
 * in reading order at /series/<slug>/ and linked from each of its pieces. Names are matched as tags
 * are (`tagSlug`: case, spacing and invisible characters ignored), and shown in the spelling most
 * of its pieces use.
 */
import { groupByName, tagSlug, type Tag } from './tags.ts';

/** A series with its pieces in reading order (`compareReadingOrder`). */
export type Series<A> = Tag<A>;

/** What reading order needs of a piece. */
export interface SeriesPiece {
  slug: string;
  part?: number | undefined;
  published: { instant: Date };
}

/**
 * Reading order: by `part` (pieces without one after those with one), then by publication, oldest
 * first, then by slug, so the order never depends on the file system.
 */
export function compareReadingOrder(a: SeriesPiece, b: SeriesPiece): number {
  const partA = a.part ?? Number.POSITIVE_INFINITY;
  const partB = b.part ?? Number.POSITIVE_INFINITY;
  if (partA !== partB) return partA < partB ? -1 : 1;
  return a.published.instant.getTime() - b.published.instant.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** The URL slug of a series: the tag rule (`tagSlug`), so "Ukraine: the front line" → `ukraine-the-front-line`. */
export function seriesSlug(name: string): string {
  return tagSlug(name);
}

/**
 * Every series with its pieces in reading order, series sorted by name. `seriesOf` reads a piece's
 * series name (undefined for none). Throws a TagError when two names that differ in more than case
 * share a slug: the content check refuses those first (src/checks/series.ts).
 */
export function groupSeries<A extends SeriesPiece>(articles: readonly A[], seriesOf: (article: A) => string | undefined): Series<A>[] {
  return groupByName(
    articles,
    (article) => {
      const name = seriesOf(article);
      return name === undefined ? [] : [name];
    },
    (names, slug) => `Series ${names} would share /series/${slug}/: run npm run check to see which files and what to do.`,
  ).map((series) => ({ ...series, articles: series.articles.toSorted(compareReadingOrder) }));
}

/**
 * How many parts a series has, as "Part n of m" says: its numbered pieces, or its highest part
 * when a part before it is not out yet (a letter or a piece without a `part` is no part). 0 when
 * no piece has a part.
 */
export function partCount(pieces: readonly Pick<SeriesPiece, 'part'>[]): number {
  const numbered = pieces.filter((piece) => piece.part !== undefined);
  return numbered.reduce((most, piece) => Math.max(most, piece.part!), numbered.length);
}

/**
 * The numbered pieces of each series, by series slug (`seriesSlug`), in the order given: what the
 * rules on parts (`partClashes`, the check's gap notice) read. Pieces without a series or a part,
 * or with a series name that has no slug, are left out.
 */
export function numberedBySeries<A>(articles: readonly A[], seriesOf: (article: A) => string | undefined, partOf: (article: A) => number | undefined): Map<string, { piece: A; part: number }[]> {
  const bySlug = new Map<string, { piece: A; part: number }[]>();
  for (const piece of articles) {
    const name = seriesOf(piece);
    const part = partOf(piece);
    if (name === undefined || part === undefined) continue;
    const slug = seriesSlug(name);
    if (slug === '') continue;
    let numbered = bySlug.get(slug);
    if (!numbered) bySlug.set(slug, (numbered = []));
    numbered.push({ piece, part });
  }
  return bySlug;
}

/** Two or more pieces claiming one part of one series. */
export interface PartClash<A> {
  /** The series' slug (`seriesSlug`). */
  slug: string;
  part: number;
  articles: A[];
}

/**
 * Every part of a series claimed by more than one piece, in series slug then part order, the
 * pieces in the order given. `seriesOf` and `partOf` read a piece's series name and part.
 */
export function partClashes<A>(articles: readonly A[], seriesOf: (article: A) => string | undefined, partOf: (article: A) => number | undefined): PartClash<A>[] {
  const clashes: PartClash<A>[] = [];
  for (const [slug, numbered] of numberedBySeries(articles, seriesOf, partOf)) {
    for (const [part, claims] of Map.groupBy(numbered, (claim) => claim.part)) {
      if (claims.length > 1) clashes.push({ slug, part, articles: claims.map((claim) => claim.piece) });
    }
  }
  return clashes.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.part - b.part));
}

/** One piece as a series box lists it. */
export interface SeriesBoxPiece {
  slug: string;
  title: string;
  part?: number | undefined;
  /** The copy's language, for the title's `lang`. */
  language: { tag: string; direction: 'ltr' | 'rtl' };
}

/**
 * What every piece of a series shows of it (SeriesBox): its name and slug, how many parts it has
 * (`partCount`) and its pieces in reading order, by slug, title and part only. One object per
 * series, in every piece's cache key: a new part re-renders the others' boxes, and nothing else
 * about a piece (a correction to its body) touches them.
 */
export interface SeriesBox {
  name: string;
  slug: string;
  count: number;
  pieces: Required<SeriesBoxPiece>[];
}

/** The box of a series (`SeriesBox`), from its pieces in reading order. */
export function seriesBox(series: Series<SeriesBoxPiece & SeriesPiece>): SeriesBox {
  return {
    name: series.name,
    slug: series.slug,
    count: partCount(series.articles),
    pieces: series.articles.map(({ slug, title, part, language }) => ({ slug, title, part, language })),
  };
}

/** One line of a series box's list: a piece (by its index in reading order), or a gap of `count` pieces left out. */
export type BoxLine = { piece: number } | { gap: number };

/**
 * The lines a series box lists for the piece at `at` (its index in reading order) of `count`: every
 * piece when there are at most `limit`; past that, the first and the last piece and the `around`
 * pieces either side of the current one, each run left out a gap, so a box over a long series
 * (a trial's sixty days) stays a short list while its page lists them all. Throws when `at` is not
 * a piece.
 */
export function boxLines(count: number, at: number, { limit = 12, around = 2 }: { limit?: number; around?: number } = {}): BoxLine[] {
  if (!Number.isInteger(at) || at < 0 || at >= count) throw new Error(`series box: no piece ${at} of ${count}`);
  if (count <= limit) return Array.from({ length: count }, (_, piece) => ({ piece }));
  const shown = new Set([0, count - 1]);
  for (let piece = Math.max(0, at - around); piece <= Math.min(count - 1, at + around); piece += 1) shown.add(piece);
  const lines: BoxLine[] = [];
  let last = -1;
  for (const piece of [...shown].sort((a, b) => a - b)) {
    if (piece - last > 1) lines.push({ gap: piece - last - 1 });
    lines.push({ piece });
    last = piece;
  }
  return lines;
}
