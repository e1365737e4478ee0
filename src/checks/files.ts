import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { frontMatterYamlProblem, readMarkdown, truncatedByComments } from './front-matter.ts';
import type { ContentProblem } from './problems.ts';
import { readUtf8 } from './utf8.ts';

// Characters the glob loader reads as a pattern, so a file whose name holds one is never built.
const GLOB_SPECIAL = /[?*[\]{}!]/;

/**
 * The Markdown files in a content folder (articles, pages, live updates), sorted: exactly the files the build's glob loader reads
 * (every lower-case .md below the folder, not hidden or in hidden folders, symbolic links followed), so
 * nothing is built unchecked or checked unbuilt. Files an editor meant as articles that the build
 * would skip without a word (`.MD`, a name with a pattern character) come back as problems. One
 * walk of the folder.
 */
export function contentFiles(dir: string): { articles: string[]; unread: ContentProblem[] } {
  const articles: string[] = [];
  const unread: ContentProblem[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const file = relative(process.cwd(), path);
    if (!/\.md$/i.test(entry.name) || relative(dir, path).split(/[\\/]/).some((part) => part.startsWith('.'))) continue;
    if (!entry.name.endsWith('.md')) {
      unread.push({ file, field: 'file', message: `expected the extension .md in lower case, found "${entry.name.slice(-3)}": the build reads only .md files` });
    } else if (GLOB_SPECIAL.test(entry.name)) {
      unread.push({ file, field: 'file', message: 'expected a file name without ? * [ ] { } or !, which the build reads as a pattern and so never builds the file' });
    } else if (entry.isFile() || (entry.isSymbolicLink() && isFileBehindLink(path))) {
      articles.push(path);
    }
  }
  return { articles: articles.sort(), unread };
}

function isFileBehindLink(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false; // A broken link: nothing to read, for the check or the build.
  }
}

/** One Markdown file of a collection as its check reads it (`markdownEntries`). */
export interface MarkdownEntry {
  /** Absolute path, and the same relative to the working directory, for messages. */
  path: string;
  file: string;
  /** The front matter as YAML read it, not yet validated, and the body after it. */
  data: Record<string, unknown>;
  body: string;
  /** Adds a problem about this file. */
  report: (field: string, message: string) => void;
}

/**
 * The Markdown files of a collection folder `dir` (the publication's pages, live updates) as their
 * check reads them, one way for each: exactly the files the build's glob loader reads
 * (`contentFiles`, whose skipped files become problems), each decoded as UTF-8, its front matter
 * parsed as YAML and checked for values a ` #` cut short against `schema`. A file that cannot be
 * read that far is reported to `problems` and not yielded; `fields` says what a missing block
 * should hold ("title and description"), for the message.
 */
export function* markdownEntries(dir: string, schema: z.ZodType, fields: string, problems: ContentProblem[]): Generator<MarkdownEntry> {
  const { articles: paths, unread } = contentFiles(dir);
  problems.push(...unread);
  for (const path of paths) {
    const file = relative(process.cwd(), path) || path;
    const report = (field: string, message: string) => void problems.push({ file, field, message });
    const read = readUtf8(readFileSync(path));
    if ('problem' in read) {
      report('file', read.problem);
      continue;
    }
    let parsed: ReturnType<typeof readMarkdown>;
    try {
      parsed = readMarkdown(read.text);
    } catch (error) {
      const problem = frontMatterYamlProblem(read.text, error);
      report(problem.field, problem.message);
      continue;
    }
    if (parsed.data === undefined) {
      report('front matter', `expected a front-matter block between --- lines at the top of the file, with ${fields}`);
      continue;
    }
    for (const cut of truncatedByComments(read.text, schema)) report(cut.field, cut.message);
    yield { path, file, data: parsed.data, body: parsed.body, report };
  }
}
