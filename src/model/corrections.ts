import type { ArticleDate } from './dates.ts';
import type { Language } from './language.ts';
import { absoluteUrl, paths } from './urls.ts';

/**
 * The kinds of note an article's foot carries (front matter `corrections[].kind`), as Newspack's
 * corrections and the Guardian's "corrections and clarifications" column tell them apart: a
 * correction puts an error right; a clarification adds what was missing or unclear, with nothing
 * wrong; an editor's note says something of the piece itself (why it was changed or withdrawn).
 * Only a correction claims to be one in structured data (`schemaType`).
 */
export const CORRECTION_KINDS = {
  correction: { heading: { one: 'Correction', other: 'Corrections' }, logged: true, schemaType: 'CorrectionComment' },
  clarification: { heading: { one: 'Clarification', other: 'Clarifications' }, logged: true, schemaType: 'Comment' },
  'editors-note': { heading: { one: 'Editor’s note', other: 'Editor’s notes' }, logged: false, schemaType: 'Comment' },
} as const satisfies Record<string, { heading: { one: string; other: string }; logged: boolean; schemaType: 'CorrectionComment' | 'Comment' }>;

/** A correction's kind: a key of `CORRECTION_KINDS`. */
export type CorrectionKind = keyof typeof CORRECTION_KINDS;

/** Every kind, in `CORRECTION_KINDS` order: the order an article's foot shows them in. */
export const CORRECTION_KIND_NAMES = Object.keys(CORRECTION_KINDS) as CorrectionKind[];

/** The kind a correction has when the front matter names none. */
export const DEFAULT_CORRECTION_KIND: CorrectionKind = 'correction';

/** The kind a typed value names, ignoring case, surrounding space and `editor's note` spelt with a space or apostrophe; undefined for none. */
export function findCorrectionKind(typed: string): CorrectionKind | undefined {
  const key = typed
    .trim()
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[\s_]+/g, '-')
    .replace(/^editors?-note$/, 'editors-note');
  return Object.hasOwn(CORRECTION_KINDS, key) ? (key as CorrectionKind) : undefined;
}

/** The heading over a group of notes of one kind: "Correction", "Corrections", "Clarification", "Editor’s notes". */
export function correctionHeading(kind: CorrectionKind, count: number): string {
  const { heading } = CORRECTION_KINDS[kind];
  return count === 1 ? heading.one : heading.other;
}

/** A correction, clarification or editor's note as an article shows it. */
export interface Correction {
  kind: CorrectionKind;
  date: ArticleDate;
  /** The note as inline HTML (site-relative links under the base path). */
  html: string;
  /** The same as plain text: structured data's `text`. */
  text: string;
}

/**
 * An article's notes grouped by kind, in `CORRECTION_KIND_NAMES` order, each group oldest first
 * (as `corrections` are); kinds without a note are left out.
 */
export function correctionGroups<Note extends Pick<Correction, 'kind'>>(corrections: readonly Note[]): { kind: CorrectionKind; notes: Note[] }[] {
  const byKind = Map.groupBy(corrections, (correction) => correction.kind);
  return CORRECTION_KIND_NAMES.flatMap((kind) => {
    const notes = byKind.get(kind);
    return notes ? [{ kind, notes }] : [];
  });
}

/** A note in the site-wide log (/corrections/): the note, and the article it corrects. */
export interface LoggedCorrection {
  /** The note's own address: its article's URL path with `#correction-<instant>` (`correctionAnchor`); also its feed items' id. */
  path: string;
  /** The article it corrects: its headline is shown in the article's own language. */
  article: { slug: string; title: string; language: Language };
  kind: CorrectionKind;
  date: ArticleDate;
  html: string;
  text: string;
}

/**
 * The anchor of a note: `correction-` and its instant in UTC, in ISO 8601's basic format
 * (`correction-20240619T040000Z`): letters, digits and a dash, as ids should be, stable across
 * rebuilds, and unique in its article, since no two of an article's notes may share an instant
 * (the schema refuses it: src/schemas/article.ts). Heading ids copy can take are lower-case slugs,
 * so none is ever one of these.
 */
export function correctionAnchor(correction: Pick<Correction, 'date'>): string {
  return `correction-${correction.date.instant.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '')}`;
}

/**
 * Every correction and clarification of the published articles, newest first (an editor's note
 * is not logged: `CORRECTION_KINDS[kind].logged`). Equal instants fall back to the article's
 * slug, then the order given, so every build lists them alike.
 */
export function correctionsLog(
  articles: readonly { slug: string; title: string; language: Language; status: string; corrections: readonly Correction[] }[],
): LoggedCorrection[] {
  const log: (LoggedCorrection & { order: number })[] = [];
  for (const article of articles) {
    if (article.status !== 'published') continue;
    article.corrections.forEach((correction, order) => {
      if (!CORRECTION_KINDS[correction.kind].logged) return;
      log.push({
        path: `${paths.article(article.slug)}#${correctionAnchor(correction)}`,
        article: { slug: article.slug, title: article.title, language: article.language },
        kind: correction.kind,
        date: correction.date,
        html: correction.html,
        text: correction.text,
        order,
      });
    });
  }
  return log
    .sort((a, b) => b.date.instant.getTime() - a.date.instant.getTime() || (a.article.slug < b.article.slug ? -1 : a.article.slug > b.article.slug ? 1 : 0) || b.order - a.order)
    .map(({ order: _order, ...entry }) => entry);
}

/** A logged note's absolute address: what its feed items link to and are identified by. */
export function correctionUrl(entry: Pick<LoggedCorrection, 'path'>, site: URL | string): string {
  return absoluteUrl(entry.path, site);
}
