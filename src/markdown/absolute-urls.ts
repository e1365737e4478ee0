import type { Root } from 'hast';
import { h } from 'hastscript';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';

const URL_PROPERTIES = ['href', 'src', 'cite', 'poster'] as const;

function resolveAll(tree: Root, base: URL): void {
  visit(tree, 'element', (node) => {
    const props = node.properties;
    for (const name of URL_PROPERTIES) {
      const value = props[name];
      if (typeof value === 'string' && value !== '') props[name] = new URL(value, base).href;
    }
    // srcset is a comma-separated list of "address descriptor" candidates.
    const srcSet = props.srcSet;
    if (srcSet !== undefined && srcSet !== null) {
      const candidates = Array.isArray(srcSet) ? srcSet.map(String) : String(srcSet).split(',');
      props.srcSet = candidates
        .map((candidate) => {
          const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
          return [new URL(url, base).href, ...descriptor].join(' ');
        })
        .join(', ');
    }
  });
}

const fragments = rehype().data('settings', { fragment: true }).freeze();

/**
 * Rewrites every link and media address in an HTML fragment to an absolute URL, resolved against
 * the page the fragment comes from. Feed readers show content away from the site, where a
 * relative address would point nowhere. `lead`, when given, becomes a first paragraph (the
 * standfirst) built as a tree node, so its text is escaped by the serialiser.
 */
export function absolutizeHtml(html: string, pageUrl: string | URL, lead?: { text: string; className: string }): string {
  const tree = fragments.parse(html);
  if (lead) tree.children.unshift(h('p', { className: [lead.className] }, lead.text));
  resolveAll(tree, new URL(pageUrl));
  return fragments.stringify(tree);
}
