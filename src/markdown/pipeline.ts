import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import rehypeExternalLinks from 'rehype-external-links';
import { remarkFigure } from './remark-figure.ts';
import { remarkReadingTime } from './remark-reading-time.ts';

/**
 * The Markdown pipeline, shared by the site (astro.config.mjs), the tests and the benchmark so
 * they all measure and check the same thing. Astro's unified processor adds heading ids itself
 * (`rehypeHeadingIds`); these are what a news page needs on top.
 */
export const PIPELINE: Pick<AstroMarkdownOptions, 'smartypants' | 'gfm' | 'remarkPlugins' | 'rehypePlugins'> = {
  // Copy arrives with its typography in place: SmartyPants would rewrite quotes, dashes and
  // ellipses the newsroom chose, and costs time (bench/markdown.ts).
  smartypants: false,
  // GFM (tables, footnotes, strikethrough, bare-URL links) doubles the cost of an article
  // (bench/markdown.ts: 1.6 → 3.0 ms) and no copy uses it yet. Turn it on when copy needs tables.
  gfm: false,
  remarkPlugins: [remarkFigure, remarkReadingTime],
  rehypePlugins: [[rehypeExternalLinks, { rel: ['external', 'noopener'] }]],
};
