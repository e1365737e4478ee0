import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeSanitize from 'rehype-sanitize';
import { CHROME_IDS } from '../chrome.ts';
import { rehypeBaseLinks, type BaseLinkOptions } from './rehype-base-links.ts';
import { rehypeBodyHeadings } from './rehype-body-headings.ts';
import { rehypeCopyFragmentLinks, rehypeUniqueIds } from './rehype-ids.ts';
import { rehypeScrollingTables } from './rehype-tables.ts';
import { rehypeRawWhenPresent } from './rehype-raw-when-present.ts';
import { rehypeNestingLimit } from './rehype-nesting-limit.ts';
import { rehypeEmbedBlocks, rehypeEmbeds } from './embeds.ts';
import { rehypeMediaElements } from './media-elements.ts';
import { remarkFigure } from './remark-figure.ts';
import {
  NEWS_SCHEMA,
  rehypeDropUnprintable,
  rehypeDropUnresolvableImages,
  rehypeMarkMarkdownImages,
} from './sanitize.ts';
import { rehypeReadingTime } from './reading-time.ts';
import { rehypeDateline, type DatelineOptions } from './rehype-dateline.ts';
import { remarkSatteri } from './remark-satteri.ts';

/**
 * The Markdown pipeline, shared by the site (astro.config.mjs), the tests and the benchmark so
 * they all measure and check the same thing. Astro's unified processor adds heading ids itself
 * (`rehypeHeadingIds`); these are what a news page needs on top.
 */
export function markdownPipeline({
  rebase,
  parser = 'satteri',
  dateline,
}: BaseLinkOptions & {
  /** How to read an article's dateline place from its front matter (src/markdown/rehype-dateline.ts); without it, none is set. */
  dateline?: DatelineOptions['read'] | undefined;
  /**
   * Which parser reads copy: Sätteri for the bodies it reads exactly as remark-parse does and
   * remark-parse for the rest (src/markdown/remark-satteri.ts), or remark-parse for every body
   * (what the differential test compares against).
   */
  parser?: 'satteri' | 'remark';
} = {}): Pick<AstroMarkdownOptions, 'smartypants' | 'gfm' | 'remarkRehype' | 'remarkPlugins' | 'rehypePlugins'> {
  return {
    // Copy arrives with its typography in place: SmartyPants would rewrite quotes, dashes and
    // ellipses the newsroom chose, and costs about 5 ms an article (bench/markdown.ts).
    smartypants: false,
    // GitHub-flavoured Markdown: results tables, footnotes, strikethrough and bare addresses as
    // links, as every peer renders them. It costs about 1.3 ms an article (bench/markdown.ts).
    gfm: true,
    // Footnote ids without a prefix here: the sanitiser prefixes every id copy brings, and
    // rehypeCopyFragmentLinks points the footnote links at the prefixed ids.
    remarkRehype: { clobberPrefix: '' },
    // Sätteri parses most copy in a fifth of remark-parse's time, to the same mdast (bench/markdown.ts).
    remarkPlugins: [...(parser === 'satteri' ? [remarkSatteri] : []), remarkFigure],
    // Raw HTML in copy becomes elements first (Astro only does so at the very end), so that the
    // sanitiser and the link plugins after it see every element, not just Markdown's.
    rehypePlugins: [
      rehypeMarkMarkdownImages,
      rehypeRawWhenPresent,
      rehypeNestingLimit,
      rehypeDropUnresolvableImages,
      rehypeEmbeds,
      rehypeMediaElements,
      [rehypeSanitize, NEWS_SCHEMA],
      rehypeEmbedBlocks,
      rehypeDropUnprintable,
      rehypeBodyHeadings,
      rehypeCopyFragmentLinks,
      [rehypeUniqueIds, { reserved: CHROME_IDS }],
      rehypeScrollingTables,
      [rehypeBaseLinks, { rebase }],
      [rehypeExternalLinks, { rel: ['external', 'noopener'] }],
      // The dateline's place leads the copy: after the sanitiser (the span is ours), before the count.
      [rehypeDateline, { read: dateline }],
      // Last: the words counted are those the page shows.
      rehypeReadingTime,
    ],
  };
}
