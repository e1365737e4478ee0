import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../support/markdown';
import { ROOT } from '../support/paths';

/**
 * Every relative link and picture in the README and docs/ leads somewhere: the file exists, and
 * an anchor (`deploy.md#environment-variables`) names a heading of that Markdown file, slugged as
 * GitHub slugs headings (github-slugger, the same algorithm). Addresses with a scheme are not
 * followed: the machine has no internet, and they are not ours to keep.
 */

/** How the checker sees the repository: whether a path exists, and a Markdown file's text. */
interface Files {
  exists(path: string): boolean;
  read(path: string): string;
}

/** The anchors GitHub gives a Markdown document's headings, in order, duplicates numbered. */
function anchors(tree: Root): Set<string> {
  const slugger = new GithubSlugger();
  const found = new Set<string>();
  visit(tree, 'heading', (heading) => void found.add(slugger.slug(textOf(heading))));
  return found;
}

/**
 * Every relative link, picture and link definition in the Markdown file `path` (relative to the
 * repository root) that leads nowhere, as `path: address (why)`.
 */
function brokenLinks(path: string, files: Files): string[] {
  const tree = parseMarkdown(files.read(path));
  const addresses: string[] = [];
  visit(tree, ['link', 'image', 'definition'], (node) => {
    if ('url' in node) addresses.push(node.url);
  });
  const headings = new Map<string, Set<string>>();
  const anchorsOf = (file: string) => headings.get(file) ?? headings.set(file, anchors(parseMarkdown(files.read(file)))).get(file)!;
  const broken: string[] = [];
  for (const address of addresses) {
    if (/^[a-z][a-z\d+.-]*:/i.test(address) || address.startsWith('//')) continue;
    const [target = '', anchor] = address.split('#', 2);
    if (target.startsWith('/')) {
      broken.push(`${path}: ${address} (root-relative: write it relative to ${path})`);
      continue;
    }
    const file = target === '' ? path : normalize(join(dirname(path), decodeURI(target)));
    if (!files.exists(file)) {
      broken.push(`${path}: ${address} (no file ${file})`);
    } else if (anchor !== undefined) {
      if (!file.endsWith('.md')) broken.push(`${path}: ${address} (an anchor into ${file}, which is not Markdown)`);
      else if (!anchorsOf(file).has(decodeURIComponent(anchor))) broken.push(`${path}: ${address} (no heading #${anchor} in ${file})`);
    }
  }
  return broken;
}

/** An in-memory repository for the checker's own tests: files and folders by path. */
function memory(entries: Record<string, string>): Files {
  const folders = new Set(Object.keys(entries).flatMap((path) => path.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))));
  return {
    exists: (path) => path in entries || folders.has(path.replace(/\/$/, '')),
    read: (path) => entries[path] ?? '',
  };
}

describe('brokenLinks', () => {
  const repo = {
    'docs/deploy.md': '# Deploying\n\n## Environment variables\n\n## Headers\n\n## Headers\n\n## What `_headers` holds\n',
    'docs/screenshots/home.png': '',
    'src/env.ts': '',
  };

  it.each([
    ['a file beside it', '[deploy](deploy.md)'],
    ['a heading of another file', '[table](deploy.md#environment-variables)'],
    ['a repeated heading, numbered as GitHub numbers it', '[second](deploy.md#headers-1)'],
    ['a heading with code in it', '[holds](deploy.md#what-_headers-holds)'],
    ['its own heading', '[here](#here)\n\n## Here\n'],
    ['a folder', '[pictures](screenshots/)'],
    ['a picture', '![Home](screenshots/home.png)'],
    ['a file above it', '[env](../src/env.ts)'],
    ['a link definition', '[env][e]\n\n[e]: ../src/env.ts'],
    ['an address with a scheme', '[Astro](https://astro.build) <mailto:section@example.org>'],
  ])('accepts %s', (_, markdown) => {
    expect(brokenLinks('docs/guide.md', memory({ ...repo, 'docs/guide.md': markdown }))).toEqual([]);
  });

  it.each([
    ['a missing file', '[x](deplo.md)', 'docs/guide.md: deplo.md (no file docs/deplo.md)'],
    ['a missing heading', '[x](deploy.md#environment)', 'docs/guide.md: deploy.md#environment (no heading #environment in docs/deploy.md)'],
    ['a missing own heading', '[x](#nowhere)', 'docs/guide.md: #nowhere (no heading #nowhere in docs/guide.md)'],
    ['a missing picture', '![x](screenshots/away.png)', 'docs/guide.md: screenshots/away.png (no file docs/screenshots/away.png)'],
    ['a path from the wrong folder', '[x](src/env.ts)', 'docs/guide.md: src/env.ts (no file docs/src/env.ts)'],
    ['an anchor into code', '[x](../src/env.ts#L3)', 'docs/guide.md: ../src/env.ts#L3 (an anchor into src/env.ts, which is not Markdown)'],
    ['a root-relative address', '[x](/docs/deploy.md)', 'docs/guide.md: /docs/deploy.md (root-relative: write it relative to docs/guide.md)'],
  ])('reports %s', (_, markdown, problem) => {
    expect(brokenLinks('docs/guide.md', memory({ ...repo, 'docs/guide.md': markdown }))).toEqual([problem]);
  });
});

describe('the README and docs/', () => {
  const documents = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
  const disk: Files = { exists: (path) => existsSync(join(ROOT, path)), read: (path) => readFileSync(join(ROOT, path), 'utf8') };

  it('are all checked', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/architecture.md', 'docs/deploy.md', 'docs/development.md', 'docs/editing.md']));
  });

  it.each(documents)('%s: every relative link resolves', (path) => {
    expect(brokenLinks(path, disk)).toEqual([]);
  });
});
