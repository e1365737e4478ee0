import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { EXIT, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** True when a tree holds raw HTML from the copy (`<iframe …>` or `<b>` typed into Markdown). */
export function hasRaw(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}

/**
 * rehype-raw, run only on copy that has raw HTML. It re-parses the whole tree through an HTML
 * parser whether or not there is any, which was a quarter of the pipeline's cost on articles
 * without it (0.4 of 1.6 ms, bench/markdown.ts).
 */
export function rehypeRawWhenPresent() {
  const toElements = rehypeRaw();
  return (tree: Root, file: VFile): Root => (hasRaw(tree) ? toElements(tree, file) : tree);
}
