import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IMAGE_PLACEHOLDER_ATTRIBUTE } from '../../src/astro-internals';
import { toFeedHtml } from '../../src/feeds/html';
import { readCopyFacts } from '../../src/markdown/copy-facts';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { rebaserFor } from '../../src/model/urls';
import { MISSING_PICTURE_NOTE } from '../../src/markdown/remark-figure';
import { countWords, readingMinutes } from '../../src/markdown/reading-time';
import { readingBlocks } from '../support/html';

const processor = await createMarkdownProcessor({ ...markdownPipeline(), syntaxHighlight: false });
const underNews = await createMarkdownProcessor({ ...markdownPipeline({ rebase: rebaserFor('/news/') }), syntaxHighlight: false });
const render = (markdown: string, frontmatter: Record<string, unknown> = {}) => processor.render(markdown, { frontmatter });

describe('the figure from front matter', () => {
  const body = 'One.\n\nTwo.\n\n> Quoted.\n\nThree.';
  const image = { caption: 'A caption.', credit: 'Jane Roe/Agency' };

  it.each([
    [0, ['A caption. (Jane Roe/Agency)', 'One.', 'Two.', 'Quoted.', 'Three.']],
    [1, ['One.', 'A caption. (Jane Roe/Agency)', 'Two.', 'Quoted.', 'Three.']],
    [2, ['One.', 'Two.', 'A caption. (Jane Roe/Agency)', 'Quoted.', 'Three.']],
    [3, ['One.', 'Two.', 'Quoted.', 'Three.', 'A caption. (Jane Roe/Agency)']],
  ])('after %i paragraphs', async (afterParagraph, blocks) => {
    const { code } = await render(body, { image: { ...image, afterParagraph } });
    expect(readingBlocks(code)).toEqual(blocks);
  });

  it('says the picture is not reproduced when there is only a caption', async () => {
    const { code } = await render(body, { image });
    expect(code).toContain(`<figure class="figure figure--no-picture"><p class="figure-note">${MISSING_PICTURE_NOTE}</p><figcaption>`);
    expect(code).toContain('<span class="credit">(Jane Roe/Agency)</span></figcaption>');
    expect(code).not.toContain('<img');
  });

  it('shows the picture with its alt text when there is one', async () => {
    const { code } = await render(body, { image: { ...image, src: 'https://example.org/p.jpg', alt: 'Two men shake hands' } });
    expect(code).toMatch(/<figure class="figure"><img src="https:\/\/example.org\/p.jpg" alt="Two men shake hands"[^>]*><figcaption>/);
  });

  it('escapes caption text', async () => {
    const { code } = await render(body, { image: { caption: '<script>alert(1)</script> & co' } });
    expect(code).toContain('&#x3C;script>alert(1)&#x3C;/script> &#x26; co');
    expect(code).not.toContain('<script>');
  });

  it('reports a position past the last paragraph, naming the field, and places no figure', async () => {
    const { code, metadata } = await render(body, { image: { ...image, afterParagraph: 4 } });
    expect(readCopyFacts(metadata).problems).toEqual([
      { field: 'image.afterParagraph', message: "expected at most 3 (the body's paragraph count), found 4" },
    ]);
    expect(code).not.toContain('<figure');
  });

  it('adds nothing without an image', async () => {
    const { code } = await render(body);
    expect(code).not.toContain('<figure');
  });
});

describe('reading time', () => {
  it.each([
    ['', 0],
    ['   \n\t ', 0],
    ['One two three.', 3],
    ['“Quoted” words — with a dash, don’t split; e-mail is one.', 10],
    ['In 2024, 31 allies met', 5],
    ['Привет мир, ça va?', 4],
    ['北约秘书长', 5],
    ['日本語 text', 4],
  ])('counts the words in %j as %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });

  it.each([
    [0, 1],
    [100, 1],
    [1000, 5],
    [2300, 12],
  ])('%i words → %i min', (words, minutes) => {
    expect(readingMinutes('word '.repeat(words))).toBe(minutes);
  });

  it('is stored in the rendered metadata', async () => {
    const { metadata } = await render('word '.repeat(1000));
    expect(readCopyFacts(metadata).readingMinutes).toBe(5);
  });

  // What a reader sees is counted, not the Markdown's text: 1,000 visible words is 5 minutes
  // whatever else the copy holds (issue 21 point 5).
  const seen = 'word '.repeat(1000);
  it.each([
    ['an HTML comment of 1,000 words', `${seen}\n\n<!-- ${'hidden '.repeat(1000)}-->`, 5],
    ['a script and a style', `${seen}\n\n<script>${'x '.repeat(1000)}</script>\n\n<style>${'p '.repeat(1000)}</style>`, 5],
    ['raw HTML tags and attributes', `${seen}\n\n${'<span class="a b c d e">w</span> '.repeat(400)}`, 7],
    ['alt text of 1,000 words', `${seen}\n\n![${'alt '.repeat(1000)}](https://cdn.example/p.jpg)`, 5],
    ['a video’s fallback', `${seen}\n\n<video src="https://cdn.example/v.mp4">${'fallback '.repeat(1000)}</video>`, 5],
    ['words hidden with the site’s own sr-only class (the class is not kept: they show)', `${seen}\n\n<span class="sr-only">${'shown '.repeat(1000)}</span>`, 10],
    ['a list of 1,000 one-word items', `${seen}\n\n${Array.from({ length: 1000 }, () => '- item').join('\n')}`, 10],
    ['a table of 1,000 one-word cells', `${seen}\n\n| a |\n| - |\n${'| cell |\n'.repeat(999)}`, 10],
    ['headings between paragraphs', `## Heading one\n\nBody two three\n\n## Heading four\n\n${'word '.repeat(995)}`, 5],
  ])('counts what the page shows, given %s', async (_, markdown, minutes) => {
    const { metadata } = await render(markdown);
    expect(readCopyFacts(metadata).readingMinutes).toBe(minutes);
  });
});

describe('links and headings', () => {
  it('marks external links rel="external noopener" and leaves internal ones alone', async () => {
    const { code } = await render('[out](https://example.org/x) and [in](/tags/nato/)');
    expect(code).toContain('<a href="https://example.org/x" rel="external noopener">out</a>');
    expect(code).toContain('<a href="/tags/nato/">in</a>');
  });

  it.each([
    ['[t](/tags/nato/)', '<a href="/news/tags/nato/">t</a>'],
    ['[t](/news/tags/nato/)', '<a href="/news/tags/nato/">t</a>'],
    ['[t](tags/nato/)', '<a href="tags/nato/">t</a>'],
    ['[t](#part)', '<a href="#part">t</a>'],
    ['[t](//cdn.example/x)', '<a href="//cdn.example/x" rel="external noopener">t</a>'],
    ['<a href="/tags/nato/">raw HTML</a>', '<a href="/news/tags/nato/">raw HTML</a>'],
    ['<img src="/media/x.jpg" alt="">', '<img src="/news/media/x.jpg" alt="">'],
  ])('rebases root-relative %s under BASE_PATH=/news', async (markdown, html) => {
    expect((await underNews.render(markdown, { frontmatter: {} })).code).toContain(html);
  });

  it('gives headings ids', async () => {
    const { code } = await render('## What NATO said');
    expect(code).toContain('<h2 id="what-nato-said">What NATO said</h2>');
  });

  it('keeps typography exactly as written (no SmartyPants)', async () => {
    const { code } = await render('He said "no" -- twice... it\'s');
    expect(code).toBe('<p>He said "no" -- twice... it\'s</p>');
  });
});

describe('toFeedHtml', () => {
  const page = 'https://example.org/news/articles/x/';
  const feed = (html: string) => toFeedHtml(html, { pageUrl: page });

  it.each([
    ['<a href="/news/tags/nato/">t</a>', '<a href="https://example.org/news/tags/nato/">t</a>'],
    ['<a href="../y/">y</a>', '<a href="https://example.org/news/articles/y/">y</a>'],
    ['<a href="#part">p</a>', '<a href="https://example.org/news/articles/x/#part">p</a>'],
    ['<img src="pic.jpg" alt="">', '<img src="https://example.org/news/articles/x/pic.jpg" alt="">'],
    ['<blockquote cite="/src/"><p>q</p></blockquote>', '<blockquote cite="https://example.org/src/"><p>q</p></blockquote>'],
    ['<a href="https://other.org/">o</a>', '<a href="https://other.org/">o</a>'],
  ])('makes %s absolute', (html, expected) => {
    expect(feed(html)).toBe(expected);
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<style>p{display:none}</style><p>ok</p>', '<p>ok</p>'],
    ['<p onclick="alert(1)" style="color:red">ok</p>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<iframe src="https://evil.example/"></iframe><p>ok</p>', '<p>ok</p>'],
    ['<form action="/x"><input name="a"></form><p>ok</p>', '<p>ok</p>'],
    ['<img src="data:image/png;base64,AAAA" onerror="alert(1)" alt="">', '<img alt="">'],
    ['<img srcset="x 1x, javascript:alert(1) 2x" alt="">', '<img alt="">'],
  ])('removes what runs: %s', (html, expected) => {
    expect(feed(html)).toBe(expected);
  });

  it('keeps the figure, its caption and classes', () => {
    const html = '<figure class="figure"><p class="figure-note">Note</p><figcaption>C <span class="credit">(X)</span></figcaption></figure>';
    expect(feed(html)).toBe(html);
  });

  it('puts a lead paragraph first, escaped', () => {
    expect(toFeedHtml('<p>Body</p>', { pageUrl: page, lead: 'A & <b>' })).toBe('<p>A &#x26; &#x3C;b></p><p>Body</p>');
  });

  it('puts a link after the copy, outside its language, and the corrections after the link', () => {
    const html = toFeedHtml('', {
      pageUrl: page,
      lead: 'مقدمة',
      language: { lang: 'ar', dir: 'rtl' },
      link: { href: page, text: 'Read the full article' },
      corrections: [{ kind: 'correction', date: '19 June 2024', datetime: '2024-06-19', html: 'A date was wrong.' }],
    });
    expect(html).toBe(
      `<div lang="ar" dir="rtl"><p>مقدمة</p></div><p><a href="${page}">Read the full article</a></p><h2>Correction</h2><ul><li>19 June 2024: A date was wrong.</li></ul>`,
    );
  });

  it('points local pictures at their published originals', () => {
    const placeholder = `<img ${IMAGE_PLACEHOLDER_ATTRIBUTE}="{&#x22;src&#x22;:&#x22;./photo.jpg&#x22;,&#x22;alt&#x22;:&#x22;Quay&#x22;,&#x22;index&#x22;:0}">`;
    const media = new Map([['./photo.jpg', 'https://example.org/news/media/x/photo.jpg']]);
    expect(toFeedHtml(placeholder, { pageUrl: page, media })).toBe('<img src="https://example.org/news/media/x/photo.jpg" alt="Quay">');
    expect(() => toFeedHtml(placeholder, { pageUrl: page })).toThrow('No published file for picture "./photo.jpg"');
  });
});

describe('copy written as raw HTML, on pages', () => {
  it.each([
    ['<script>alert(1)</script>', ''],
    ['<p onclick="alert(1)" style="color:red">ok</p>', '<p>ok</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<p><a>x</a></p>'],
    ['<img src="x" onerror="alert(1)">', ''],
    ['<img src="https://cdn.example/p.jpg" alt="p">', '<img src="https://cdn.example/p.jpg" alt="p">'],
    // A frame the site does not keep leaves a link to what it showed; a video becomes a block
    // that loads nothing from its host until the reader asks (tests/unit/embeds.test.ts).
    ['<iframe src="https://evil.example/"></iframe>', '<a href="https://evil.example/" rel="external noopener">Embedded content from evil.example</a>'],
    ['<iframe src="javascript:alert(1)"></iframe>', ''],
    [
      '<iframe src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" title="Video"></iframe>',
      '<figure class="embed"><div class="embed__frame" data-player="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ" data-title="Video"><p class="embed__notice">Video from YouTube. Playing it here loads YouTube\'s player, which may set cookies.</p></div><figcaption class="embed__caption"><a href="https://www.youtube.com/watch?v=aqz-KE-bpKQ" rel="external noopener">Watch “Video” on YouTube</a></figcaption></figure>',
    ],
    ['<abbr title="North Atlantic Treaty Organization">NATO</abbr>', '<p><abbr title="North Atlantic Treaty Organization">NATO</abbr></p>'],
    // A raw table scrolls in its own box too.
    ['<table><tr><td>1</td></tr></table>', '<div class="table-scroll" role="region" tabindex="0" aria-label="Table"><table><tbody><tr><td>1</td></tr></tbody></table></div>'],
  ])('%s', async (markdown, html) => {
    const { code } = await render(markdown);
    expect(code.replace(/\n/g, '')).toBe(html);
  });

  it('keeps Markdown pictures for Astro to resolve', async () => {
    const { code } = await render('![A map](./map.png)');
    expect(code).toBe('<p><img src="./map.png" alt="A map"></p>');
  });
});

describe('GitHub-flavoured Markdown', () => {
  // The handed input: a results table, a footnote with its definition, and a struck-out word.
  const results = [
    'Turnout was ~~Tuesday~~ Wednesday’s story.[^1]',
    '',
    '| Party | Seats | Share |',
    '| :--- | ---: | :---: |',
    '| Labour | 411 | 33.7% |',
    '| Conservative | 121 | 23.7% |',
    '',
    '[^1]: Figures as declared by the returning officers.',
  ].join('\n');

  it('renders a table in a labelled box that scrolls, alignment as classes', async () => {
    const { code } = await render(results);
    expect(code).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table: Party, Seats, Share"><table>');
    expect(code).toContain('<th class="align-left">Party</th>');
    expect(code).toContain('<td class="align-right">411</td>');
    expect(code).toContain('<td class="align-center">33.7%</td>');
    expect(code).not.toMatch(/\salign=/);
  });

  it('renders strikethrough', async () => {
    expect((await render(results)).code).toContain('<del>Tuesday</del>');
  });

  it('links footnotes both ways, each link pointing at an id the page has', async () => {
    const { code } = await render(results);
    const ids = [...code.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...code.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets).toEqual(['user-content-fn-1', 'user-content-fnref-1']);
    for (const target of targets) expect(ids).toContain(target);
    expect(code).toContain('aria-describedby="user-content-footnote-label"');
    expect(ids).toContain('user-content-footnote-label');
    expect(code).toContain('aria-label="Back to reference 1"');
  });

  it('links bare addresses', async () => {
    const { code } = await render('See https://example.org/report and www.example.com.');
    expect(code).toBe(
      '<p>See <a href="https://example.org/report" rel="external noopener">https://example.org/report</a> and <a href="http://www.example.com" rel="external noopener">www.example.com</a>.</p>',
    );
  });
});

describe('ids in copy', () => {
  const ids = (code: string) => [...code.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

  it.each([
    // The handed input: a body heading "Main" took the skip link's target, <main id="main">.
    ['## Main', ['main-1']],
    ['## Related heading', ['related-heading-1']],
    ['## Search query', ['search-query-1']],
    ['## Same\n\n## Same', ['same', 'same-1']],
    ['## A\n\n## A-1\n\n## A', ['a', 'a-1', 'a-2']],
    // Numbering goes on from where the last repeat stopped, skipping what is taken since.
    ['## A\n\n## A\n\n## A-2\n\n## A\n\n## A', ['a', 'a-1', 'a-2', 'a-3', 'a-4']],
    ['## A\n\n## A\n\n## A-1\n\n## A', ['a', 'a-1', 'a-1-1', 'a-2']],
    ['## ***', ['heading']],
    ['<a id="x">one</a> <a id="x">two</a>', ['user-content-x', 'user-content-x-1']],
    ['<h3 id="main">Raw</h3>', ['user-content-main']],
  ])('%j → %j', async (markdown, expected) => {
    expect(ids((await render(markdown)).code)).toEqual(expected);
  });

  it('number thousands of like headings in order', async () => {
    const found = ids((await render(Array.from({ length: 4000 }, () => '## Background').join('\n\n'))).code);
    expect(found).toEqual(['background', ...Array.from({ length: 3999 }, (_, i) => `background-${i + 1}`)]);
  });

  it('are unique and never a chrome id, whatever the copy (property)', async () => {
    const { CHROME_IDS } = await import('../../src/chrome');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('## Main', '## Related heading', '## Notes', '[^a]', '[^a]: note', '<a id="main">x</a>', '<span id="user-content-fn-a">y</span>', '## Notes', '| a |\n| - |\n| b |'), { maxLength: 10 }),
        async (blocks) => {
          const found = ids((await render(blocks.join('\n\n'))).code);
          expect(new Set(found).size).toBe(found.length);
          for (const id of found) expect(CHROME_IDS).not.toContain(id);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('links within copy never crash the build', () => {
  it.each([
    ['See [the note](#%E9) here.', '#%E9'],
    ['<a href="#%zz">this</a>', '#%zz'],
  ])('%s keeps its malformed fragment', async (markdown, href) => {
    expect((await render(markdown)).code).toContain(`href="${href}"`);
  });

  it('links footnotes whose labels need percent-encoding to their notes', async () => {
    const { code } = await render('Der Bericht[^quelle-ü] und 报告[^注1].\n\n[^quelle-ü]: Quelle.\n[^注1]: 注释。\n');
    const ids = new Set([...code.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...code.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toHaveLength(4);
    for (const target of targets) expect(ids.has(target) || ids.has(decodeURIComponent(target)), target).toBe(true);
  });

  it('demotes a first-level heading in the body: the headline is the page\'s one h1', async () => {
    const { code } = await render('# Top\n\n<h1>Raw</h1>');
    expect(code).toContain('<h2 id="top">Top</h2>');
    expect(code).toMatch(/<h2 id="[^"]+">Raw<\/h2>/);
    expect(code).not.toContain('<h1');
  });
});
