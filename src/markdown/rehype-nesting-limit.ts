import type { Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { recordCopyProblem } from './copy-facts.ts';

/**
 * How deep a body's elements may nest: quotes in quotes, lists in lists, HTML in HTML. Newsroom
 * copy nests a few levels; the page, feed and search stages after the Markdown tools walk the
 * tree by recursion on the build's main thread, whose stack gives out somewhere past a thousand
 * levels, at a depth that moves with how deep the build has called in, so one limit far below it
 * makes every stage agree.
 */
export const NESTING_LIMIT = 100;

/** The deepest element nesting in a tree, counted without recursion (the tree may be thousands deep). */
export function nestingDepth(tree: Root): number {
  let deepest = 0;
  const stack: [RootContent, number][] = tree.children.map((node) => [node, 0]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, outer] = next;
    if (node.type !== 'element') continue;
    const depth = outer + 1;
    deepest = Math.max(deepest, depth);
    for (const child of node.children) stack.push([child, depth]);
  }
  return deepest;
}

/**
 * Stops a body nested deeper than NESTING_LIMIT: records a problem on `body` (which stops the
 * build naming the file, src/checks/rendered.ts) and empties the tree, so no later stage meets it.
 * Runs once raw HTML has become elements.
 */
export function rehypeNestingLimit() {
  return (tree: Root, file: VFile) => {
    const depth = nestingDepth(tree);
    if (depth <= NESTING_LIMIT) return;
    recordCopyProblem(file, {
      field: 'body',
      message: `expected quotes, lists and HTML nested at most ${NESTING_LIMIT} deep, found ${depth}`,
    });
    tree.children = [];
  };
}
