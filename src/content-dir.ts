import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The folder of Markdown articles: CONTENT_DIR when set (tests and benchmarks), else content/articles. */
export function contentDir(): string {
  const dir = resolve(process.env['CONTENT_DIR'] || 'content/articles');
  if (!existsSync(dir)) throw new Error(`CONTENT_DIR: the folder ${dir} does not exist. Expected a folder of Markdown articles.`);
  return dir;
}
