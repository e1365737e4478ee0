import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryBuild } from '../support/build';
import { TMP } from '../support/paths';

/** Writes one article into a fresh content folder and returns the folder. */
function corpus(name: string, markdown: string): string {
  const dir = join(TMP, 'corpora', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'story.md'), markdown);
  return dir;
}

const FRONT = 'title: A headline\nstandfirst: A summary.\nsection: Asia\ntags: [NATO]\n';

describe('a build from bad content (CONTENT_DIR) fails and says where', () => {
  it.each([
    [
      'an unparsable date and an unknown key',
      `---\n${FRONT}published: 18/06/2024\nauthor: Somebody\n---\n\nBody.\n`,
      ['story.md', 'published: expected the publication date as a date like 2024-06-18', 'Unrecognized key: "author"'],
    ],
    [
      'a figure placed past the end of the body',
      `---\n${FRONT}published: 2024-06-18\nimage:\n  caption: A caption.\n  afterParagraph: 3\n---\n\nOnly one paragraph.\n`,
      ['story.md', 'image.afterParagraph: expected at most 1', 'story.md: the body could not be rendered'],
    ],
  ])('%s', (_label, markdown, messages) => {
    const dir = corpus(_label.replace(/\W+/g, '-'), markdown);
    const { status, output } = tryBuild({ name: 'bad-build', env: { CONTENT_DIR: dir } });
    expect(status).not.toBe(0);
    for (const message of messages) expect(output).toContain(message);
  });

  it('names a CONTENT_DIR that does not exist', () => {
    const { status, output } = tryBuild({ name: 'bad-build', env: { CONTENT_DIR: join(TMP, 'no-such-folder') } });
    expect(status).not.toBe(0);
    expect(output).toContain('CONTENT_DIR: the folder');
    expect(output).toContain('no-such-folder does not exist');
  });
});
