/**
 * One Markdown rendering thread (src/integrations/markdown-workers.ts starts them): Broadsheet's
 * renderer (src/integrations/markdown-renderer.ts), made here from plain settings, renders what
 * the main thread sends and posts back the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AstroMarkdownOptions, MarkdownRenderResult } from '@astrojs/markdown-remark';
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

/** What comes back for a job: the result, or why the body store could not keep it (src/integrations/body-store.ts `BodyStoreError`). */
export type RenderReply = { id: number; result: MarkdownRenderResult; error?: undefined } | { id: number; result?: undefined; error: string };

const { base, shared, bodies } = workerData as RenderWorkerData;
const render = reporting(await copyRenderer(base, shared, bodies));

parentPort!.on('message', async ({ id, ...request }: RenderJob) => {
  const reply: RenderReply = await render(request).then(
    (result) => ({ id, result }),
    (error: Error) => ({ id, error: error.message }),
  );
  parentPort!.postMessage(reply);
});
