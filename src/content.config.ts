import { defineCollection } from 'astro:content';
import { fileURLToPath } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { skippingUnchangedFrontMatter } from './astro-internals';
import { authorsDir, contentDir, pagesDir, updatesDir } from './env';
import { readFrontMatter, readYaml, withContentYaml } from './checks/front-matter';
import { articleSlug, authorSlug } from './model/urls';
import { articleSchema } from './schemas/article';
import { pageSchema } from './schemas/page';
import { updateSchema } from './schemas/update';
import { authorSchemaFor } from './schemas/profile';

const authors = authorsDir();
const pages = pagesDir();
const updates = updatesDir();

/** No folder: an empty collection, without the glob loader's "no files found" warning. */
const empty = (name: string): Loader => ({ name: `broadsheet:no-${name}`, load: async ({ store }) => store.clear() });

export const collections = {
  articles: defineCollection({
    // The URL slug is the file name, wherever the file sits: the content check refuses two
    // files that would share one.
    // Front matter read as the check reads it (no YAML timestamps): one reader, one date rule.
    // retainBody: false: pages use the rendered HTML, and the check reads the files itself, so the
    // Markdown source need not sit in the content store (and in memory) beside it.
    // An unchanged file's front matter is not read again (src/astro-internals.ts).
    loader: skippingUnchangedFrontMatter(
      withContentYaml(
        glob({ pattern: '**/*.md', base: contentDir(), generateId: ({ entry }) => articleSlug(entry), retainBody: false }),
        readFrontMatter,
      ),
      (file) => articleSlug(fileURLToPath(file)),
    ),
    schema: articleSchema,
  }),
  // Writers' profiles, one YAML file each (AUTHORS_DIR, else content/authors); the file name is
  // the page's slug. The portrait goes through Astro's image() so pages get optimised copies.
  // YAML read as the check reads it (the core schema, as for front matter), not by Astro's reader.
  authors: defineCollection({
    loader: authors
      ? withContentYaml(glob({ pattern: '*.yaml', base: authors, generateId: ({ entry }) => authorSlug(entry) }), readYaml)
      : empty('profiles'),
    schema: ({ image }) => authorSchemaFor(image()),
  }),
  // The publication's own pages (PAGES_DIR, else content/pages): about, masthead, policies. Their
  // bodies go through the articles' Markdown pipeline; the slug is the file name, as for articles.
  pages: defineCollection({
    loader: pages
      ? withContentYaml(glob({ pattern: '**/*.md', base: pages, generateId: ({ entry }) => articleSlug(entry), retainBody: false }), readFrontMatter)
      : empty('pages'),
    schema: pageSchema,
  }),
  // Live stories' updates (UPDATES_DIR, else content/updates), one file each, naming their story
  // (src/model/live.ts). Their bodies go through the articles' Markdown pipeline; the id is the file
  // name, slugged, and makes the update's anchor.
  updates: defineCollection({
    loader: updates
      ? withContentYaml(glob({ pattern: '**/*.md', base: updates, generateId: ({ entry }) => articleSlug(entry), retainBody: false }), readFrontMatter)
      : empty('updates'),
    schema: updateSchema,
  }),
};
