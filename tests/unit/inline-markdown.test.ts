import { describe, expect, it } from 'vitest';
import { inlineMarkdownProblem, renderInlineMarkdown } from '../../src/markdown/inline';
import { rebaserFor } from '../../src/model/urls';

describe('renderInlineMarkdown', () => {
  it.each([
    ['plain text', 'An earlier version misspelt a name.', 'An earlier version misspelt a name.', 'An earlier version misspelt a name.'],
    ['emphasis and code', 'It was *ten* days, not `14`.', 'It was <em>ten</em> days, not <code>14</code>.', 'It was ten days, not 14.'],
    ['an external link', 'See [the notice](https://port.example/n).', 'See <a href="https://port.example/n" rel="external noopener">the notice</a>.', 'See the notice.'],
    ['a site link', 'See [coverage](/tags/shipping/).', 'See <a href="/tags/shipping/">coverage</a>.', 'See coverage.'],
    ['a scheme in capitals', '[x](HTTPS://port.example/n)', '<a href="https://port.example/n" rel="external noopener">x</a>', 'x'],
    ['a protocol-relative link, external', '[x](//port.example/n)', '<a href="//port.example/n" rel="external noopener">x</a>', 'x'],
    ['markup-like text, escaped', 'a < b & c > d', 'a &#x3C; b &#x26; c > d', 'a < b & c > d'],
  ])('%s', (_label, markdown, html, text) => {
    expect(renderInlineMarkdown(markdown)).toEqual({ html, text });
  });

  it('moves site links under the base path', () => {
    expect(renderInlineMarkdown('See [coverage](/tags/shipping/).', { rebase: rebaserFor('/news/') })).toEqual({ html: 'See <a href="/news/tags/shipping/">coverage</a>.', text: 'See coverage.' });
  });

  it.each([
    ['a sibling article', '[the talks](../strait-talks/)', '/', '<a href="/articles/strait-talks/">the talks</a>'],
    ['an anchor on its own page', '[the first note](#correction-20261103T050000Z)', '/', '<a href="/articles/harbour/#correction-20261103T050000Z">the first note</a>'],
    ['a query', '[search](?q=port)', '/', '<a href="/articles/harbour/?q=port">search</a>'],
    ['a sibling article under a base path', '[the talks](../strait-talks/)', '/news/', '<a href="/news/articles/strait-talks/">the talks</a>'],
    ['a site path, left as it is', '[tags](/tags/)', '/', '<a href="/tags/">tags</a>'],
    ['another site, left as it is', '[port](https://port.example/a)', '/', '<a href="https://port.example/a" rel="external noopener">port</a>'],
  ])('resolves %s against the page it belongs to, so it links alike on the corrections log', (_label, markdown, base, html) => {
    const rendered = renderInlineMarkdown(markdown, { rebase: rebaserFor(base), page: '/articles/harbour/' });
    expect('html' in rendered && rendered.html).toBe(html);
  });
});

describe('inlineMarkdownProblem', () => {
  it.each([
    ['one paragraph', 'Fixed *this*.', undefined],
    ['two paragraphs', 'One.\n\nTwo.', 'expected inline Markdown in one paragraph (emphasis, links, code), found a block such as a heading, list, quote or second paragraph'],
    ['a heading', '# Fixed', 'expected inline Markdown in one paragraph (emphasis, links, code), found a block such as a heading, list, quote or second paragraph'],
    ['a list', '- fixed', 'expected inline Markdown in one paragraph (emphasis, links, code), found a block such as a heading, list, quote or second paragraph'],
    ['a picture', 'See ![map](./map.png).', 'expected inline Markdown (emphasis, links, code), found a picture'],
    ['raw HTML', 'Fixed <b onclick="x()">now</b>.', 'expected inline Markdown (emphasis, links, code), found raw HTML'],
    ['a javascript: link', '[click](javascript:alert(1))', 'expected inline Markdown (emphasis, links, code), found a link to "javascript:alert(1)" (expected an http(s) or mailto: address, or a path on this site)'],
    ['a data: autolink', '<data:text/html,x>', 'expected inline Markdown (emphasis, links, code), found a link to "data:text/html,x" (expected an http(s) or mailto: address, or a path on this site)'],
    ['a mailto: link', 'Write to [us](mailto:section@example.com).', undefined],
  ])('%s', (_label, markdown, problem) => {
    expect(inlineMarkdownProblem(markdown)).toBe(problem);
  });

  it('makes renderInlineMarkdown answer with the problem rather than drop copy', () => {
    expect(renderInlineMarkdown('One.\n\nTwo.')).toEqual({
      problem: 'expected inline Markdown in one paragraph (emphasis, links, code), found a block such as a heading, list, quote or second paragraph',
    });
  });
});
