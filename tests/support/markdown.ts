import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';

/**
 * A Markdown document as mdast, with GitHub's tables (the documentation is read on GitHub, and
 * its settings live in a table). The parsers are the ones remark-gfm uses, already installed with
 * @astrojs/markdown-remark.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
}
