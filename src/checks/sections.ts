import { SECTIONS, type Section } from '../model/sections.ts';
import { likelyMeant } from '../schemas/messages.ts';

/**
 * What to tell an editor whose `section` names no section (src/model/sections.ts `findSection` found
 * none): the sections there are, and the likeliest one meant (within two edits or a third of its
 * letters, by Levenshtein distance) — a typo must not open a new section.
 */
export function sectionProblem(name: string, sections: readonly Section[] = SECTIONS): string {
  const names = sections.map((section) => section.name);
  const likely = likelyMeant(name, names);
  return `expected one of the sections ${names.join(', ')} (src/site.ts), found "${name}"${likely ? ` (did you mean "${likely}"?)` : ''}`;
}
