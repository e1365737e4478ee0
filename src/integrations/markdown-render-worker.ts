/**
 * One Markdown rendering thread (src/integrations/markdown-workers.ts starts them): Broadsheet's pipeline, made
 * here from plain settings, renders what the main thread sends and posts back the result: for a body
 * that throws, the body unrendered with a problem quoting the error (src/markdown/copy-facts.ts
 * `unrendered`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownRenderOptions } from '@astrojs/markdown-remark';
import { rebaserFor } from '../model/urls.ts';
import { unrendered } from '../markdown/copy-facts.ts';
import { markdownPipeline } from '../markdown/pipeline.ts';

/** What the main thread hands a worker when it starts. */
export interface RenderWorkerData {
  /** The site's base path (`/` or `/news/`): links in copy are rebased onto it. */
  base: string;
  /** Astro's settings for every processor (images, highlighting), as plain data. */
  shared: AstroMarkdownOptions;
}

/** One job: Markdown and the options Astro passes, the file as a URL string. */
export interface RenderRequest {
  id: number;
  content: string;
  fileURL: string | undefined;
  frontmatter: MarkdownRenderOptions['frontmatter'];
}

const { base, shared } = workerData as RenderWorkerData;
const renderer = await createMarkdownProcessor({ ...shared, ...markdownPipeline({ rebase: rebaserFor(base) }) });

parentPort!.on('message', async ({ id, content, fileURL, frontmatter }: RenderRequest) => {
  try {
    const result = await renderer.render(content, { ...(frontmatter && { frontmatter }), ...(fileURL && { fileURL: new URL(fileURL) }) });
    parentPort!.postMessage({ id, result });
  } catch (error) {
    const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
    parentPort!.postMessage({ id, result: unrendered(frontmatter, `${name}: ${message}`) });
  }
});
