// The benchmark's baseline: a minimal Astro 7 site with Astro's default Markdown processor,
// one page per article plus an index. Built by bench/build.ts from the same corpora.
import { defineConfig } from 'astro/config';

export default defineConfig({ site: 'https://baseline.example', devToolbar: { enabled: false } });
