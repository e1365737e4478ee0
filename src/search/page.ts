import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import { SITE } from '../site.ts';
import { separateWords } from '../text.ts';
import type { SearchDocument } from './documents.ts';

/**
 * The page Pagefind reads for one article: its headline (the result's title, and weighted as a
 * heading), standfirst and body, and nothing of the page around them. Words of scripts written
 * without spaces are separated (src/text.ts) so a word inside a Chinese or Japanese sentence is
 * found; the search page separates queries the same way. Pictures and frames are left out.
 */
export function searchPage(document: SearchPageInput): string {
  return toHtml(searchTree(document));
}

/** What `searchPage` reads of a search document. */
export type SearchPageInput = Pick<SearchDocument, 'title' | 'standfirst' | 'html' | 'language'> &
  Partial<Pick<SearchDocument, 'labels' | 'datetime' | 'date'>>;

/** `searchPage` as a tree, whose text the search directory counts words of. */
export function searchTree(document: SearchPageInput): Root {
  const body = fromHtml(document.html, { fragment: true });
  visit(body, 'element', (node: Element, index, parent) => {
    // What a reader does not read: pictures (their alt is not text), frames, and a player's
    // fallback (browsers that play it do not show it).
    if (['img', 'iframe', 'audio', 'video'].includes(node.tagName) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  visit(body, 'text', (node) => {
    node.value = separateWords(node.value, document.language);
  });
  const words = (text: string) => separateWords(text, document.language);
  const tree: Root = {
    type: 'root',
    children: [
      h('html', { lang: SITE.lang }, [
        // What a result shows beside its headline: Pagefind metadata, read from attributes so it
        // stays out of the body's text and excerpts.
        h(
          'head',
          (['labels', 'datetime', 'date'] as const).flatMap((key) =>
            document[key] ? [h('meta', { dataPagefindMeta: `${key}[content]`, content: document[key] })] : [],
          ),
        ),
        h('body', [
          h('main', { dataPagefindBody: '' }, [
            // The result's title as written; where separating words changed it, the separated
            // headline follows so its words are found too.
            h('h1', { dataPagefindMeta: 'title' }, document.title),
            ...(words(document.title) === document.title ? [] : [h('h2', words(document.title))]),
            h('p', words(document.standfirst)),
            ...(body.children as ElementContent[]),
          ]),
        ]),
      ]),
    ],
  };
  return tree;
}
