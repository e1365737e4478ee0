import { numberedBySeries, partClashes } from '../model/series.ts';
import { tagConflicts } from '../model/tags.ts';
import { routes } from '../model/urls.ts';
import type { ContentProblem } from './problems.ts';
import { codePoints } from './tags.ts';

/** What the check across files needs of a piece in a series. */
export interface SeriesClaim {
  file: string;
  series?: string | undefined;
  part?: number | undefined;
}

/**
 * A series' problems across files: two pieces claiming one part of a series (one problem each, on
 * `part`, naming the other files), and two spellings of a series name that would share one page
 * while differing in more than case (on `series`, every code point spelled out, as for tags).
 */
export function seriesProblems(pieces: readonly SeriesClaim[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const clash of partClashes(
    pieces,
    (piece) => piece.series,
    (piece) => piece.part,
  )) {
    for (const piece of clash.articles) {
      const others = clash.articles.filter((other) => other !== piece).map((other) => other.file);
      problems.push({
        file: piece.file,
        field: 'part',
        message: `expected one piece per part of a series: ${others.join(', ')} also claims part ${clash.part} of "${piece.series}" (renumber one of them)`,
      });
    }
  }
  const named = pieces.filter((piece): piece is SeriesClaim & { series: string } => piece.series !== undefined);
  for (const conflict of tagConflicts(named, (piece) => [piece.series])) {
    for (const { name, articles } of conflict.spellings) {
      const others = conflict.spellings.filter((spelling) => spelling.name !== name).map((spelling) => `"${spelling.name}" (${codePoints(spelling.name)})`);
      const message = `expected series names that keep their own page: "${name}" (${codePoints(name)}) and ${others.join(' and ')} would share ${decodeURI(routes.series(conflict.slug))} (use one spelling)`;
      for (const piece of articles) problems.push({ file: piece.file, field: 'series', message });
    }
  }
  return problems;
}

/** How many missing part numbers a notice spells out before it counts the rest. */
const LISTED_GAPS = 5;

/**
 * What an editor is told of a series whose numbers skip parts no file claims: on the piece with
 * the highest part, the parts missing before it ("Part 9 of 9" where parts 3 to 8 exist nowhere
 * may be a mistyped 3, or parts still to be written). A notice, not a problem: the series is
 * published as numbered. Drafts and scheduled pieces count as claims, as everywhere in the check.
 */
export function seriesNotices(pieces: readonly SeriesClaim[]): ContentProblem[] {
  const notices: ContentProblem[] = [];
  for (const numbered of numberedBySeries(pieces, (piece) => piece.series, (piece) => piece.part).values()) {
    const claimed = new Set(numbered.map((claim) => claim.part));
    const { piece: last, part: highest } = numbered.reduce((best, claim) => (claim.part > best.part ? claim : best));
    const missing: number[] = [];
    let count = 0;
    for (let part = 1; part < highest; part += 1) {
      if (claimed.has(part)) continue;
      count += 1;
      if (missing.length < LISTED_GAPS) missing.push(part);
    }
    if (count === 0) continue;
    const listed = `${missing.join(', ')}${count > missing.length ? ` and ${count - missing.length} more` : ''}`;
    notices.push({
      file: last.file,
      field: 'part',
      message: `part ${highest} of "${last.series}" is numbered past ${count === 1 ? 'a part' : 'parts'} no file claims (${listed}): a mistyped part number, or parts still to be written? Readers see "Part ${highest} of ${highest}"`,
    });
  }
  return notices;
}
