import { CORRECTION_KIND_NAMES, type CorrectionKind } from './model/corrections.ts';

/** The page chrome's ids and keys, shared by components, the Markdown pipeline (which keeps copy from taking these ids) and the theme script. */
/** The `id` of each page's `<main>`: the skip link's target. */
export const MAIN_ID = 'main';

/** The id of the related-articles heading, which labels its section. */
export const RELATED_HEADING_ID = 'related-heading';

/** The id of the search page's query field, which its label points at. */
export const SEARCH_QUERY_ID = 'search-query';

/** The id of the corrections at an article's foot (every kind): where the corrections log links. */
export const CORRECTIONS_ID = 'corrections';

/** The id of the heading over one kind of note at an article's foot, which labels its section: `correction-heading`, `clarification-heading`, `editors-note-heading`. */
export function correctionHeadingId(kind: CorrectionKind): string {
  return `${kind}-heading`;
}

/** The id of the series box's heading, after an article in a series, which labels its navigation. */
export const SERIES_BOX_HEADING_ID = 'series-box-title';

/**
 * Every id the page around an article uses. Copy never takes one of these (the Markdown
 * pipeline numbers a clashing heading instead: src/markdown/rehype-ids.ts); the end-to-end tests
 * fail on a chrome id missing from this list.
 */
export const CHROME_IDS: readonly string[] = [
  MAIN_ID,
  RELATED_HEADING_ID,
  SEARCH_QUERY_ID,
  CORRECTIONS_ID,
  ...CORRECTION_KIND_NAMES.map(correctionHeadingId),
  SERIES_BOX_HEADING_ID,
];

/** Where the theme toggle stores the reader's choice ('light' | 'dark'). */
export const THEME_KEY = 'broadsheet-theme';
