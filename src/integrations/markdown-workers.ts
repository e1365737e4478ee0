import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AstroMarkdownOptions, MarkdownProcessor, MarkdownRenderResult } from '@astrojs/markdown-remark';
import { copyRenderer, type CopyRenderer } from './markdown-renderer.ts';
import type { RenderJob, RenderReply, RenderWorkerData } from './markdown-render-worker.ts';
import { BodyStoreError, bodyFolderInUse } from './body-store.ts';

/**
 * Each thread's stack, in MB: about the main thread's (V8's default `--stack-size`, 984 KB), not a
 * worker's default 4 MB, so copy nested too deep for the renderer fails on a thread as it fails
 * in-thread (`npm run check`, the tests), and fails at the depth the main thread gives up at,
 * before the Markdown tools' quadratic work on deep nesting takes seconds (Node's
 * `resourceLimits.stackSizeMb`).
 */
export const THREAD_STACK_MB = 1.5;

/**
 * How many renders a build makes on its main thread before it starts the threads: each thread
 * takes about 0.6 s of a core to load the pipeline, more than the main thread needs for this many
 * articles (about 1.3 ms each), so a warm build that renders what changed, or a small site, starts
 * none.
 */
export const INLINE_RENDERS = 200;

/** What the processor needs to build the pipeline in each thread. */
export interface WorkerProcessorOptions {
  /** The site's base path, as astro.config.mjs resolves it. */
  base: string;
  /** The worker module (src/integrations/markdown-render-worker.ts), as a file URL. */
  worker: URL;
  /** How many threads render; default: the machine's available parallelism. */
  threads?: number;
  /** How many renders are made on the main thread before the threads start; default INLINE_RENDERS. */
  inline?: number;
}

/**
 * A Markdown processor for Astro (`markdown.processor`) that renders with Broadsheet's renderer
 * (src/integrations/markdown-renderer.ts): its first `inline` renders on the main thread, the rest
 * on worker threads, so a build that renders the whole archive uses every core (Astro's glob
 * loader renders ten entries at a time) and one that renders a few articles pays for no thread.
 * The output is the same renderer's, byte for byte: only where it runs changes. The threads are
 * unreferenced, so they never keep a finished build alive.
 *
 * A render that fails on the main thread is made again on a thread, whose outcome stands, so a
 * body renders or fails wherever it falls in the build's order. A render that fails on a thread
 * comes back unrendered, with a problem on `body` quoting the error (src/markdown/copy-facts.ts
 * `unrendered`), which stops the build naming the file; a body store that cannot be written
 * (BodyStoreError) and a thread that stops reject their renders. Bodies go to the body store set
 * for this process (src/integrations/body-store.ts `bodyFolderInUse`).
 */
export function workerProcessor(options: WorkerProcessorOptions): MarkdownProcessor<WorkerProcessorOptions> {
  return {
    name: 'broadsheet-unified-workers',
    options,
    async createRenderer(shared: AstroMarkdownOptions) {
      // Every body goes to the body store the integration set for this command (src/integrations/body-store.ts).
      const bodies = bodyFolderInUse();
      const data: RenderWorkerData = { base: options.base, shared: JSON.parse(JSON.stringify(shared)) as AstroMarkdownOptions, bodies };
      const count = Math.max(1, options.threads ?? availableParallelism());
      let inline = options.inline ?? INLINE_RENDERS;
      let onThisThread: Promise<CopyRenderer> | undefined;
      type Job = { resolve: (result: MarkdownRenderResult) => void; reject: (error: Error) => void };
      // Each thread's jobs in flight, by id: the least busy thread takes the next job, and a
      // thread that dies fails its own jobs and leaves the pool.
      const pool = new Map<Worker, Map<number, Job>>();
      const start = () => {
        for (let i = 0; i < count; i += 1) {
          const worker = new Worker(options.worker, { workerData: data, resourceLimits: { stackSizeMb: THREAD_STACK_MB } });
          const jobs = new Map<number, Job>();
          pool.set(worker, jobs);
          worker.unref();
          worker.on('message', ({ id, result, error }: RenderReply) => {
            const job = jobs.get(id);
            jobs.delete(id);
            if (result) job?.resolve(result);
            else job?.reject(new BodyStoreError(error));
            whenIdle();
          });
          const fail = (error: Error) => {
            pool.delete(worker);
            for (const job of jobs.values()) job.reject(error);
            jobs.clear();
          };
          worker.on('error', fail);
          worker.on('exit', (code) => fail(new Error(`a Markdown rendering thread stopped (exit code ${code})`)));
        }
      };
      // The content layer renders everything it will render at the start of a build; threads
      // left idle for a second are ended, so their memory is not held while pages render and
      // Pagefind indexes (a render after that starts them again).
      let idle: NodeJS.Timeout | undefined;
      const whenIdle = () => {
        if ([...pool.values()].some((jobs) => jobs.size > 0)) return;
        clearTimeout(idle);
        idle = setTimeout(() => {
          for (const worker of pool.keys()) void worker.terminate();
          pool.clear();
        }, 1000).unref();
      };
      let next = 0;
      return {
        async render(content, renderOptions = {}) {
          const request = { content, fileURL: renderOptions.fileURL?.href, frontmatter: renderOptions.frontmatter };
          if (inline > 0 && pool.size === 0) {
            inline -= 1;
            onThisThread ??= copyRenderer(options.base, shared, bodies);
            const render = await onThisThread;
            try {
              return await render(request);
            } catch {
              // The main thread's stack is smaller than a thread's, by how deep Astro has called in:
              // deep copy could overflow here and render on a thread (to be stopped there by the
              // nesting limit, src/markdown/rehype-nesting-limit.ts), so what the build says of an
              // article would hang on where it falls in the order. A thread decides.
            }
          }
          clearTimeout(idle);
          if (pool.size === 0) start();
          const [worker, jobs] = [...pool].reduce((a, b) => (b[1].size < a[1].size ? b : a));
          const id = next++;
          const job: RenderJob = { id, ...request };
          return new Promise<MarkdownRenderResult>((resolve, reject) => {
            jobs.set(id, { resolve, reject });
            worker.postMessage(job);
          });
        },
      };
    },
  };
}
