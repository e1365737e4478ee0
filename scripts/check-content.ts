/**
 * Checks every article in the content folder and lists every problem at once, without building
 * pages. Exit code 1 when there is any.
 *
 *   npm run check              (CONTENT_DIR, else content/articles)
 *   npm run check -- DIR       (another folder)
 * Writers' profiles are checked too (AUTHORS_DIR, else content/authors), and the publication's
 * own pages (PAGES_DIR, else content/pages), and the live stories' updates (UPDATES_DIR, else
 * content/updates).
 */
import { checkContent, formatProblems, type ContentProblem } from '../src/checks/content.ts';
import { formatNotices } from '../src/checks/problems.ts';
import { authorsDir, contentDir, contentFolder, orStop, pagesDir, updatesDir } from '../src/env.ts';

const dir = orStop(() => (process.argv[2] ? contentFolder(process.argv[2]) : contentDir()));
const notices: ContentProblem[] = [];
const problems = await checkContent(dir, { authors: orStop(() => authorsDir()), pages: orStop(() => pagesDir()), updates: orStop(() => updatesDir()), notices });
if (notices.length > 0) console.warn(formatNotices(notices));
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Content is fine: no problems in ${[dir, authorsDir(), pagesDir(), updatesDir()].filter(Boolean).join(', ')}.`);
