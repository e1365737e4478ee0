import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jsonCheckCache } from '../../src/checks/cache';
import { checkContent, type CheckCache, type FileCheck } from '../../src/checks/content';
import { ROOT, TMP } from '../support/paths';

const BROKEN = join(ROOT, 'tests/fixtures/broken');

/** A cache in memory that counts what it was asked and told. */
function countingCache(): CheckCache & { hits: string[]; stored: Map<string, { digest: string; result: FileCheck }> } {
  const stored = new Map<string, { digest: string; result: FileCheck }>();
  const hits: string[] = [];
  return {
    hits,
    stored,
    get(path, digest) {
      const hit = stored.get(path);
      if (hit?.digest !== digest) return undefined;
      hits.push(path);
      return hit.result;
    },
    set(path, digest, result) {
      stored.set(path, { digest, result });
    },
  };
}

describe('the content check cache', () => {
  const dir = join(TMP, 'check-cache');
  beforeEach(() => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(BROKEN, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports exactly what an uncached check reports, on the first run and the next', async () => {
    const uncached = await checkContent(dir);
    const cache = countingCache();
    expect(await checkContent(dir, { cache, bodies: 'when-pictures' })).toEqual(uncached);
    expect(cache.hits).toEqual([]);
    expect(await checkContent(dir, { cache, bodies: 'when-pictures' })).toEqual(uncached);
    expect(cache.hits.length).toBeGreaterThan(30);
  });

  it('never keeps a result that depends on picture files beside the article', async () => {
    const cache = countingCache();
    await checkContent(dir, { cache, bodies: 'when-pictures' });
    const kept = [...cache.stored.keys()].map((path) => path.slice(dir.length + 1));
    expect(kept).not.toContain('image-file-missing.md');
    expect(kept).not.toContain('body-image-missing.md');
    expect(kept).toContain('figure-past-the-end.md');
  });

  it('rechecks a file whose bytes changed, and still runs the cross-file checks', async () => {
    const cache = countingCache();
    await checkContent(dir, { cache, bodies: 'when-pictures' });
    // Fix one of the two files that share a URL: both lose the duplicate complaint.
    rmSync(join(dir, 'folder/duplicate-slug.md'));
    appendFileSync(join(dir, 'empty-body.md'), '\nThe text arrived after all.\n');
    const problems = await checkContent(dir, { cache, bodies: 'when-pictures' });
    expect(problems.filter((p) => p.file.endsWith('duplicate-slug.md'))).toEqual([]);
    expect(problems.filter((p) => p.file.endsWith('empty-body.md'))).toEqual([]);
    expect(cache.hits.map((path) => path.slice(dir.length + 1))).not.toContain('empty-body.md');
  });
});

describe("the build's lighter check (bodies: 'when-pictures')", () => {
  const dir = join(TMP, 'check-light');
  const only = (...names: string[]) => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of names) cpSync(join(BROKEN, name), join(dir, name));
  };
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves figure placement to the render when nothing else is wrong', async () => {
    only('figure-past-the-end.md');
    expect(await checkContent(dir, { bodies: 'when-pictures' })).toEqual([]);
    expect((await checkContent(dir)).map((p) => p.field)).toEqual(['image.afterParagraph']);
  });

  it('parses every body once anything is wrong, so the list is complete', async () => {
    only('figure-past-the-end.md', 'body-image-missing.md');
    const light = await checkContent(dir, { bodies: 'when-pictures' });
    expect(light.map((p) => p.field).sort()).toEqual(['body', 'image.afterParagraph']);
    expect(light).toEqual(await checkContent(dir));
  });
});

describe('jsonCheckCache', () => {
  const folder = join(TMP, 'check-cache-json');
  const file = pathToFileURL(join(folder, 'sub', 'cache.json'));
  const result: FileCheck = { problems: [{ field: 'title', message: 'expected a headline as text' }], readsOtherFiles: false };
  beforeEach(() => rmSync(folder, { recursive: true, force: true }));

  it.each([
    ['the same checker', 'v1', {}, result],
    ['a changed checker', 'v2', {}, undefined],
    ['a forced fresh start', 'v1', { fresh: true }, undefined],
  ])('after a save, %s reads back %#', async (_, version, options, expected) => {
    const first = await jsonCheckCache(file, 'v1');
    first.set('/a.md', 'digest-a', result);
    await first.save();
    const second = await jsonCheckCache(file, version, options);
    expect(second.get('/a.md', 'digest-a')).toEqual(expected);
  });

  it('forgets files the last check did not see, and digests that changed', async () => {
    const first = await jsonCheckCache(file, 'v1');
    first.set('/a.md', 'digest-a', result);
    first.set('/b.md', 'digest-b', result);
    await first.save();
    const second = await jsonCheckCache(file, 'v1');
    expect(second.get('/a.md', 'digest-a')).toEqual(result);
    expect(second.get('/b.md', 'changed')).toBeUndefined();
    await second.save();
    const third = await jsonCheckCache(file, 'v1');
    expect(third.get('/a.md', 'digest-a')).toEqual(result);
    expect(third.get('/b.md', 'digest-b')).toBeUndefined();
  });

  it('starts afresh from a corrupt file', async () => {
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(file, '{not json');
    const cache = await jsonCheckCache(file, 'v1');
    expect(cache.get('/a.md', 'digest-a')).toBeUndefined();
    await cache.save();
    expect(existsSync(file)).toBe(true);
  });
});
