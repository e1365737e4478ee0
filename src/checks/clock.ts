import type { ArticleInput } from '../model/articles.ts';
import { toArticleDate } from '../model/dates.ts';
import { SITE } from '../site.ts';
import type { ContentProblem } from './problems.ts';

/**
 * Updates and corrections dated after the build's clock on articles that are out (published
 * by then, not drafts): a typo in a year would otherwise put "Updated 1 January 2027" on the
 * page and move every feed's modified time into the future. Scheduled articles may carry future
 * dates; they are held back anyway. Returns one problem per date, naming the field as written.
 */
export function changesAfterClock(inputs: readonly ArticleInput[], now: Date): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const clock = now.toISOString();
  for (const { file, data } of inputs) {
    if (data.draft || toArticleDate(data.published, SITE.timeZone).instant > now) continue;
    const late = (canonical: string) => toArticleDate(canonical, SITE.timeZone).instant > now;
    if (data.updated !== undefined && late(data.updated)) {
      problems.push({ file, field: 'updated', message: `expected an update on or before the build's clock (${clock}, BUILD_TIME or now), found ${data.updated}` });
    }
    data.corrections?.forEach((correction, index) => {
      if (late(correction.date)) {
        problems.push({ file, field: `corrections.${index}.date`, message: `expected a correction dated on or before the build's clock (${clock}, BUILD_TIME or now), found ${correction.date}` });
      }
    });
  }
  return problems;
}
