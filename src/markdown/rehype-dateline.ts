import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import { frontmatterOf } from '../astro-internals.ts';

/** The class of the dateline's place at the head of the copy ("BRUSSELS — …"), set in small capitals by the article's CSS. */
export const DATELINE_CLASS = 'dateline';

/** Options: how to read the place from the front matter as written (the schema's own rule), undefined for none or an invalid one (the schema refuses it). */
export interface DatelineOptions {
  /** Without it, no dateline is set (the tests' and benchmark's pipelines). */
  read?: ((frontmatter: Readonly<Record<string, unknown>>) => string | undefined) | undefined;
}

/**
 * The dateline's place as the copy's lead-in, the way newspapers set it: at the start of the
 * body's first paragraph with words (a picture alone is not one), `<span class="dateline">BRUSSELS</span> — `.
 * A body with no such paragraph at its top level gets one holding the place alone, first. Run after the sanitiser (the span is the
 * pipeline's, not the copy's) and before the reading time, which counts what the page shows.
 */
export function rehypeDateline({ read }: DatelineOptions) {
  return (tree: Root, file: VFile) => {
    const place = read?.(frontmatterOf(file));
    if (place === undefined) return;
    const leadIn = h('span', { className: [DATELINE_CLASS] }, place);
    // The first paragraph with words: not one holding a picture alone, nor an empty one.
    const first = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p' && toText(node).trim() !== '');
    if (first) first.children.unshift(leadIn, { type: 'text', value: ' — ' });
    else tree.children.unshift(h('p', [leadIn]));
  };
}
