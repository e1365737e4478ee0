/** One thing wrong with one article, said so an editor can fix it. */
export interface ContentProblem {
  /** The article's file, relative to the working directory. */
  file: string;
  /** The front-matter field (`image.alt`), or `body`, or `file` for the file as a whole. */
  field: string;
  /** What was expected and what was found. */
  message: string;
}

/** The problems as an editor reads them: grouped by file, one line per field. */
export function formatProblems(problems: readonly ContentProblem[]): string {
  const lines = [`${problems.length} content ${problems.length === 1 ? 'problem' : 'problems'}:`];
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
