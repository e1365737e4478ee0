/**
 * The attributes of copy's HTML that hold an address (as hast property names): what the site
 * rebases onto its base path (src/markdown/rehype-base-links.ts) and what feeds make absolute
 * (src/feeds/html.ts). `srcset` is not among them: the sanitiser drops it (src/markdown/sanitize.ts).
 */
export const URL_ATTRIBUTES = ['href', 'src', 'poster', 'cite'] as const;
