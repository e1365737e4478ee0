import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { slug } from 'github-slugger';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { markdownPipeline } from '../markdown/pipeline.ts';
import type { CopyProblem } from '../markdown/remark-figure.ts';
import { articleMedia, MediaError } from './media.ts';
import { articleSchema } from './schema.ts';
import { tagConflicts } from './tags.ts';

/** One thing wrong with one article, said so an editor can fix it. */
export interface ContentProblem {
  /** The article's file, relative to the working directory. */
  file: string;
  /** The front-matter field (`image.alt`), or `body`, or `file` for the file as a whole. */
  field: string;
  /** What was expected and what was found. */
  message: string;
}

/** The article's URL slug: its file name without `.md`, slugged (`My Story.md` → `my-story`). */
export function articleSlug(path: string): string {
  return slug(basename(path).replace(/\.md$/i, ''));
}

/** Every `.md` file below a folder, sorted. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as UTF-8, or says where it stops being UTF-8. */
function readUtf8(path: string): { text: string } | { problem: string } {
  const bytes = readFileSync(path);
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const lenient = bytes.toString('utf8');
    const at = Buffer.byteLength(lenient.slice(0, lenient.indexOf('\uFFFD')));
    return { problem: `expected UTF-8 text, found a byte sequence that is not UTF-8 at byte ${at} (save the file as UTF-8)` };
  }
}

interface Checked {
  file: string;
  slug: string;
  tags: string[];
}

/**
 * Checks every article in a content folder and reports every problem at once: encoding, front
 * matter (YAML and the schema), an empty body, figure placement and picture files (by rendering
 * the body with the site's own Markdown pipeline), duplicate URLs and tags that would merge.
 */
export async function checkContent(dir: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const processor = await createMarkdownProcessor({ ...markdownPipeline({ base: '/' }), syntaxHighlight: false });
  const checked: Checked[] = [];

  for (const path of markdownFiles(dir)) {
    const file = relative(process.cwd(), path) || path;
    const report = (field: string, message: string) => problems.push({ file, field, message });
    const read = readUtf8(path);
    if ('problem' in read) {
      report('file', read.problem);
      continue;
    }
    let parsed: ReturnType<typeof parseFrontmatter>;
    try {
      parsed = parseFrontmatter(read.text);
    } catch (error) {
      report('front matter', `expected YAML between the --- lines: ${String((error as Error).message).split('\n')[0]}`);
      continue;
    }
    if (parsed.rawFrontmatter === '') {
      report('front matter', 'expected a front-matter block between --- lines at the top of the file');
      continue;
    }
    // YAML turns an unquoted 2024-02-30 into 1 March without a word; read the front matter again
    // without YAML's timestamp type so the schema sees what the editor typed.
    const asTyped = loadYaml(parsed.rawFrontmatter, { schema: CORE_SCHEMA }) as Record<string, unknown>;
    const result = articleSchema.safeParse(asTyped);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
        for (const key of keys) {
          const field = [...issue.path, ...(key === undefined ? [] : [key])].join('.') || 'front matter';
          report(field, issue.message);
        }
      }
    }
    if (parsed.content.trim() === '') {
      report('body', 'expected the article text below the front matter, found nothing');
      continue;
    }
    const name = articleSlug(path);
    if (name === '') report('file', 'expected a file name with letters or digits: it becomes the article URL');
    else checked.push({ file, slug: name, tags: result.success ? result.data.tags : [] });

    try {
      const { metadata } = await processor.render(parsed.content, {
        frontmatter: structuredClone(parsed.frontmatter),
        fileURL: pathToFileURL(path),
      });
      for (const { field, message } of (metadata.frontmatter['contentProblems'] as CopyProblem[] | undefined) ?? []) report(field, message);
      articleMedia(path, metadata.localImagePaths);
    } catch (error) {
      const message = String((error as Error).message).replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
      if (error instanceof MediaError) {
        const source = /picture "([^"]+)"/.exec(message)?.[1];
        const field = source !== undefined && source === (parsed.frontmatter['image'] as { src?: unknown } | undefined)?.src ? 'image.src' : 'body';
        report(field, message.replace(/^[^:]+: /, ''));
      } else {
        const [, field = 'body', rest = message] = /^([\w.]+): ([\s\S]*)$/.exec(message) ?? [];
        report(field, rest);
      }
    }
  }

  const bySlug = Map.groupBy(checked, (article) => article.slug);
  for (const [name, same] of bySlug) {
    if (same.length < 2) continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      problems.push({ file: article.file, field: 'file', message: `expected a unique URL: ${others.join(', ')} also becomes /articles/${name}/` });
    }
  }
  for (const conflict of tagConflicts(checked, (article) => article.tags)) {
    const spellings = conflict.spellings.map((spelling) => `"${spelling.name}"`).join(' and ');
    for (const { name, articles } of conflict.spellings) {
      for (const article of articles) {
        problems.push({
          file: article.file,
          field: 'tags',
          message: `expected tags that keep their own page: "${name}" and ${spellings.replace(`"${name}" and `, '').replace(` and "${name}"`, '')} would share /tags/${conflict.slug}/ (use one spelling, or tell them apart with letters or digits)`,
        });
      }
    }
  }
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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
