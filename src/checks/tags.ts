import { tagConflicts } from '../model/tags.ts';
import type { ContentProblem } from './problems.ts';

/**
 * The one wording of a tag conflict, for one spelling against the others: what the check prints
 * for each article, in `npm run check` and before every build.
 */
export function tagConflictMessage(name: string, others: readonly string[], slug: string): string {
  // Spellings that share a slug agree in their letters and digits, so they differ in marks that
  // may be hard to see ("e-mail" and "e‑mail"): every code point is spelled out.
  const quoted = (spelling: string) => `"${spelling}" (${codePoints(spelling)})`;
  const spellings = others.map(quoted).join(' and ');
  return `expected tags that keep their own page: ${quoted(name)} and ${spellings} would share /tags/${slug}/ (use one spelling, or tell them apart with letters or digits)`;
}

/** `U+0043 U+0023` for "C#". */
export function codePoints(text: string): string {
  return [...text].map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/**
 * Tags that would silently merge, as problems: one per article per spelling, on its `tags`
 * field, each naming the other spellings and the page they would share (`tagConflictMessage`).
 */
export function tagProblems(articles: readonly { file: string; tags: readonly string[] }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const conflict of tagConflicts(articles, (article) => article.tags)) {
    for (const { name, articles: tagged } of conflict.spellings) {
      const others = conflict.spellings.map((spelling) => spelling.name).filter((other) => other !== name);
      const message = tagConflictMessage(name, others, conflict.slug);
      for (const article of tagged) problems.push({ file: article.file, field: 'tags', message });
    }
  }
  return problems;
}
