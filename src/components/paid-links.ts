import type { Element } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';

const fragments = rehype().data('settings', { fragment: true });

/**
 * A paid piece's body HTML with every link to another site marked `rel="sponsored"` beside the
 * body's `external noopener` (src/markdown/pipeline.ts): links in paid content are paid for, and
 * search engines ask for them to say so (Google Search Central, "Qualify your outbound links":
 * rel="sponsored"). Links within the site are the site's own and stay as they are.
 */
export function sponsoredLinks(html: string): string {
  const tree = fragments.parse(html);
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return;
    // rehype reads `rel` as a list of tokens.
    const rel: unknown = node.properties['rel'];
    const values = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : [];
    if (values.includes('external') && !values.includes('sponsored')) node.properties['rel'] = [...values, 'sponsored'];
  });
  return fragments.stringify(tree);
}
