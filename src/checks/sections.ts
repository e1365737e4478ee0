import { closest, distance } from 'fastest-levenshtein';
import { SECTIONS, type Section } from '../model/sections.ts';
import { nameKey } from '../names.ts';

/**
 * What to tell an editor whose `section` names no section (src/model/sections.ts `findSection` found
 * none): the sections there are, and the likeliest one meant (within two edits or a third of its
 * letters, by Levenshtein distance) — a typo must not open a new section.
 */
export function sectionProblem(name: string, sections: readonly Section[] = SECTIONS): string {
  const names = sections.map((section) => section.name);
  const nearest = closest(name, names);
  // Section names are short: two edits (a swapped pair of letters) still read as a typo.
  const likely = distance(nameKey(name), nameKey(nearest)) <= Math.max(2, Math.floor(name.length / 3));
  return `expected one of the sections ${names.join(', ')} (src/site.ts), found "${name}"${likely ? ` (did you mean "${nearest}"?)` : ''}`;
}
