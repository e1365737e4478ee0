import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { readCopyFacts } from '../../src/markdown/copy-facts';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { articleSchema, readDateline } from '../../src/schemas/article';

// The pipeline as the site builds it: the dateline read by the schema's own rule.
const processor = await createMarkdownProcessor({ ...markdownPipeline({ dateline: readDateline }), syntaxHighlight: false });
const render = (markdown: string, dateline?: unknown) => processor.render(markdown, { frontmatter: dateline === undefined ? {} : { dateline } });

describe('the dateline leads the copy', () => {
  it.each([
    ['at the head of the first paragraph', 'First paragraph.\n\nSecond.', 'BRUSSELS', '<p><span class="dateline">BRUSSELS</span> — First paragraph.</p>\n<p>Second.</p>'],
    ['spacing normalised as the schema stores it', 'Text.', '  GAZA   CITY ', '<p><span class="dateline">GAZA CITY</span> — Text.</p>'],
    ['escaped, never markup', 'Text.', '<b>PARIS</b>', '<p><span class="dateline">&#x3C;b>PARIS&#x3C;/b></span> — Text.</p>'],
    ['past a heading, in the first paragraph', '## Background\n\nText.', 'KYIV', '<h2 id="background">Background</h2>\n<p><span class="dateline">KYIV</span> — Text.</p>'],
    ['past a picture alone in its paragraph, in the first paragraph with words', '![A map](https://example.org/map.png)\n\nText.', 'GENEVA', '<p><img src="https://example.org/map.png" alt="A map"></p>\n<p><span class="dateline">GENEVA</span> — Text.</p>'],
    ['alone in a paragraph of its own when the body has none', '- One\n- Two', 'OSLO', '<p><span class="dateline">OSLO</span></p><ul>\n<li>One</li>\n<li>Two</li>\n</ul>'],
    ['nowhere without one', 'Text.', undefined, '<p>Text.</p>'],
    ['nowhere for a value the schema refuses (the build stops on it)', 'Text.', 42, '<p>Text.</p>'],
  ])('%s', async (_label, body, dateline, html) => {
    expect((await render(body, dateline)).code).toBe(html);
  });

  it('is counted in the reading time, as the page shows it', async () => {
    const words = Array.from({ length: 199 }, () => 'word').join(' ');
    expect(readCopyFacts((await render(words)).metadata).readingMinutes).toBe(1);
    expect(readCopyFacts((await render(`${words} ${words}`, 'BRUSSELS')).metadata).readingMinutes).toBe(2);
  });
});

describe('the dateline field', () => {
  const valid = { title: 'T', standfirst: 'S', published: '2024-06-18', section: 'Asia', tags: ['NATO'] };
  const read = (dateline: unknown) => {
    const parsed = articleSchema.safeParse({ ...valid, dateline });
    return parsed.success ? parsed.data.dateline : [parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)[0]];
  };
  it.each([
    ['BRUSSELS', 'BRUSSELS'],
    ['São Paulo', 'São Paulo'],
    ['GAZA\nCITY', 'GAZA CITY'],
    ['', ['dateline: expected a place name like BRUSSELS, found an empty value']],
    ['\u200b', ['dateline: expected a place name like BRUSSELS, found only invisible characters']],
    [42, ['dateline: expected a place name like BRUSSELS as text, found 42 (put the value in double quotes to keep it as typed)']],
    ['X'.repeat(61), ['dateline: expected a place name like BRUSSELS of at most 60 characters, found 61']],
    ['BRUSSELS —', ['dateline: expected the place alone, like BRUSSELS, without the dash or colon after it (the page adds " — "), found "BRUSSELS —"']],
    ['BRUSSELS:', ['dateline: expected the place alone, like BRUSSELS, without the dash or colon after it (the page adds " — "), found "BRUSSELS:"']],
    ['WASHINGTON, D.C.', 'WASHINGTON, D.C.'],
  ])('%j → %j', (dateline, expected) => {
    expect(read(dateline)).toEqual(expected);
  });
});
