/**
 * One Markdown rendering thread (src/integrations/markdown-workers.ts starts them): Broadsheet's
 * renderer (src/integrations/markdown-renderer.ts), made here from plain settings, renders what
 * the main thread sends and posts back the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AstroMarkdownOptions } from '@astrojs/markdown-remark';
import { copyRenderer, reporting, type RenderRequest } from './markdown-renderer.ts';

/** What the main thread hands a worker when it starts. */
export interface RenderWorkerData {
  /** The site's base path (`/` or `/news/`): links in copy are rebased onto it. */
  base: string;
  /** Astro's settings for every processor (images, highlighting), as plain data. */
  shared: AstroMarkdownOptions;
  /** The body store's folder (src/integrations/body-store.ts). */
  bodies: string;
}

/** One job: a render request and its id, which comes back with the result. */
export interface RenderJob extends RenderRequest {
  id: number;
}

const { base, shared, bodies } = workerData as RenderWorkerData;
const render = reporting(await copyRenderer(base, shared, bodies));

parentPort!.on('message', async ({ id, ...request }: RenderJob) => {
  parentPort!.postMessage({ id, result: await render(request) });
});
