import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContentProblem } from './problems.ts';

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
