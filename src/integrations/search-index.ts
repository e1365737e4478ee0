import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { close, createIndex } from 'pagefind';
import { SKIP, visit } from 'unist-util-visit';
import { SITE } from '../site.ts';
import { separateWords } from '../text.ts';
import { handover } from './handover.ts';

const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

/** One published article as search indexes it. */
export interface SearchDocument {
  /** Its address without the base path (`/articles/x/`): the search page adds the base. */
  url: string;
  title: string;
  standfirst: string;
  /** The body as rendered (src/model/articles.ts `html`). */
  html: string;
  /** The article's BCP 47 language: how its words are told apart. */
  language: string;
}

// The catalogue hands the published articles over (src/integrations/handover.ts): the index is
// built from the model rather than by reading the pages back.
const searchDocuments = handover<readonly SearchDocument[]>('search-documents', 'search index');

/** Called by the catalogue with the articles a build publishes (no drafts, nothing scheduled). */
export function shareSearchDocuments(documents: readonly SearchDocument[]): void {
  searchDocuments.give(documents);
}

/**
 * The page Pagefind reads for one article: its headline (the result's title, and weighted as a
 * heading), standfirst and body, and nothing of the page around them. Words of scripts written
 * without spaces are separated (src/text.ts) so a word inside a Chinese or Japanese sentence is
 * found; the search page separates queries the same way. Pictures and frames are left out.
 */
export function searchPage(document: SearchDocument): string {
  const body = fromHtml(document.html, { fragment: true });
  visit(body, 'element', (node: Element, index, parent) => {
    if ((node.tagName === 'img' || node.tagName === 'iframe') && parent && index !== undefined) {
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
  return toHtml(tree);
}

/**
 * Builds the Pagefind index into dist/pagefind/ after the pages are written, from the articles
 * the catalogue published. One index for every language (Pagefind would otherwise split them by
 * language and the search page would find only its own).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'broadsheet:search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const documents = searchDocuments.take();
        const started = performance.now();
        const { index, errors } = await createIndex({ forceLanguage: SITE.lang });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        let pages = 0;
        for (const document of documents) {
          const added = await index.addHTMLFile({ url: document.url, content: searchPage(document) });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${document.url}: ${added.errors.join('; ')}`);
          pages += 1;
        }
        const written = await index.writeFiles({ outputPath: fileURLToPath(new URL('pagefind/', dir)) });
        if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        // Pagefind also writes its ready-made UIs; the search page has its own, so they would only
        // be dead weight in dist/.
        for (const file of UNUSED) await rm(new URL(`pagefind/${file}`, dir), { force: true });
        logger.info(`indexed ${pages} ${pages === 1 ? 'page' : 'pages'} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        await close();
      },
    },
  };
}
