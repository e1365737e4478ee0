import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tryBuild } from '../support/build';
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
    ['tests/fixtures/broken/figure-past-the-end.md', 'image.afterParagraph: expected at most 1'],
    ['tests/fixtures/broken/latin-1.md', 'file: expected UTF-8 text'],
    ['tests/fixtures/broken/tag-c.md', 'tags: expected tags that keep their own page'],
  ])('names %s and the field', (file, message) => {
    const block = output.slice(output.indexOf(`  ${file}\n`));
    expect(output).toContain(`  ${file}\n`);
    expect(block.split('\n  tests/')[0]).toContain(message);
  });

  it('lists them all at once: npm run check says the same without building', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), BROKEN], { cwd: ROOT, encoding: 'utf8' });
    expect(check.status).toBe(1);
    const summary = /(\d+) content problems:/.exec(stripVTControlCharacters(check.stderr))?.[1];
    expect(Number(summary)).toBeGreaterThanOrEqual(36);
    expect(output).toContain(`${summary} content problems:`);
  });

  it('names a CONTENT_DIR that does not exist', () => {
    const missing = tryBuild({ name: 'bad-build', env: { CONTENT_DIR: join(TMP, 'no-such-folder') } });
    expect(missing.status).not.toBe(0);
    expect(missing.output).toContain('CONTENT_DIR: the folder');
    expect(missing.output).toContain('no-such-folder does not exist');
  });
});
