/**
 * Checks every article in the content folder and lists every problem at once, without building
 * pages. Exit code 1 when there is any.
 *
 *   npm run check                    (content/articles, or CONTENT_DIR)
 */
import { resolve } from 'node:path';
import { checkContent, formatProblems } from '../src/model/content-check.ts';

const dir = resolve(process.argv[2] ?? process.env.CONTENT_DIR ?? 'content/articles');
const problems = await checkContent(dir);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Content is fine: no problems in ${dir}.`);
