import type { Root } from 'hast';
import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { dropUnprintable } from '../text.ts';
import { FIGURE_CLASSES } from './remark-figure.ts';
import { recordCopyNotice } from './copy-facts.ts';
import type { VFile } from 'vfile';

const base = defaultSchema;
const attrs = base.attributes ?? {};

/**
 * What raw HTML in copy may contain, on pages and in feeds: GitHub's schema (no scripts,
 * styles, event handlers, forms or javascript:/data: addresses) plus what news copy uses:
 * figures, tables, abbreviations, the figure's classes, the video players' frames that
 * src/markdown/embeds.ts `rehypeEmbeds` leaves (each becomes a click-to-load block after this), and
 * `<audio>` and `<video>` with controls (src/markdown/media-elements.ts).
 */
export const NEWS_SCHEMA: SanitizeSchema = {
  ...base,
  // GitHub's task-list checkboxes are form controls: not in an article.
  // <details> and <summary> go too (their text stays): a disclosure widget is not news copy, and
  // copy's <details> often lacks the <summary> HTML requires.
  tagNames: [...(base.tagNames ?? []).filter((name) => !['input', 'details', 'summary'].includes(name)), 'figure', 'figcaption', 'abbr', 'iframe', 'audio', 'video', 'source', 'track'],
  // Drop these with their contents: a style sheet's text is not copy.
  strip: [...(base.strip ?? []), 'style', 'template', 'noscript'],
  attributes: {
    ...attrs,
    // Only the figure's own classes (its layout: src/markdown/remark-figure.ts). Any other class in
    // copy could borrow the site's, such as `sr-only`, and hide words from readers that search and
    // reading time would still count.
    '*': [...(attrs['*'] ?? []), ['className', ...FIGURE_CLASSES]],
    // No srcset: its addresses escape the protocol check. Astro adds its own after sanitising.
    img: [...(attrs['img'] ?? []), 'width', 'height', 'loading', 'decoding'],
    abbr: ['title'],
    iframe: ['src', 'title'],
    // Players as src/markdown/media-elements.ts leaves them: controls, no autoplay.
    audio: ['src', 'controls', 'preload', 'loop'],
    video: ['src', 'poster', 'controls', 'preload', 'loop', 'muted', 'playsInline', 'width', 'height'],
    source: ['src', 'type'],
    track: ['src', 'kind', 'srcLang', 'label', 'default'],
    a: [...(attrs['a'] ?? []), 'rel'],
  },
  protocols: { ...base.protocols, src: ['https'], poster: ['https'] },
};

/**
 * Feeds carry no frames: most readers drop them and the validator warns. A video reaches a feed
 * as its block's link (src/markdown/embeds.ts `rehypeEmbedBlocks`). Ids are not prefixed
 * again: feed HTML is the page's body, whose ids the page pipeline already prefixed.
 */
export const FEED_SCHEMA: SanitizeSchema = {
  ...NEWS_SCHEMA,
  clobber: [],
  // Players go too, leaving the link to their file they end with (src/markdown/media-elements.ts):
  // few readers play them, and the link works in every one.
  tagNames: (NEWS_SCHEMA.tagNames ?? []).filter((name) => !['iframe', 'audio', 'video', 'source', 'track'].includes(name)),
};

/**
 * Drops characters no page may carry (src/text.ts) from the body's text and attribute values:
 * the HTML parser would report each, and feeds could not carry them at all. Runs after the
 * sanitiser, and drops the empty `class` it leaves where copy's classes all went.
 */
export function rehypeDropUnprintable() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'text' || node.type === 'comment' || node.type === 'raw') node.value = dropUnprintable(node.value);
      if (node.type === 'element') {
        for (const [name, value] of Object.entries(node.properties)) {
          if (typeof value === 'string') node.properties[name] = dropUnprintable(value);
        }
        // The sanitiser leaves an empty list where it dropped every class: no `class=""`.
        if (Array.isArray(node.properties['className']) && node.properties['className'].length === 0) delete node.properties['className'];
      }
    });
  };
}

const MARK = 'dataMarkdownImage';

/** Runs before rehype-raw: marks the images Markdown wrote, which Astro resolves and checks. */
export function rehypeMarkMarkdownImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      // A string: rehype-raw re-parses the tree and would turn a boolean into ''.
      if (node.tagName === 'img') node.properties[MARK] = 'yes';
    });
  };
}

/**
 * Runs after rehype-raw: removes pictures written as raw HTML whose address can only be a broken
 * link (`<img src="photo.jpg">` is not processed by Astro, unlike `![](./photo.jpg)`), with a
 * notice saying how to write it. Absolute addresses and root paths (files in public/) stay. The
 * sanitiser then drops the mark.
 */
export function rehypeDropUnresolvableImages() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || node.properties[MARK] || !parent || index === undefined) return;
      const src = String(node.properties['src'] ?? '').trim();
      if (/^(https?:)?\/\//i.test(src) || (src.startsWith('/') && !src.startsWith('//'))) return;
      recordCopyNotice(file, {
        field: 'body',
        message: src
          ? `<img src="${src}"> is not shown: a picture beside the article is written in Markdown, ![${String(node.properties['alt'] ?? '')}](${src})`
          : '<img> without an address is not shown',
      });
      parent.children.splice(index, 1);
      return index;
    });
  };
}
