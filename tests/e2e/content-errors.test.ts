import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tryBuild, tryBuildAsync } from '../support/build';
import { ROOT, TMP } from '../support/paths';

const BROKEN = join(ROOT, 'tests/fixtures/broken');

describe('bad content stops the build with every problem listed', () => {
  const { status, output } = tryBuild({ name: 'bad-build', env: { CONTENT_DIR: BROKEN } });

  it('exits non-zero without a stack trace', () => {
    expect(status).not.toBe(0);
    expect(output).toContain('The build stopped: fix the content first.');
    expect(output).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+/);
  });

  it.each([
    ['tests/fixtures/broken/unparsable-date.md', 'published: expected the publication date as a date like 2024-06-18'],
    ['tests/fixtures/broken/unknown-field.md', 'author: unknown field "author"'],
    ['tests/fixtures/broken/image-file-missing.md', 'image.src: picture "./no-such-photo.jpg": expected a file at'],
    ['tests/fixtures/broken/latin-1.md', 'file: expected UTF-8 text'],
    ['tests/fixtures/broken/tag-c.md', 'tags: expected tags that keep their own page'],
  ])('names %s and the field', (file, message) => {
    const block = output.slice(output.indexOf(`  ${file}\n`));
    expect(output).toContain(`  ${file}\n`);
    expect(block.split('\n  tests/')[0]).toContain(message);
  });

  it('lists them all at once, as npm run check does (which also renders every body)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), BROKEN], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(1);
    const listed = stripVTControlCharacters(check.stderr);
    expect(Number(/(\d+) content problems:/.exec(listed)?.[1])).toBeGreaterThanOrEqual(36);
    // Every problem the build lists, the check lists too, in the same words.
    const lines = output.split('\n').filter((line) => /^ {4}[\w. ]+: /.test(line));
    expect(lines.length).toBeGreaterThanOrEqual(32);
    for (const line of lines) expect(listed).toContain(line);
  });

  it('stops on problems in the body (figure position, missing pictures) before building anything', () => {
    const dir = join(TMP, 'corpora', 'render-problems');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of ['figure-past-the-end.md', 'body-image-missing.md']) copyFileSync(join(BROKEN, name), join(dir, name));
    const { status, output: rendered } = tryBuild({ name: 'bad-build', env: { CONTENT_DIR: dir } });
    expect(status).not.toBe(0);
    expect(rendered).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+/);
    expect(rendered).toContain('2 content problems:');
    expect(rendered).toMatch(/figure-past-the-end\.md\n {4}image\.afterParagraph: expected at most 1 \(the body's paragraph count\), found 3/);
    expect(rendered).toMatch(/body-image-missing\.md\n {4}body: picture "\.\/no-such-map\.png": expected a file at/);
  });

  it('stops on a misplaced figure found while rendering, when the check had nothing else to report', () => {
    const dir = join(TMP, 'corpora', 'figure-only');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(BROKEN, 'figure-past-the-end.md'), join(dir, 'figure-past-the-end.md'));
    const { status, output: rendered } = tryBuild({ name: 'bad-build', env: { CONTENT_DIR: dir } });
    expect(status).not.toBe(0);
    expect(rendered).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+/);
    expect(rendered).toContain('The build stopped: fix the content first.');
    expect(rendered).toMatch(/figure-past-the-end\.md\n {4}image\.afterParagraph: expected at most 1 \(the body's paragraph count\), found 3/);
  });

  // Astro 7.3's glob loader logged a body that failed to render and carried on, so `astro build`
  // could exit 0 with the article missing (withastro/astro#18054); 7.4's rethrows, stopping the
  // sync with a stack trace that names no field. Five thousand nested quotes overflow the Markdown
  // tools' stack: a real render error, which the check before the build does not see.
  it('stops when a body fails to render, warm or cold, naming the file', () => {
    const dir = join(TMP, 'corpora', 'render-error');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(ROOT, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md'), join(dir, 'seed.md'));
    writeFileSync(
      join(dir, 'deep-quotes.md'),
      `---\ntitle: Quotes nested five thousand deep (fixture)\nstandfirst: Markdown the renderer cannot take.\npublished: 2024-06-18\nsection: World\ntags: [Testing]\n---\n\n${'> '.repeat(5_000)}deep\n`,
    );
    const env = { CONTENT_DIR: dir, CACHE_DIR: join(TMP, 'render-error-cache') };
    for (const warm of [false, true]) {
      const { status, output: rendered } = tryBuild({ name: 'bad-build', env, warm });
      expect(status).not.toBe(0);
      // A warm build reuses what the content layer stored, the failure included, without reading the
      // file again: the renderer's error is kept with it.
      expect(rendered).toContain('The build stopped: fix the content first.');
      expect(rendered).toMatch(/render-error\/deep-quotes\.md\n {4}body: expected Markdown that renders; the renderer stopped: RangeError: .*Maximum call stack size exceeded\n/);
      expect(rendered).not.toContain('[glob-loader]');
      // The renderer's own log of the failure, with its stack, is held back: the list says it all.
      expect(rendered).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  }, 120_000);

  // Side by side (it.concurrent): each build stops as it loads its settings.
  it.concurrent.for([
    ['CONTENT_DIR', join(TMP, 'no-such-folder'), 'no-such-folder does not exist. Expected a folder of Markdown articles.'],
    ['SITE_URL', 'example.org', 'SITE_URL: expected an absolute address like https://news.example.com, found "example.org"'],
    ['BASE_PATH', 'news', 'BASE_PATH: expected a path starting with / made of plain segments (letters, digits, - . _ ~) like /news, found "news"'],
    ['BUILD_TIME', 'yesterday', 'BUILD_TIME: expected an ISO date and time like 2024-06-18T12:00:00Z, found "yesterday"'],
  ] as const)('stops on a wrong %s with its message alone, no stack trace', async ([name, value, message], { expect }) => {
    const bad = await tryBuildAsync({ name: `bad-build-${name}`, env: { [name]: value } });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain(message);
    expect(bad.output).not.toMatch(/Stack trace|\n\s+at .+:\d+:\d+|Unable to load your Astro config/);
  });
});
