import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Root as MdastRoot } from 'mdast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isLocalAddress } from './url-attributes.ts';
import { recordCopyNotice, recordMediaSource } from './copy-facts.ts';
import { LINK_HOLDERS, liftOutOfPhrasing } from './lift.ts';

/** The elements that play a sound or a video file, and those inside them that name files. */
const PLAYERS = new Set(['audio', 'video']);
const FILE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { audio: ['src'], video: ['src', 'poster'], source: ['src'], track: ['src'] };

/** The addresses of files an `<audio>` or `<video>` (with its `<source>`s and `<track>`s) names, as written. */
function fileAddresses(player: Element): string[] {
  const found: string[] = [];
  visit(player, 'element', (node) => {
    for (const name of FILE_ATTRIBUTES[node.tagName] ?? []) {
      const value = node.properties[name];
      if (typeof value === 'string' && value.trim() !== '') found.push(value.trim());
    }
  });
  return found;
}

/** The words of the link a player carries for readers whose browser cannot play it, and that feeds carry in its place. */
export function playerLinkText(tagName: string): string {
  return tagName === 'audio' ? 'Listen to the audio file' : 'Watch the video file';
}

/**
 * Runs before the sanitiser: every `<audio>` and `<video>` in copy gets the browser's own
 * controls and never plays by itself (`autoplay` goes; the sanitiser keeps only the attributes
 * NEWS_SCHEMA lists), loads only its metadata until played (nothing at all for a file on another
 * host), and ends with a link to its file, which browsers that cannot play it show and feeds
 * carry (src/feeds/html.ts). Each local file it names (`./interview.mp3`) is recorded for the
 * build (src/markdown/copy-facts.ts), which checks and publishes it beside the article under
 * /media/<slug>/, as pictures are (src/checks/media.ts `articleMedia`); the page points at it
 * there (src/components/pictures.ts `bodyWithPictures`).
 */
export function rehypeMediaElements() {
  return (tree: Root, file: VFile) => {
    const emptied = new Set<Element>();
    visit(tree, 'element', (node, index, parent) => {
      if (!PLAYERS.has(node.tagName) || !parent || index === undefined) return;
      dropUnplayable(node, file);
      const addresses = fileAddresses(node);
      const poster = node.properties['poster'];
      const playable = addresses.filter((address) => address !== poster);
      if (playable.length === 0) {
        recordCopyNotice(file, { field: 'body', message: `<${node.tagName}> with no file it can play is not shown` });
        parent.children.splice(index, 1);
        if (parent.type === 'element') emptied.add(parent);
        return index;
      }
      const local = addresses.filter(isLocalAddress);
      for (const address of local) recordMediaSource(file, fileOf(address));
      delete node.properties['autoPlay'];
      node.properties['controls'] = true;
      node.properties['preload'] = local.length === addresses.length ? 'metadata' : 'none';
      // What the copy put inside (fallback text) is kept, before the link.
      node.children.push(h('a', { href: playable[0] }, playerLinkText(node.tagName)));
      return 'skip';
    });
    // A paragraph that held only a player not shown goes with it.
    if (emptied.size > 0) {
      visit(tree, 'element', (node, index, parent) => {
        if (!emptied.has(node) || !parent || index === undefined || node.children.some((child) => child.type !== 'text' || child.value.trim() !== '')) return;
        parent.children.splice(index, 1);
        return index;
      });
    }
    // A player's controls cannot sit in a link (HTML § 4.8.9: no interactive content in <a>).
    liftOutOfPhrasing(tree, (node): node is Element => node.type === 'element' && PLAYERS.has(node.tagName), LINK_HOLDERS);
  };
}


/** The file a local address names: without a media fragment (`./clip.mp4#t=10` plays `./clip.mp4` from 10 s). */
export function fileOf(address: string): string {
  return address.replace(/#.*$/s, '');
}

/**
 * Removes from a player the addresses no reader can load, each with a notice: only files beside
 * the article and https addresses play on an https page (an `http:` file is mixed content, a
 * `C:\` or `file:` path is the writer's own computer). A `<source>` or `<track>` left without an
 * address goes.
 */
function dropUnplayable(player: Element, file: VFile): void {
  visit(player, 'element', (node, index, parent) => {
    for (const name of FILE_ATTRIBUTES[node.tagName] ?? []) {
      const value = node.properties[name];
      if (typeof value !== 'string') continue;
      const address = value.trim();
      if (address !== '' && (isLocalAddress(address) || /^https:\/\//i.test(address)) && !/^[a-z]:[\\/]/i.test(address)) continue;
      recordCopyNotice(file, {
        field: 'body',
        message: `<${node.tagName}> ${name} "${address}" is not kept: expected a file beside the article or an https address`,
      });
      delete node.properties[name];
    }
    if ((node.tagName === 'source' || node.tagName === 'track') && typeof node.properties['src'] !== 'string' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
}

const fragments = rehype().data('settings', { fragment: true });
const PLAYER_TAG = /<(?:audio|video)\b/i;

/**
 * The local files the body's `<audio>` and `<video>` elements name, from its Markdown tree (for
 * `npm run check`, which does not render): what `rehypeMediaElements` records when it renders.
 */
export function localMediaSources(tree: MdastRoot): string[] {
  const found: string[] = [];
  // A player may be split over several HTML nodes (its <source>s on lines of their own): the
  // file addresses are read from each node's elements as they parse.
  visit(tree, 'html', (node) => {
    if (!PLAYER_TAG.test(node.value) && !/<(?:source|track)\b/i.test(node.value)) return;
    const fragment = fragments.parse(node.value);
    found.push(...fileAddresses({ type: 'element', tagName: 'div', properties: {}, children: fragment.children as ElementContent[] }).filter(isLocalAddress).map(fileOf));
  });
  return found;
}

/**
 * Points every address in a rendered body that names one of the article's published files
 * (`urlOf(address)` defined: the copy's `./interview.mp3`) at that file: players' `src` and
 * `poster`, and links (the player's own and any the copy wrote). Used for pages and feeds alike.
 */
export function placeMediaFiles(tree: Root, urlOf: (address: string) => string | undefined): void {
  visit(tree, 'element', (node) => {
    for (const name of ['src', 'poster', 'href']) {
      const value = node.properties[name];
      if (typeof value !== 'string') continue;
      const url = urlOf(value) ?? urlOf(fileOf(value));
      // A media fragment (`#t=10`) stays on the published file's address.
      if (url) node.properties[name] = url === urlOf(value) ? url : `${url}${value.slice(fileOf(value).length)}`;
    }
  });
}
