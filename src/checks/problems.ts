import type { z } from 'astro/zod';

/** One thing wrong with one article or profile, said so an editor can fix it. */
export interface ContentProblem {
  /** The article's or profile's file, relative to the working directory. */
  file: string;
  /** The front-matter field (`image.alt`), or `body`, or `file` for the file as a whole. */
  field: string;
  /** What was expected and what was found. */
  message: string;
}

/** The problems as an editor reads them: grouped by file, one line per field. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  return grouped(`${problems.length} content ${problems.length === 1 ? 'problem' : 'problems'}:`, problems);
}

/**
 * Notices (what pages publish other than as written: an embed the site does not keep) as an
 * editor reads them, grouped like problems under their own heading. They stop nothing.
 */
export function formatNotices(notices: readonly ContentProblem[]): string {
  return grouped(`${notices.length} content ${notices.length === 1 ? 'notice' : 'notices'} (published, but not as written):`, notices);
}

function grouped(heading: string, problems: readonly ContentProblem[]): string {
  const lines = [heading];
  for (const [file, inFile] of Map.groupBy(problems, (problem) => problem.file)) {
    lines.push(`  ${file}`);
    for (const { field, message } of inFile) lines.push(`    ${field}: ${message}`);
  }
  return lines.join('\n');
}

/** An error about content, not code: Astro shows its message and no stack trace. */
export function contentError(problems: readonly ContentProblem[]): Error {
  const error = new Error(`The build stopped: fix the content first.\n${formatProblems(problems)}`);
  error.name = 'ContentError';
  error.stack = '';
  return error;
}

/**
 * A schema's issues as problems, one per field: the field's dotted path (`image.alt`,
 * `corrections.0.text`), or `whole` for the file as a whole (`front matter`, `profile`). An
 * unknown-fields issue becomes one problem per unknown key, each with its own message (the
 * schemas word them one per key, joined by "; ": src/schemas/fields.ts `strictFields`).
 */
export function schemaProblems(issues: readonly z.core.$ZodIssue[], whole: string): Omit<ContentProblem, 'file'>[] {
  const problems: Omit<ContentProblem, 'file'>[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      const messages = issue.message.split('; ');
      issue.keys.forEach((key, index) => problems.push({ field: [...issue.path, key].join('.') || whole, message: messages[index] ?? issue.message }));
    } else {
      problems.push({ field: issue.path.join('.') || whole, message: issue.message });
    }
  }
  return problems;
}
