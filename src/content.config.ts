import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './model/schema';

// Tests and benchmarks build other corpora by pointing CONTENT_DIR at them.
const base = resolve(process.env.CONTENT_DIR || 'content/articles');
if (!existsSync(base)) {
  throw new Error(`CONTENT_DIR: the folder ${base} does not exist. Expected a folder of Markdown articles.`);
}

export const collections = {
  articles: defineCollection({
    loader: glob({ pattern: '**/*.md', base }),
    schema: articleSchema,
  }),
};
