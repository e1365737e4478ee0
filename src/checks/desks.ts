import { closest, distance } from 'fastest-levenshtein';
import { DESKS, type Desk } from '../model/desks.ts';
import { nameKey } from '../text.ts';

/**
 * What to tell an editor whose `section` names no desk (src/model/desks.ts `findDesk` found
 * none): the desks there are, and the likeliest one meant (within two edits or a third of its
 * letters, by Levenshtein distance) — a typo must not open a new desk.
 */
export function deskProblem(name: string, desks: readonly Desk[] = DESKS): string {
  const names = desks.map((desk) => desk.name);
  const nearest = closest(name, names);
  // Desk names are short: two edits (a swapped pair of letters) still read as a typo.
  const likely = distance(nameKey(name), nameKey(nearest)) <= Math.max(2, Math.floor(name.length / 3));
  return `expected one of the desks ${names.join(', ')} (src/site.ts), found "${name}"${likely ? ` (did you mean "${nearest}"?)` : ''}`;
}
