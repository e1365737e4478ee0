import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Root as MdastRoot } from 'mdast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { frontmatterOf } from '../astro-internals.ts';
import { readCopyFacts, recordCopyNotice, type CopyProblem } from './copy-facts.ts';
import { liftOutOfPhrasing } from './lift.ts';
import { rehypeDropUnresolvableImages } from './sanitize.ts';
import { textOf } from './text-of.ts';

/** A video a reader can play from one of the hosts Broadsheet embeds. */
export interface VideoEmbed {
  /** The host's name, as readers know it: `YouTube`, `Vimeo`, `Dailymotion`. */
  host: string;
  /** The player's address, the only one the page ever frames (privacy-enhanced where the host has one). */
  player: string;
  /** The video's own page on the host: the link readers follow without JavaScript, and feeds carry. */
  page: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;
const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com', 'youtu.be', 'www.youtu.be']);

/** Seconds from YouTube's `start`/`t` parameter (`90`, `90s`, `1m30s`, `1h2m3s`), or undefined. */
function seconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value);
  if (!match || value === '') return undefined;
  const total = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return total > 0 ? total : undefined;
}

const PLAYLIST = /^[\w-]+$/;
const CHANNEL = /^UC[\w-]{22}$/;

function youtube(url: URL): VideoEmbed | undefined {
  if (!YOUTUBE_HOSTS.has(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  const list = url.searchParams.get('list');
  const playlist = list && PLAYLIST.test(list) ? list : undefined;
  if (parts[0] === 'embed' && parts[1] === 'videoseries') {
    if (!playlist) return undefined;
    return { host: 'YouTube', player: `https://www.youtube-nocookie.com/embed/videoseries?list=${playlist}`, page: `https://www.youtube.com/playlist?list=${playlist}` };
  }
  // A channel's live stream: whatever the channel is showing when the reader plays it.
  if (parts[0] === 'embed' && parts[1] === 'live_stream') {
    const channel = url.searchParams.get('channel');
    if (!channel || !CHANNEL.test(channel)) return undefined;
    return { host: 'YouTube', player: `https://www.youtube-nocookie.com/embed/live_stream?channel=${channel}`, page: `https://www.youtube.com/channel/${channel}/live` };
  }
  const id =
    url.hostname.endsWith('youtu.be') ? parts[0]
    : parts[0] === 'watch' ? url.searchParams.get('v')
    : ['embed', 'shorts', 'live', 'v', 'e'].includes(parts[0] ?? '') ? parts[1]
    : undefined;
  if (!id || !YOUTUBE_ID.test(id)) return undefined;
  const start = seconds(url.searchParams.get('start') ?? url.searchParams.get('t'));
  const query = (pairs: [string, string | number | undefined][]) => pairs.filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${value}`);
  const player = query([['list', playlist], ['start', start]]);
  const page = query([['v', id], ['list', playlist], ['t', start === undefined ? undefined : `${start}s`]]);
  return {
    host: 'YouTube',
    player: `https://www.youtube-nocookie.com/embed/${id}${player.length > 0 ? `?${player.join('&')}` : ''}`,
    page: `https://www.youtube.com/watch?${page.join('&')}`,
  };
}

function vimeo(url: URL): VideoEmbed | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | undefined;
  let hash: string | null | undefined;
  if (url.hostname === 'player.vimeo.com' && parts[0] === 'video') [id, hash] = [parts[1], url.searchParams.get('h')];
  else if (url.hostname === 'vimeo.com' || url.hostname === 'www.vimeo.com') [id, hash] = [parts[0], parts[1] ?? url.searchParams.get('h')];
  if (!id || !/^\d+$/.test(id)) return undefined;
  const key = hash && /^[\da-f]+$/i.test(hash) ? hash : undefined;
  // A start time rides in the fragment on Vimeo (`#t=1m2s`).
  const start = seconds(/^#t=(.+)$/.exec(url.hash)?.[1] ?? null);
  const at = start === undefined ? '' : `#t=${start}s`;
  return {
    host: 'Vimeo',
    // dnt=1: Vimeo's player sets no tracking cookies (Vimeo help centre, "Do Not Track").
    player: `https://player.vimeo.com/video/${id}?${key ? `h=${key}&` : ''}dnt=1${at}`,
    page: `https://vimeo.com/${id}${key ? `/${key}` : ''}${at}`,
  };
}

const DAILYMOTION_ID = /^[a-z0-9]+$/i;

function dailymotion(url: URL): VideoEmbed | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  let id: string | null | undefined;
  let playlist: string | null | undefined;
  if (url.hostname === 'geo.dailymotion.com') [id, playlist] = [url.searchParams.get('video'), url.searchParams.get('playlist')];
  else if (url.hostname === 'dai.ly') id = parts[0];
  else if (url.hostname === 'www.dailymotion.com' || url.hostname === 'dailymotion.com') {
    if (parts[0] === 'embed' && parts[1] === 'video') id = parts[2];
    else if (parts[0] === 'video') id = parts[1]?.split('_')[0];
    else if (parts[0] === 'playlist' || (parts[0] === 'embed' && parts[1] === 'playlist')) playlist = parts.at(-1)?.split('_')[0];
  }
  if (!id && playlist && DAILYMOTION_ID.test(playlist)) {
    return { host: 'Dailymotion', player: `https://geo.dailymotion.com/player.html?playlist=${playlist}`, page: `https://www.dailymotion.com/playlist/${playlist}` };
  }
  if (!id || !DAILYMOTION_ID.test(id)) return undefined;
  const start = seconds(url.searchParams.get('startTime') ?? url.searchParams.get('start'));
  return {
    host: 'Dailymotion',
    player: `https://geo.dailymotion.com/player.html?video=${id}${start ? `&startTime=${start}` : ''}`,
    page: `https://www.dailymotion.com/video/${id}${start ? `?start=${start}` : ''}`,
  };
}

/**
 * The video an address names, in any form its host gives out: YouTube's `embed` (with or without
 * `-nocookie`), `watch`, `shorts`, `live` and `youtu.be` addresses and playlists; Vimeo's player
 * and page addresses (with an unlisted video's hash); Dailymotion's current player
 * (`geo.dailymotion.com/player….html?video=`), former player (`/embed/video/`), video pages and
 * `dai.ly`. Undefined for any other address, and for any that is not https (or http, which the
 * player's address upgrades).
 */
export function videoEmbed(address: string): VideoEmbed | undefined {
  let url: URL;
  try {
    url = new URL(address.trim().replace(/^\/\//, 'https://'));
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  url.hostname = url.hostname.toLowerCase();
  return youtube(url) ?? vimeo(url) ?? dailymotion(url);
}

/** The hosts whose players pages may frame, for the CSP's `frame-src` (src/integrations/headers.ts). */
export const PLAYER_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://geo.dailymotion.com'] as const;

/** Titles embed codes give every video, which say nothing of this one. */
const GENERIC_TITLE = /^(?:(?:youtube|vimeo|dailymotion)(?:[ -]video)?[ -]player|video player|player|vimeo-player|iframe|embed(?:ded)? video|)$/i;

/** The title an embed code gives its video, or undefined when it is one of the host's generic ones. */
export function embedTitle(title: unknown): string | undefined {
  const text = typeof title === 'string' ? title.replace(/\s+/g, ' ').trim() : '';
  return GENERIC_TITLE.test(text) ? undefined : text;
}

/** The words of an embed's block and feed link: "Watch “Title” on YouTube", or "Watch the video on YouTube". */
export function watchLinkText(video: Pick<VideoEmbed, 'host'>, title: string | undefined): string {
  return title ? `Watch “${title}” on ${video.host}` : `Watch the video on ${video.host}`;
}

/** The notice under a video before it loads: what playing it here does. */
export function playerNotice(video: Pick<VideoEmbed, 'host'>): string {
  return `Video from ${video.host}. Playing it here loads ${video.host}'s player, which may set cookies.`;
}

const HTTP_ADDRESS = /^(?:https?:)?\/\//i;

/** Attributes lazy-loading plugins (WordPress, WP Rocket, lazysizes) move a frame's real address to. */
const LAZY_SOURCES = ['dataLazySrc', 'dataSrc', 'dataOriginalSrc'];

/**
 * An element copy used to embed something, and the address it names (undefined when it has
 * none): `src` (or, where a lazy-loading plugin left `about:blank` there, its `data-lazy-src` or
 * `data-src`), an `<object>`'s `data` or its `movie` parameter or inner `<embed>` (YouTube's
 * old embed code).
 */
function embedAddress(node: Element): string | undefined {
  const value = (name: string) => {
    const found = node.properties[name];
    return typeof found === 'string' && found.trim() !== '' ? found.trim() : undefined;
  };
  const lazy = LAZY_SOURCES.map(value).find((found) => found !== undefined);
  const src = value(node.tagName === 'object' ? 'data' : 'src');
  if (src && HTTP_ADDRESS.test(src)) return src;
  if (lazy) return lazy;
  if (node.tagName === 'object') {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      const inner = child.tagName === 'param' && String(child.properties['name'] ?? '').toLowerCase() === 'movie' ? child.properties['value'] : child.tagName === 'embed' ? child.properties['src'] : undefined;
      if (typeof inner === 'string' && inner.trim() !== '') return inner.trim();
    }
  }
  return src;
}

/** The host of an address, for a notice or a link's words ("www.example.com"), else the address. */
function hostOf(address: string): string {
  try {
    return new URL(address.replace(/^\/\//, 'https://')).hostname || address;
  } catch {
    return address;
  }
}

/**
 * Runs before the sanitiser: every `<iframe>`, `<embed>`, `<object>` and `<script>` in copy
 * either becomes a video player frame the site keeps (`videoEmbed`: the player's canonical
 * address and the embed code's own title, nothing else) or is replaced by a visible link to what
 * it named, with a notice naming it for the check (src/markdown/copy-facts.ts). A Dailymotion
 * player script (`<script src="…geo.dailymotion.com/player/….js" data-video="…">`) is its video.
 * A script with no address is removed with a notice; nothing of it is shown. A `<noscript>`
 * (which the sanitiser drops with what it holds) gets a notice too.
 */
export function rehypeEmbeds() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return;
      // What is inside is for browsers without JavaScript, and is dropped with it (the sanitiser's
      // strip list); a lazy-loading plugin's copy of a frame is here, the frame itself outside.
      if (node.tagName === 'noscript') {
        if (textOf(node).trim() !== '' || node.children.some((child) => child.type === 'element'))
          recordCopyNotice(file, { field: 'body', message: '<noscript> is not shown: what it holds is for browsers without JavaScript' });
        return 'skip';
      }
      if (!['iframe', 'embed', 'object', 'script'].includes(node.tagName)) return;
      const address = embedAddress(node);
      const dailymotionScript = node.tagName === 'script' && address && hostOf(address) === 'geo.dailymotion.com';
      const video = dailymotionScript
        ? videoEmbed(`https://geo.dailymotion.com/player.html?${node.properties['dataVideo'] ? `video=${String(node.properties['dataVideo'])}` : `playlist=${String(node.properties['dataPlaylist'] ?? '')}`}`)
        : node.tagName !== 'script' && address ? videoEmbed(address) : undefined;
      if (video) {
        const title = embedTitle(node.properties['title']);
        parent.children[index] = h('iframe', { src: video.player, ...(title ? { title } : {}) });
        return 'skip';
      }
      const what = node.tagName === 'script' ? 'script' : `<${node.tagName}>`;
      // A link, not a paragraph: the element may sit inside one. (No class: the sanitiser allows
      // a link only GitHub's footnote class.)
      const link = address && HTTP_ADDRESS.test(address) && node.tagName !== 'script' ? address.replace(/^\/\//, 'https://') : undefined;
      recordCopyNotice(file, {
        field: 'body',
        message: address
          ? `${what} from ${hostOf(address)} (${address}) is not kept: ${node.tagName === 'script' ? 'it is not run' : link ? 'the page shows a link to it instead' : 'its address is not a web address, so nothing is shown'}`
          : `${what} without an address is not kept${node.tagName === 'script' && textOf(node).trim() ? ': its code is not run' : ''}`,
      });
      const replacement: ElementContent[] = link ? [h('a', { href: link }, `Embedded content from ${hostOf(link)}`)] : [];
      parent.children.splice(index, 1, ...replacement);
      return index + replacement.length;
    });
  };
}

/** The class of a video block's figure (feeds keep only its link: src/feeds/html.ts). */
export const VIDEO_BLOCK_CLASS = 'embed';

/** The class of a video block's box: the notice, and the player once loaded. Feeds leave it out (src/feeds/html.ts). */
export const VIDEO_FRAME_CLASS = 'embed__frame';

const isFrame = (node: ElementContent): node is Element => node.type === 'element' && node.tagName === 'iframe';

/**
 * Runs after the sanitiser, so copy cannot write these attributes itself: each player frame left
 * (only `rehypeEmbeds`' survive) becomes a click-to-load block. The page shows the host and a
 * notice in the video's box and, under it, a link to the video's page that works without
 * JavaScript and is what feeds carry; src/client/embeds.ts (loaded by the Article layout) adds the button that loads the player
 * (`data-player`, `data-title`) in place. No request leaves for the host until the reader asks.
 */
export function rehypeEmbedBlocks() {
  return (tree: Root) => {
    // An embed code with text around it is inline HTML in a paragraph (or a link, emphasis, a
    // heading), and a block (a figure) cannot sit in one: the frame moves out, after the outermost.
    liftOutOfPhrasing(tree, isFrame);
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'iframe' || !parent || index === undefined) return;
      const video = videoEmbed(String(node.properties['src'] ?? ''));
      if (!video) {
        parent.children.splice(index, 1);
        return index;
      }
      const title = embedTitle(node.properties['title']);
      parent.children[index] = h('figure', { className: [VIDEO_BLOCK_CLASS] }, [
        h('div', { className: [VIDEO_FRAME_CLASS], dataPlayer: video.player, dataTitle: title ?? `${video.host} video` }, [h('p', { className: ['embed__notice'] }, playerNotice(video))]),
        h('figcaption', { className: ['embed__caption'] }, [h('a', { href: video.page }, watchLinkText(video, title))]),
      ]);
      return 'skip';
    });
  };
}

const fragments = rehype().data('settings', { fragment: true });
const NOTICED_TAG = /<(?:iframe|embed|object|script|img)\b/i;

/**
 * What rendering would say of a body's raw HTML that the page will not show as written, from its
 * Markdown tree (for `npm run check`, which does not render): each `html` node holding an embed
 * or a picture is parsed and run through the same rules (`rehypeEmbeds`,
 * src/markdown/sanitize.ts `rehypeDropUnresolvableImages`).
 */
export function rawHtmlNotices(tree: MdastRoot): CopyProblem[] {
  const file = new VFile();
  const embeds = rehypeEmbeds();
  const pictures = rehypeDropUnresolvableImages();
  const parsed: Root[] = [];
  visit(tree, 'html', (node) => void (NOTICED_TAG.test(node.value) && parsed.push(fragments.parse(node.value))));
  // In the pipeline's order (src/markdown/pipeline.ts), so the notices come in the render's order.
  for (const fragment of parsed) pictures(fragment, file);
  for (const fragment of parsed) embeds(fragment, file);
  return readCopyFacts({ frontmatter: frontmatterOf(file) }).notices;
}
