/**
 * The warm = cold invariant across code edits: a page's cache key covers its props
 * (src/model/cache-keys.ts) and Astro's code hash covers its components, and every cache
 * Broadsheet keeps beside Astro's (the content check's verdicts, the search shards) is kept under
 * the build's one code digest (src/integrations/code-digest.ts). So after an edit to the code that
 * builds search documents, or to a component's markup, a warm build must write what a cold one
 * writes, byte for byte. The edits are made in a copy of the project (its own src/, the installed
 * packages linked), never in the repository that other tests are importing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, readTree } from '../support/build';
import { ROOT, TMP } from '../support/paths';

const place = join(TMP, 'code-edits');
const project = join(place, 'project');

/** Builds the copy warm (its cache kept across the test) or cold (a fresh cache, `--force`) and reads what it wrote. */
function build(kind: 'warm' | 'cold'): Map<string, Buffer> {
  const cache = join(place, `${kind}-cache`);
  if (kind === 'cold') rmSync(cache, { recursive: true, force: true });
  const out = join(place, kind);
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(kind === 'cold' ? ['--force'] : []), '--outDir', out], {
    cwd: project,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', TZ: 'UTC', BUILD_TIME: '2026-11-01T00:00:00Z', SITE_URL: 'https://news.example.org', CACHE_DIR: cache },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${kind} build failed:\n${stripVTControlCharacters(`${result.stdout}\n${result.stderr}`)}`);
  return readTree(out);
}

/** Replaces `from` by `to` in one file of the copy; throws when `from` is not there, so an edit never silently does nothing. */
function edit(file: string, from: string, to: string): void {
  const path = join(project, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer holds ${JSON.stringify(from)}: update this test's edit`);
  writeFileSync(path, text.replace(from, to));
}

/** The files whose bytes differ between two builds (or that only one has). */
function differing(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((name) => !a.get(name)?.equals(b.get(name) ?? Buffer.alloc(0)) || !a.has(name) || !b.has(name)).sort();
}

let before: Map<string, Buffer>;

beforeAll(() => {
  rmSync(place, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  for (const name of ['src', 'scripts', 'public', 'content', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(ROOT, name), join(project, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  before = build('warm');
});

describe('a warm build after a code edit', () => {
  it('equals a cold build after the code that builds search documents changes', () => {
    edit('src/search/documents.ts', 'standfirst: article.standfirst,', 'standfirst: `${article.standfirst} (edited)`,');
    const warm = build('warm');
    const cold = build('cold');
    expect(differing(warm, cold)).toEqual([]);
    // The edit reached the search index: the test would pass vacuously otherwise.
    expect(differing(before, warm).some((name) => name.startsWith('pagefind/'))).toBe(true);
    before = warm;
  });

  it("equals a cold build after a component's markup changes", () => {
    edit('src/components/LeadStory.astro', "<article class:list={['lead-story',", "<article data-edited class:list={['lead-story',");
    const warm = build('warm');
    const cold = build('cold');
    expect(differing(warm, cold)).toEqual([]);
    expect(warm.get('index.html')?.toString()).toContain('data-edited');
    expect(differing(before, warm)).toContain('index.html');
  });
});
