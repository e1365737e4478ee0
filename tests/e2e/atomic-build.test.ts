import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmBuild, readTree } from '../support/build';
import { ROOT, TMP } from '../support/paths';

describe('npm run build is atomic', () => {
  const out = join(TMP, 'atomic', 'dist');

  it('replaces the output only when the build succeeds; a failed build leaves the last good site', () => {
    rmSync(join(TMP, 'atomic'), { recursive: true, force: true });
    const good = npmBuild({ BUILD_OUT: out });
    expect(good.status).toBe(0);
    expect(existsSync(join(out, 'articles/nato-chief-west-should-impose-a-cost-on-china/index.html'))).toBe(true);
    const before = readTree(out);

    const bad = npmBuild({ BUILD_OUT: out, CONTENT_DIR: join(ROOT, 'tests/fixtures/broken') });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('left as it was');

    const after = readTree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before].filter(([path, bytes]) => !after.get(path)?.equals(bytes))).toEqual([]);
    // No half-built folder is left beside it.
    expect(readdirSync(join(TMP, 'atomic'))).toEqual(['dist']);
  });
});

describe('npm run build never replaces what it must not', () => {
  it.each([
    ['the content folder itself', (content: string) => content],
    ['a folder that holds the content', (content: string) => join(content, '..')],
    ['the project', () => ROOT],
  ])('refuses a BUILD_OUT that is %s, and leaves it untouched', (_, out) => {
    const content = join(TMP, 'guard', 'articles');
    rmSync(join(TMP, 'guard'), { recursive: true, force: true });
    mkdirSync(content, { recursive: true });
    copyFileSync(join(ROOT, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md'), join(content, 'story.md'));
    const bad = npmBuild({ BUILD_OUT: out(content), CONTENT_DIR: content });
    expect(bad.status).toBe(1);
    expect(bad.output).toContain('and a build replaces its output folder whole. Expected a folder of its own, like dist.');
    expect(readdirSync(content)).toEqual(['story.md']);
    expect(existsSync(join(ROOT, 'package.json'))).toBe(true);
  });
});
