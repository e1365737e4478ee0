import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/checks/content';
import { frontMatter, markdown } from '../support/arbitraries';
import { TMP } from '../support/paths';

describe('property: any front matter and Markdown gives valid content or content problems, never a crash', () => {
  const dir = join(TMP, 'property');

  it('checkContent always answers with file, field and message', async () => {
    await fc.assert(
      fc.asyncProperty(frontMatter, markdown, async (data, body) => {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'story.md'), `---\n${dump(data)}---\n\n${body}\n`);
        const problems = await checkContent(dir);
        for (const problem of problems) {
          expect(problem.file).toMatch(/story\.md$/);
          expect(problem.field).not.toBe('');
          expect(problem.message).toMatch(/expected/);
        }
      }),
      { numRuns: 150, seed: 20240618 },
    );
  });
});
