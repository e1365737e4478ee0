/**
 * The attributes of copy's HTML that hold an address (as hast property names): what the site
 * rebases onto its base path (src/markdown/rehype-base-links.ts) and what feeds make absolute
 * (src/feeds/html.ts). `srcset` is not among them: the sanitiser drops it (src/markdown/sanitize.ts).
 */
export const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;

/**
 * Whether an address in copy names a file beside the article (`./photo.jpg`, `clip.webm`): no
 * scheme, not root-relative, not a fragment. Such files are checked and published with the
 * article (src/checks/media.ts).
 */
export function isLocalAddress(url: string): boolean {
  return !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(url);
}
