import { TZDate } from '@date-fns/tz';
// By file, not from the index (src/model/dates.ts says why).
import { differenceInYears } from 'date-fns/differenceInYears';
import type { ArticleType } from './article-types';

/** When a piece says how old it is (SITE.ageNotice). */
export interface AgeNoticeSettings {
  /** Whole years after publication from which the notice shows, 1 or more. */
  afterYears: number;
  /** Kinds of piece that never show it (an obituary's age is its point). */
  exemptTypes: readonly ArticleType[];
}

/**
 * Whole years between `published` and `now` as the newsroom's wall clock counts them (in
 * `timeZone`, through date-fns's `differenceInYears` on zoned dates): a piece published on
 * 18 June 2024 (midnight there) turns one at midnight on 18 June 2025 in that zone, whatever the
 * offset then and wherever the build runs; a timed piece at its time of day. A piece published on
 * 29 February turns one on 1 March (date-fns's rule). Never negative.
 */
export function wholeYears(published: Date, now: Date, timeZone: string): number {
  return Math.max(0, differenceInYears(new TZDate(now.getTime(), timeZone), new TZDate(published.getTime(), timeZone)));
}

/**
 * The age notice a piece shows by the build's clock `now`: the whole years since publication
 * (`wholeYears`) once they reach `settings.afterYears`, else undefined; undefined as well for a
 * kind in `settings.exemptTypes` and for a piece readers cannot see yet (a draft or scheduled
 * piece in a preview). This number is the page's age bucket: it is in the page's cache key, so
 * a build whose clock crosses an anniversary re-renders exactly the pieces that cross it.
 */
export function ageNoticeYears(
  article: { published: { instant: Date }; type: ArticleType; status: string },
  now: Date,
  timeZone: string,
  settings: AgeNoticeSettings,
): number | undefined {
  if (article.status !== 'published' || settings.exemptTypes.includes(article.type)) return undefined;
  const years = wholeYears(article.published.instant, now, timeZone);
  return years >= settings.afterYears ? years : undefined;
}

/**
 * The notice's words, in the page's language (`locale`, e.g. en-GB), the number as people write it
 * and the unit in the locale's plural (Intl.NumberFormat's long unit): "This article is more than 1
 * year old", "… more than 2 years old", "… more than 12 years old".
 */
export function ageNoticeText(years: number, locale: string): string {
  return `This article is more than ${new Intl.NumberFormat(locale, { style: 'unit', unit: 'year', unitDisplay: 'long' }).format(years)} old`;
}
