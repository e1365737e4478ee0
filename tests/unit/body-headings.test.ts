import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { bodyHeadingLevels } from '../../src/markdown/rehype-body-headings';
import { markdownPipeline } from '../../src/markdown/pipeline';

describe.each([
  ['no headings', [], []],
  ['a body that starts at h2', [2, 3, 3, 2], [2, 3, 3, 2]],
  ['a body that starts at h3', [3, 4, 3], [2, 3, 2]],
  ['a body that starts at h6', [6, 6], [2, 2]],
  ['first-level headings', [1, 2, 1], [2, 3, 2]],
  ['a skipped level', [2, 4, 6, 2], [2, 3, 4, 2]],
  ['a jump back out past the first level', [3, 4, 2, 3], [2, 3, 2, 3]],
  ['siblings under one parent at different copy levels', [2, 5, 4, 3], [2, 3, 3, 3]],
  ['a deeper heading after a shallower sibling', [2, 4, 3, 4], [2, 3, 3, 4]],
  ['an outline deeper than HTML has levels', [1, 2, 3, 4, 5, 6, 6], [2, 3, 4, 5, 6, 6, 6]],
  ['one level, page by page', [4, 4, 4], [2, 2, 2]],
])('bodyHeadingLevels: %s', (_, copy, page) => {
  it(`${JSON.stringify(copy)} → ${JSON.stringify(page)}`, () => {
    const levels = bodyHeadingLevels(copy);
    expect(levels).toEqual(page);
    // What the rule promises, whatever the table says: the outline starts at 2 and never skips.
    levels.forEach((level, i) => expect(level).toBeLessThanOrEqual(i === 0 ? 2 : Math.min(6, levels[i - 1]! + 1)));
  });
});

const processor = await createMarkdownProcessor({ ...markdownPipeline(), syntaxHighlight: false });

describe('body headings on the page', () => {
  const tags = async (markdown: string) => [...(await processor.render(markdown)).code.matchAll(/<(h[1-6])\b/g)].map((m) => m[1]);

  it.each([
    ['copy that starts at ###', '### Background\n\nText.\n\n#### Earlier\n\nText.\n\n### Reaction\n\nText.', ['h2', 'h3', 'h2']],
    ['raw HTML headings among Markdown ones', '<h4>Raw</h4>\n\n##### Under it\n\n## Next', ['h2', 'h3', 'h2']],
    ['a first-level heading', '# Top\n\n## Under it', ['h2', 'h3']],
    ['the footnotes heading after copy at ####', '#### Claim\n\nSaid so.[^1]\n\n[^1]: A source.', ['h2', 'h2']],
    ['the footnotes heading after copy at #', '# Claim\n\nSaid so.[^1]\n\n[^1]: A source.', ['h2', 'h2']],
    ['the footnotes heading after raw <h1> and a deeper heading', '<h1>Claim</h1>\n\n### Detail\n\nSaid so.[^1]\n\n[^1]: A source.', ['h2', 'h3', 'h2']],
  ])('%s', async (_, markdown, expected) => {
    expect(await tags(markdown)).toEqual(expected);
  });

  it('keeps the ids the headings would have had', async () => {
    const { code } = await processor.render('### Background\n\n#### Earlier');
    expect(code).toContain('<h2 id="background">Background</h2>');
    expect(code).toContain('<h3 id="earlier">Earlier</h3>');
  });
});
