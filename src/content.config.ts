import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from './env';
import { articleSchema } from './model/schema';
import { articleSlug } from './model/urls';

export const collections = {
  articles: defineCollection({
    // The URL slug is the file name, wherever the file sits: the content check refuses two
    // files that would share one.
    loader: glob({ pattern: '**/*.md', base: contentDir(), generateId: ({ entry }) => articleSlug(entry) }),
    schema: articleSchema,
  }),
};
