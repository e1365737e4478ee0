// Sätteri under the remark pipeline (src/markdown/remark-satteri.ts), held to remark-parse: the
// mdast of every body Sätteri is given must be remark-parse's, positions included, and the page
// HTML of every body the same whichever parser read it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import spec from 'commonmark-spec';
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import type { Point, Position } from 'unist';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { parserFor, REMARK_ONLY, satteriMdast } from '../../src/markdown/remark-satteri';
import { ROOT as root } from '../support/paths';

// remark-parse with GFM, as Astro's processor sets it up (@astrojs/markdown-remark src/index.ts).
const remark = unified().use(remarkParse).use(remarkGfm);
const remarkMdast = (markdown: string): Root => remark.runSync(remark.parse(markdown)) as Root;
const plain = <T>(tree: T): T => JSON.parse(JSON.stringify(tree)) as T;

/**
 * Sätteri's tree made comparable to remark-parse's, and the one difference allowed between them:
 * a node remark-parse leaves without a position (the bare addresses remark-gfm links after
 * parsing, mdast-util-gfm-autolink-literal's find-and-replace) may have one in Sätteri's tree, if
 * it is a true position: its lines and columns are those of its offsets, inside its parent's.
 */
function comparable(markdown: string, theirs: Nodes, ours: Nodes, parent?: Position): Nodes {
  const copy = plain(ours) as Nodes & { position?: unknown };
  if (!theirs.position && copy.position) {
    const { start, end } = ours.position!;
    const span = parent ?? ours.position!;
    expect(
      [start, end].map(({ offset }) => pointAt(markdown, offset!)),
      `the position Sätteri gives a ${ours.type} remark leaves without one`,
    ).toEqual([start, end]);
    expect(
      start.offset! <= end.offset! && span.start.offset! <= start.offset! && end.offset! <= span.end.offset!,
      `${ours.type} inside its parent`,
    ).toBe(true);
    delete copy.position;
  }
  if ('children' in theirs && 'children' in copy && theirs.children.length === copy.children.length) {
    const span = theirs.position ?? ours.position ?? parent;
    copy.children = copy.children.map((_, i) =>
      comparable(markdown, theirs.children[i]!, (ours as typeof copy).children[i]!, span),
    ) as typeof copy.children;
  }
  return copy;
}

/** The unist point of `offset` in `text` (lines and columns from 1). */
function pointAt(text: string, offset: number): Point {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before.at(-1)!.length + 1, offset };
}

/** Asserts both parsers give `markdown` the same mdast. */
function expectSameMdast(markdown: string): void {
  const theirs = plain(remarkMdast(markdown));
  expect(comparable(markdown, theirs, satteriMdast(markdown))).toStrictEqual(theirs);
}

const routed = await createMarkdownProcessor({ ...markdownPipeline(), syntaxHighlight: false });
const remarkOnly = await createMarkdownProcessor({ ...markdownPipeline({ parser: 'remark' }), syntaxHighlight: false });

/** Asserts the site's pipeline renders `markdown` to the same HTML and metadata with Sätteri as with remark-parse alone. */
async function expectSameHtml(markdown: string): Promise<void> {
  const [ours, theirs] = await Promise.all([
    routed.render(markdown, { frontmatter: {} }),
    remarkOnly.render(markdown, { frontmatter: {} }),
  ]);
  expect(ours).toStrictEqual(theirs);
}

describe.each(REMARK_ONLY.map(({ kind }) => kind))('copy with %s goes to remark-parse', (kind) => {
  // For each kind, copy of that kind alone on which Sätteri 0.11.7 and remark-parse differ. When
  // an upgrade makes the two agree, this fails: strike the kind off REMARK_ONLY.
  const DIFFERS: Record<string, string> = {
    'a character outside Unicode’s Basic Multilingual Plane (an emoji)': '😀www.example.com',
    'a tab or a line indented four spaces (indented code)': '    +\n\n>1.',
    'a control character or non-ASCII white space': '_a_\u0085',
    'a numeric character reference to U+D800 or above, or to 0': '&#x1F600;www.bbc.co.uk',
    'a list or indented code inside a block quote': '> - a\n>\n>\n> b',
    'an e-mail address (@)': '[éme@x.org(&**',
    'raw HTML or an autolink (<)': '| a | b |\n|:-|-:|\n| 1 | 2 |\n</span>',
    'a table (|)': 'www.example.com| a | b |\n|:-|-:|\n| 1 | 2 |)',
    'a backslash (an escape or a hard line break)': '\\**b**',
    'code (` or a ~~~ fence)': '2) ~~~:\n   ',
    'a footnote ([^)': '[^1]:[^1]: note',
    'a task list item ([ ] or [x])': '- [ ] ![i](/p.jpg)',
    'emphasis or strikethrough delimiters of different kinds side by side (*_, _*, ~*…)': '_*word**',
    'a bare address with * or _ in or after it': '| a | b |\n|:-|-:|\n| 1 | 2 |www.example.com*a*',
  };
  const markdown = DIFFERS[kind]!;

  it('names that kind when it is the only one in the copy', () => {
    expect(REMARK_ONLY.filter(({ pattern }) => pattern.test(markdown)).map((found) => found.kind)).toContain(kind);
    expect(parserFor(markdown)).toEqual({
      parser: 'remark',
      kind: REMARK_ONLY.find(({ pattern }) => pattern.test(markdown))!.kind,
    });
  });

  it('because the two parsers read it differently', () => {
    expect(() => expectSameMdast(markdown)).toThrow();
  });
});

const files = execFileSync('git', ['ls-files', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => /^(content|tests\/fixtures)\//.test(file));

describe('every article and fixture in the repository', () => {
  it('is a corpus worth comparing on', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files)('%s: same mdast from Sätteri when Sätteri reads it, same HTML either way', async (file) => {
    // The body as Astro renders it: what follows the front matter (some fixtures' front matter is broken on purpose).
    const content = readFileSync(`${root}/${file}`, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/, '');
    if (parserFor(content).parser === 'satteri') expectSameMdast(content);
    await expectSameHtml(content);
  });

  it('the seed article is read by Sätteri', () => {
    const { content } = parseFrontmatter(
      readFileSync(`${root}/content/articles/nato-chief-west-should-impose-a-cost-on-china.md`, 'utf8'),
    );
    expect(parserFor(content)).toEqual({ parser: 'satteri' });
  });
});

describe('the CommonMark spec’s examples (commonmark-spec 0.31.2)', () => {
  // The spec writes a tab as →.
  const examples = spec.tests.map(({ markdown, number, section }) => ({
    markdown: markdown.replaceAll('→', '\t'),
    name: `${number} (${section})`,
  }));

  it('are all there, and Sätteri reads over a third of them', () => {
    expect(examples).toHaveLength(652);
    expect(examples.filter(({ markdown }) => parserFor(markdown).parser === 'satteri').length).toBeGreaterThan(250);
  });

  it('give the same mdast from Sätteri, every one (whichever parser the site would pick)', () => {
    for (const { markdown, name } of examples) expect(() => expectSameMdast(markdown), name).not.toThrow();
  });

  it('give the same HTML through the site’s pipeline', async () => {
    for (const { markdown } of examples) await expectSameHtml(markdown);
  });
});

describe('GitHub’s extensions (examples after the GFM spec)', () => {
  it.each([
    '| foo | bar |\n| --- | --- |\n| baz | bim |',
    '| abc | defghi |\n:-: | -----------:\nbar | baz',
    '| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |',
    '| abc | def |\n| --- | --- |\n| bar | baz |\n> bar',
    '| abc | def |\n| --- |\n| bar |',
    '| abc | def |\n| --- | --- |',
    '- [ ] foo\n- [x] bar',
    '- [x] foo\n  - [ ] bar\n  - [x] baz\n- [ ] bim',
    '~~Hi~~ Hello, ~there~ world!',
    'This ~~has a\n\nnew paragraph~~.',
    'This will ~~~not~~~ strike.',
    'www.commonmark.org',
    'Visit www.commonmark.org/help for more information.',
    'Visit www.commonmark.org.\n\nVisit www.commonmark.org/a.b.',
    'www.google.com/search?q=Markup+(business)\n\nwww.google.com/search?q=Markup+(business)))\n\n(www.google.com/search?q=Markup+(business))',
    'www.google.com/search?q=(business))+ok',
    'www.google.com/search?q=commonmark&hl=en\n\nwww.google.com/search?q=commonmark&hl;',
    'www.commonmark.org/he<lp',
    'http://commonmark.org\n\n(Visit https://encrypted.google.com/search?q=Markup+(business))',
    'foo@bar.baz',
    "hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is.",
    'a.b-c_d@a.b\n\na.b-c_d@a.b.\n\na.b-c_d@a.b-\n\na.b-c_d@a.b_',
    '<strong> <title> <style> <em>\n\n<blockquote>\n  <xmp> is disallowed.  <XMP> is also disallowed.\n</blockquote>',
    'Here is a footnote reference,[^1] and another.[^longnote]\n\n[^1]: Here is the footnote.\n\n[^longnote]: Here’s one with multiple blocks.\n\n    Subsequent paragraphs are indented.',
    'A note[^a] twice[^a] and one never defined[^b].\n\n[^a]: The note.',
  ])('%j', async (markdown) => {
    expectSameMdast(markdown);
    await expectSameHtml(markdown);
  });
});

// Copy as a newsroom writes it, and symbol soup that leans on every rule where parsers disagree.
const word = fc.constantFrom(
  'the',
  'NATO',
  'Beijing',
  'said',
  'cost',
  '2024',
  'allies’',
  '“quote”',
  'U.S.',
  'e-mail',
  '—',
  '…',
  'Zürich',
  '北约',
  'naïve',
  'it’s',
  '31',
  '%',
  '(AP)',
  'ß',
);
const inline = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: fc.constantFrom('www.nato.int', 'https://example.org/a') },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.org/${encodeURIComponent(w)} "t")`) },
  { weight: 1, arbitrary: fc.constantFrom('![A photo](./photo.jpg)', '[ref]', '&amp;', '&copy;', '&#8212;') },
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 14 }).map((words) => `${words.join(' ')}.`);
const block = fc.oneof(
  { weight: 5, arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')) },
  { weight: 1, arbitrary: sentence.map((s) => `## ${s}`) },
  { weight: 1, arbitrary: sentence.map((s) => `> ${s}`) },
  // A quoted statement's points, or a quote that runs on over blank quoted lines.
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc
        .array(sentence, { minLength: 1, maxLength: 3 })
        .map((items) => items.map((item, i) => `> ${i + 1}. ${item}`).join('\n>\n')),
      fc.tuple(sentence, sentence).map(([a, b]) => `> - ${a}\n>\n>\n> ${b}`),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(sentence, { minLength: 1, maxLength: 4 })
      .map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n')),
  },
  { weight: 1, arbitrary: fc.constantFrom('---', '[ref]: https://example.org/ref "Ref"', 'Title\n===') },
);
// Now and then a character copy pasted from elsewhere brings: an emoji as a reference, a C1 control, a no-break space.
const pasted = fc.oneof(
  { weight: 9, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('&#x1F600;', '\u0085', '\u00a0') },
);
const copy = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 8 }), pasted)
  .map(([blocks, odd]) => `${blocks.join('\n\n')}${odd}`);
const soup = fc
  .array(
    fc.constantFrom(
      '*',
      '_',
      '**',
      '~',
      '~~',
      '`',
      '[',
      ']',
      '(',
      ')',
      '!',
      '<',
      '>',
      '#',
      '-',
      '+',
      '1.',
      '2) ',
      '|',
      ':',
      '\\',
      '&amp;',
      ' ',
      '  ',
      '\t',
      '\n',
      '\n\n',
      '\r\n',
      'a',
      'www.x.org',
      'https://x.org/a_b',
      'me@x.org',
      '[^1]',
      '[^1]: note',
      '- [ ] ',
      '```',
      '~~~',
      '    ',
      '<div>',
      '</span>',
      '"',
      'é',
      '北',
      '😀',
      '\u00a0',
      '---',
      '===',
      '| a | b |\n|:-|-:|\n| 1 | 2 |',
      '*a*',
      '_a_',
      '**b**',
      '[l](/u "t")',
      '![i](/p.jpg)',
      '[r]: /x',
      '“',
      '’',
      '\n   ',
      '> > ',
      '> - ',
      '>\n',
      '>     ',
      '&#128512;',
      '\u0085',
      '\u000b',
      '\u0000',
      '~*',
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

describe('generated Markdown (property)', () => {
  it.each([
    ['copy as a newsroom writes it', copy],
    ['symbol soup', soup],
  ])('%s: same mdast from Sätteri wherever Sätteri reads it', (_, markdown) => {
    fc.assert(
      fc.property(markdown, (text) => {
        if (parserFor(text).parser === 'satteri') expectSameMdast(text);
      }),
      { numRuns: 250 },
    );
  });

  it('copy as a newsroom writes it is mostly read by Sätteri', () => {
    const samples = fc.sample(copy, { numRuns: 500, seed: 1 });
    expect(samples.filter((text) => parserFor(text).parser === 'satteri').length).toBeGreaterThan(250);
  });

  it.each([
    ['copy as a newsroom writes it', copy],
    ['symbol soup', soup],
  ])('%s: same HTML through the site’s pipeline', async (_, markdown) => {
    await fc.assert(fc.asyncProperty(markdown, expectSameHtml), { numRuns: 100 });
  });
});
