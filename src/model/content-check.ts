import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { slug } from 'github-slugger';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import type { Definition, Image, ImageReference, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { figurePlace } from '../markdown/remark-figure.ts';
import { articleMedia, MediaError } from './media.ts';
import { articleSchema } from './schema.ts';
import type { ContentProblem } from './problems.ts';
import { tagConflicts } from './tags.ts';

export { formatProblems, type ContentProblem } from './problems.ts';

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

/** A picture address that names a file beside the article (Astro resolves those). */
function isLocal(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
}

/** The local picture files a Markdown body refers to, inline or by reference. */
function localPictures(tree: Root): string[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => void definitions.set(node.identifier, node.url));
  const urls: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'image') urls.push((node as Image).url);
    if (node.type === 'imageReference') {
      const url = definitions.get((node as ImageReference).identifier);
      if (url) urls.push(url);
    }
  });
  return urls.filter(isLocal);
}

interface Checked {
  file: string;
  slug: string;
  tags: string[];
}

/**
 * Checks every article in a content folder and reports every problem at once: encoding, front
 * matter (YAML and the schema), an empty body, figure placement and picture files (from the
 * parsed body, without rendering it), duplicate URLs and tags that would merge.
 */
export async function checkContent(dir: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
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

    // The body's structure, parsed as the site's pipeline parses it: enough to check figure
    // placement and picture files without the cost of rendering.
    const tree = fromMarkdown(parsed.content);
    const image = result.success ? result.data.image : undefined;
    if (image) {
      const place = figurePlace(tree, image.afterParagraph);
      if ('problem' in place) report(place.problem.field, place.problem.message);
    }
    const pictures = [...(image?.src && isLocal(image.src) ? [image.src] : []), ...localPictures(tree)];
    for (const source of new Set(pictures)) {
      try {
        articleMedia(path, [source]);
      } catch (error) {
        if (!(error instanceof MediaError)) throw error;
        report(source === image?.src ? 'image.src' : 'body', error.message.replace(/^[^:]+: /, ''));
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
