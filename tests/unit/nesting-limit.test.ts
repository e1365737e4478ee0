import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readCopyFacts } from '../../src/markdown/copy-facts';
import { NESTING_LIMIT, nestingDepth, rehypeNestingLimit } from '../../src/markdown/rehype-nesting-limit';

const nested = (depth: number, tag = 'div') => `${`<${tag}>`.repeat(depth)}x${`</${tag}>`.repeat(depth)}`;

/** Elements nested `depth` deep, built without a parser (parse5 itself gives out near 20,000). */
function deepTree(depth: number): Root {
  let inner: Element = { type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: 'x' }] };
  for (let level = 1; level < depth; level += 1) inner = { type: 'element', tagName: 'span', properties: {}, children: [inner] };
  return { type: 'root', children: [inner] };
}

describe.each([
  ['text alone', 'just words', 0],
  ['one paragraph', '<p>a <em>b</em></p>', 2],
  ['siblings count once', '<p>a</p><p><strong>b</strong></p>', 2],
  ['a quote in a quote', '<blockquote><blockquote><p>x</p></blockquote></blockquote>', 3],
  ['the limit exactly', nested(NESTING_LIMIT), NESTING_LIMIT],
])('nestingDepth of %s', (_, html, depth) => {
  it(`is ${depth}`, () => {
    expect(nestingDepth(fromHtml(html, { fragment: true }))).toBe(depth);
  });
});

it('nestingDepth counts a tree 100,000 deep without recursion', () => {
  expect(nestingDepth(deepTree(100_000))).toBe(100_000);
});

describe('rehypeNestingLimit', () => {
  const run = (html: string) => {
    const tree = fromHtml(html, { fragment: true });
    const file = new VFile({ data: { astro: { frontmatter: {} } } });
    rehypeNestingLimit()(tree, file);
    return { tree, problems: readCopyFacts({ frontmatter: (file.data['astro'] as { frontmatter: Record<string, unknown> }).frontmatter }).problems };
  };

  it('leaves a body at the limit alone', () => {
    const { tree, problems } = run(nested(NESTING_LIMIT));
    expect(problems).toEqual([]);
    expect(tree.children).toHaveLength(1);
  });

  it('stops a body past it on `body`, saying how deep, and empties the tree for the stages after', () => {
    const { tree, problems } = run(nested(NESTING_LIMIT + 1));
    expect(problems).toEqual([{ field: 'body', message: `expected quotes, lists and HTML nested at most ${NESTING_LIMIT} deep, found ${NESTING_LIMIT + 1}` }]);
    expect(tree.children).toEqual([]);
  });
});
