import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { rehype } from 'rehype';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import { imagePlaceholder } from '../astro-internals.ts';
import { VIDEO_BLOCK_CLASS, VIDEO_FRAME_CLASS } from '../markdown/embeds.ts';
import { placeMediaFiles } from '../markdown/media-elements.ts';
import { FEED_SCHEMA, rehypeDropUnprintable } from '../markdown/sanitize.ts';
import { URL_ATTRIBUTES } from '../markdown/url-attributes.ts';
import { correctionGroups, correctionHeading, type CorrectionKind } from '../model/corrections.ts';

export interface FeedHtmlOptions {
  /** The article's canonical URL: relative addresses resolve against it. */
  pageUrl: string | URL;
  /** A first paragraph (the standfirst), built as a node so its text is escaped. */
  lead?: string | undefined;
  /** Absolute URLs of the article's published files (pictures, sound and video), by the path the copy used (`./photo.jpg`). */
  media?: ReadonlyMap<string, string> | undefined;
  /**
   * The copy's `lang` and `dir` where they differ from the feed's (model/language.ts
   * languageAttributes): the content is wrapped in an element carrying them, so a reader lays an
   * Arabic article out right to left.
   */
  language?: { lang?: string; dir?: 'ltr' | 'rtl' } | undefined;
  /**
   * Corrections, clarifications and editor's notes, shown after the body as on the page (in the
   * feed's language), each kind under its heading: the date worded for readers, its `datetime`,
   * and the note as inline HTML.
   */
  corrections?: readonly { kind: CorrectionKind; date: string; datetime: string; html: string }[] | undefined;
  /**
   * A link to the article after the copy and before the corrections, in the feed's language
   * (outside the copy's `lang`): what stands in for the body when a feed leaves it out.
   */
  link?: { href: string; text: string } | undefined;
  /** A note before everything, in the feed's language (paid content's disclosure, src/model/wording.ts `paidContentNote`). */
  note?: string | undefined;
}

function resolveAll(tree: Root, base: URL): void {
  visit(tree, 'element', (node) => {
    const props = node.properties;
    for (const name of URL_ATTRIBUTES) {
      const value = props[name];
      if (typeof value === 'string' && value !== '') props[name] = new URL(value, base).href;
    }
  });
}

// The content layer leaves each local picture as a placeholder for render() to optimise
// (src/astro-internals.ts). A feed gets the published original instead.
function placePictures(tree: Root, media: ReadonlyMap<string, string>): void {
  visit(tree, 'element', (node: Element) => {
    const placeholder = imagePlaceholder(node);
    if (!placeholder) return;
    const url = media.get(placeholder.src);
    if (!url) throw new Error(`No published file for picture "${placeholder.src}"`);
    node.properties = { src: url, alt: placeholder.alt };
  });
}

// A video block's box holds what the page's play button needs and a notice about the host's
// player; a feed reader has neither, so the block reaches feeds as its link alone
// (src/markdown/embeds.ts rehypeEmbedBlocks). Replays delucis/astro-embed#59.
function dropPlayerBoxes(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'figure' || !(node.properties['className'] as string[] | undefined)?.includes(VIDEO_BLOCK_CLASS)) return;
    node.children = node.children.filter((child) => !(child.type === 'element' && (child.properties['className'] as string[] | undefined)?.includes(VIDEO_FRAME_CLASS)));
  });
}

const fragments = rehype().data('settings', { fragment: true }).use(rehypeSanitize, FEED_SCHEMA).freeze();

/**
 * An article body as feed readers need it: every address absolute (readers show content away
 * from the site), pictures pointing at their published files, and nothing that runs: scripts,
 * styles and event handlers are removed.
 */
export function toFeedHtml(html: string, { pageUrl, lead, media = new Map(), language = {}, corrections = [], link, note }: FeedHtmlOptions): string {
  const tree = fragments.parse(html);
  if (lead) tree.children.unshift(h('p', lead));
  placePictures(tree, media);
  dropPlayerBoxes(tree);
  // Players become their links (FEED_SCHEMA keeps no player), to the published file.
  placeMediaFiles(tree, (address) => media.get(address));
  resolveAll(tree, new URL(pageUrl));
  const clean = fragments.runSync(tree);
  // The sanitiser leaves `class=""` where it dropped every class (the dateline's): none in feeds either.
  rehypeDropUnprintable()(clean);
  // After sanitising: the attributes are the model's, not the copy's.
  if (language.lang || language.dir) clean.children = [h('div', language, clean.children as Element[])];
  if (note) clean.children.unshift(h('p', h('strong', note)));
  if (link) clean.children.push(h('p', h('a', { href: new URL(link.href, pageUrl).href }, link.text)));
  if (corrections.length > 0) {
    const foot: Root = {
      type: 'root',
      children: correctionGroups(corrections).flatMap(({ kind, notes }) => [
        h('h2', correctionHeading(kind, notes.length)),
        h(
          'ul',
          notes.map((correction) => h('li', [h('time', { datetime: correction.datetime }, correction.date), ': ', ...(fragments.parse(correction.html).children as Element[])])),
        ),
      ]),
    };
    resolveAll(foot, new URL(pageUrl));
    clean.children.push(...(fragments.runSync(foot) as Root).children);
  }
  return fragments.stringify(clean);
}
