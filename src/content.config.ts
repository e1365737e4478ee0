import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './env';
import { withNewsroomFrontMatter } from './checks/front-matter';
import { articleSchema } from './model/schema';
import { articleSlug } from './model/urls';

export const collections = {
  articles: defineCollection({
    // The URL slug is the file name, wherever the file sits: the content check refuses two
    // files that would share one.
    // Front matter read as the check reads it (no YAML timestamps): one reader, one date rule.
    // retainBody: false: pages use the rendered HTML, and the check reads the files itself, so the
    // Markdown source need not sit in the content store (and in memory) beside it.
    loader: withNewsroomFrontMatter(glob({ pattern: '**/*.md', base: contentDir(), generateId: ({ entry }) => articleSlug(entry), retainBody: false })),
    schema: articleSchema,
  }),
};
