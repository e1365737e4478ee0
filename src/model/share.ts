/**
 * "Share": plain addresses that hand an article to e-mail or a social network, the way each
 * service documents for a link or button of your own. No script, no counter, no tracking
 * parameter: the reader's browser goes to the service only if they follow the link.
 */

/** One way to share: the service's name as readers know it, and the address that shares the article. */
export interface ShareLink {
  name: string;
  href: string;
}

/** An https address with query parameters, encoded by the URL standard's serializer. */
function withQuery(address: string, query: Record<string, string>): string {
  const url = new URL(address);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.href;
}

/**
 * The share links for an article: `title` its headline, `url` its absolute canonical address.
 * - E-mail: a `mailto:` with the headline as subject and the address as body (RFC 6068 §2: each
 *   value percent-encoded, spaces as %20, since `+` would stay a plus sign);
 * - Bluesky: the compose intent, `bsky.app/intent/compose?text=` (Bluesky docs, "Action Intent Links");
 * - X: the Web Intent, `twitter.com/intent/tweet?text=&url=` (X developer docs, "Web Intents");
 * - Facebook: the sharer, `facebook.com/sharer/sharer.php?u=` (Meta's "Share Dialog", URL form);
 * - LinkedIn: `linkedin.com/sharing/share-offsite/?url=` (LinkedIn "Share Plugin");
 * - WhatsApp: `wa.me/?text=` (WhatsApp Help Center, "How to use click to chat");
 * - Reddit: `reddit.com/submit?url=&title=`.
 */
export function shareLinks(title: string, url: string): ShareLink[] {
  const text = `${title} ${url}`;
  return [
    { name: 'Email', href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}` },
    { name: 'Bluesky', href: withQuery('https://bsky.app/intent/compose', { text }) },
    { name: 'X', href: withQuery('https://twitter.com/intent/tweet', { text: title, url }) },
    { name: 'Facebook', href: withQuery('https://www.facebook.com/sharer/sharer.php', { u: url }) },
    { name: 'LinkedIn', href: withQuery('https://www.linkedin.com/sharing/share-offsite/', { url }) },
    { name: 'WhatsApp', href: withQuery('https://wa.me/', { text }) },
    { name: 'Reddit', href: withQuery('https://www.reddit.com/submit', { url, title }) },
  ];
}
