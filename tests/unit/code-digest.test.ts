import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { codeDigest, codeFiles, startsAfresh } from '../../src/integrations/code-digest';
import { TMP } from '../support/paths';

const project = join(TMP, 'code-digest-project');
const files: Record<string, string> = {
  'astro.config.mjs': 'export default {};',
  'package-lock.json': '{}',
  'tsconfig.json': '{}',
  'src/catalogue.ts': 'export const a = 1;',
  'src/components/StoryCard.astro': '<p>card</p>',
  'src/styles/base.css': 'p { margin: 0 }',
  'src/integrations/search-index.ts': 'export const b = 1;',
  'tests/unit/x.test.ts': 'test',
  'README.md': '# Readme',
  'content/articles/a.md': '---\ntitle: A\n---\n',
};

function write(name: string, text: string): void {
  mkdirSync(dirname(join(project, name)), { recursive: true });
  writeFileSync(join(project, name), text);
}

beforeEach(() => {
  rmSync(project, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) write(name, text);
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('codeDigest', () => {
  it('lists the config, the lock file, the TypeScript settings and everything under src/, sorted', () => {
    expect(codeFiles(project)).toEqual([
      'astro.config.mjs',
      'package-lock.json',
      'src/catalogue.ts',
      'src/components/StoryCard.astro',
      'src/integrations/search-index.ts',
      'src/styles/base.css',
      'tsconfig.json',
    ]);
  });

  it.each([
    ['the code that builds search documents', 'src/catalogue.ts'],
    ["a component's markup", 'src/components/StoryCard.astro'],
    ['a style sheet', 'src/styles/base.css'],
    ['the search index integration', 'src/integrations/search-index.ts'],
    ['the Astro config', 'astro.config.mjs'],
    ['the lock file (an updated plugin)', 'package-lock.json'],
  ])('changes with %s', (_what, name) => {
    const before = codeDigest(project);
    expect(codeDigest(project)).toBe(before);
    write(name, `${files[name]}\n// changed`);
    expect(codeDigest(project)).not.toBe(before);
  });

  it('changes when a file under src/ is added or renamed', () => {
    const before = codeDigest(project);
    write('src/model/new.ts', 'export {};');
    const added = codeDigest(project);
    expect(added).not.toBe(before);
    rmSync(join(project, 'src/model/new.ts'));
    write('src/model/renamed.ts', 'export {};');
    expect(codeDigest(project)).not.toBe(added);
  });

  it.each([['a test', 'tests/unit/x.test.ts'], ['the README', 'README.md'], ['an article', 'content/articles/a.md']])('ignores %s', (_what, name) => {
    const before = codeDigest(project);
    write(name, 'changed');
    expect(codeDigest(project)).toBe(before);
  });

  it('throws when the lock file is missing', () => {
    rmSync(join(project, 'package-lock.json'));
    expect(() => codeDigest(project)).toThrow(/package-lock\.json/);
  });
});

describe('startsAfresh', () => {
  it.each([
    [['node', 'astro.mjs', 'build', '--force'], true],
    [['node', 'astro.mjs', 'build', '--outDir', 'x', '--force'], true],
    [['node', 'astro.mjs', 'build'], false],
    [['node', 'astro.mjs', 'build', '--forced'], false],
  ])('%j → %s', (argv, expected) => {
    expect(startsAfresh(argv)).toBe(expected);
  });
});
