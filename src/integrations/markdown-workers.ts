import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions, MarkdownProcessor, MarkdownRenderResult } from '@astrojs/markdown-remark';
import type { RenderRequest, RenderWorkerData } from './markdown-render-worker.ts';

/** What the processor needs to build the pipeline in each thread. */
export interface WorkerProcessorOptions {
  /** The site's base path, as astro.config.mjs resolves it. */
  base: string;
  /** The worker module (src/integrations/markdown-render-worker.ts), as a file URL. */
  worker: URL;
  /** How many threads render; default: the machine's available parallelism. */
  threads?: number;
}

/**
 * A Markdown processor for Astro (`markdown.processor`) that renders with Broadsheet's remark and
 * rehype pipeline (src/markdown/pipeline.ts) on worker threads, so the content layer's rendering
 * of every article uses every core; Astro's glob loader renders ten entries at a time. The output
 * is the same pipeline's, byte for byte: only where it runs changes. The threads are unreferenced,
 * so they never keep a finished build alive.
 *
 * A render that throws rejects with an Error of the same name and message (the glob loader logs
 * the message and stores the entry unrendered; src/checks/rendered.ts stops the build then).
 */
export function workerProcessor(options: WorkerProcessorOptions): MarkdownProcessor<WorkerProcessorOptions> {
  return {
    name: 'broadsheet-unified-workers',
    options,
    async createRenderer(shared: AstroMarkdownOptions) {
      const data: RenderWorkerData = { base: options.base, shared: JSON.parse(JSON.stringify(shared)) as AstroMarkdownOptions };
      const count = Math.max(1, options.threads ?? availableParallelism());
      const waiting = new Map<number, { resolve: (result: MarkdownRenderResult) => void; reject: (error: Error) => void }>();
      const load = new Map<Worker, number>();
      for (let i = 0; i < count; i += 1) {
        const worker = new Worker(options.worker, { workerData: data });
        worker.unref();
        worker.on('message', ({ id, result, error }: { id: number; result?: MarkdownRenderResult; error?: { name: string; message: string } }) => {
          load.set(worker, load.get(worker)! - 1);
          const job = waiting.get(id)!;
          waiting.delete(id);
          if (error) job.reject(Object.assign(new Error(error.message), { name: error.name }));
          else job.resolve(result!);
        });
        worker.on('error', (error) => {
          for (const job of waiting.values()) job.reject(error);
          waiting.clear();
        });
        load.set(worker, 0);
      }
      let next = 0;
      return {
        render(content, renderOptions = {}) {
          const id = next++;
          // The least busy thread takes the job.
          const [worker] = [...load].reduce((a, b) => (b[1] < a[1] ? b : a));
          load.set(worker, load.get(worker)! + 1);
          const request: RenderRequest = { id, content, fileURL: renderOptions.fileURL?.href, frontmatter: renderOptions.frontmatter };
          return new Promise<MarkdownRenderResult>((resolve, reject) => {
            waiting.set(id, { resolve, reject });
            worker.postMessage(request);
          });
        },
      };
    },
  };
}
