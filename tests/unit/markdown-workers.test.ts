import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it, vi } from 'vitest';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { workerProcessor } from '../../src/integrations/markdown-workers';
import { rebaserFor } from '../../src/model/urls';
import { ROOT } from '../support/paths';

const CORPORA = ['content/articles', 'tests/fixtures/corpora/real-copy', 'tests/fixtures/corpora/pictures', 'tests/fixtures/broken'];
const files = CORPORA.flatMap((dir) =>
  readdirSync(join(ROOT, dir))
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(ROOT, dir, name)),
);

describe.each(['/', '/news/'])('the worker-thread processor under base %s', (base) => {
  const shared = { syntaxHighlight: false as const };
  const inThread = createMarkdownProcessor({ ...shared, ...markdownPipeline({ rebase: rebaserFor(base) }) });
  const onWorkers = workerProcessor({ base, worker: new URL('../../src/integrations/markdown-render-worker.ts', import.meta.url), threads: 2 }).createRenderer(shared);

  it.each(files.map((file) => [file.slice(ROOT.length), file]))('renders %s exactly as the pipeline does in-thread', async (_, file) => {
    const text = readFileSync(file, 'utf8');
    // Fixtures with broken YAML still have a body worth rendering.
    const read = () => {
      try {
        return parseFrontmatter(text);
      } catch {
        return { frontmatter: {}, content: text.replace(/^---\n[\s\S]*?\n---\n/, '') };
      }
    };
    const { content } = read();
    // Plugins record facts in the front matter they are given: each render gets its own copy.
    const options = () => ({ frontmatter: read().frontmatter, fileURL: new URL(`file://${file}`) });
    const expected = await (await inThread).render(content, options()).then((result) => ({ result }), (error: Error) => ({ error: `${error.name}: ${error.message}` }));
    const actual = await (await onWorkers).render(content, options()).then((result) => ({ result }), (error: Error) => ({ error: `${error.name}: ${error.message}` }));
    expect(actual).toEqual(expected);
    // The first file waits for the pipeline to load in-thread and on two worker threads: seconds
    // on a busy machine, so the default 5 s is not a measure of anything here.
  }, 60_000);
});

/**
 * Runs `work` with the log of an expected render failure held back. @astrojs/markdown-remark logs
 * a failed render with its stack before rethrowing it (as it does in a build, where that log
 * names the file): in-thread through console.error; on a thread through its console, which reaches
 * this process's stderr through a pipe, outside Vitest's console capture, and may arrive after the
 * rejection. So a passing run prints no stack; anything else written meanwhile goes through.
 * `threadLogs` says how many thread logs to wait for.
 */
async function withFailureLogsHeld<T>(threadLogs: number, work: () => Promise<T>): Promise<T> {
  const write = process.stderr.write.bind(process.stderr);
  let logged = 0;
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: any[]) => {
    if (!String(chunk).includes('Maximum call stack size exceeded')) return write(chunk, ...rest);
    logged += 1;
    return true;
  });
  const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
  try {
    const result = await work();
    await vi.waitFor(() => expect(logged).toBeGreaterThanOrEqual(threadLogs), { timeout: 5000 }).catch(() => undefined);
    return result;
  } finally {
    stderr.mockRestore();
    console.mockRestore();
  }
}

const threadRenderer = () => workerProcessor({ base: '/', worker: new URL('../../src/integrations/markdown-render-worker.ts', import.meta.url), threads: 1 }).createRenderer({ syntaxHighlight: false });

describe('the worker-thread processor, when copy cannot be rendered', () => {
  it("rejects with the renderer's own error", async () => {
    await withFailureLogsHeld(1, async () => {
      const renderer = await threadRenderer();
      await expect(renderer.render(`${'> '.repeat(5_000)}deep`, { frontmatter: {} })).rejects.toThrow(/Maximum call stack size exceeded/);
    });
  }, 60_000);

  // A thread's stack is about the main thread's (THREAD_STACK_MB): nesting the renderer takes
  // in-thread it takes on a thread, and nesting too deep for it fails on both. (With a worker's
  // default 4 MB, 5,000 levels rendered on a thread and failed in-thread, and 8,000 took 17 s to fail.)
  it.each([
    [1_000, 'renders'],
    [5_000, 'fails'],
  ])('with quotes nested %i deep, %s on a thread as in-thread', async (depth, outcome) => {
    const content = `${'> '.repeat(depth)}deep`;
    const settle = (rendering: Promise<{ code: string }>) => rendering.then(({ code }) => ({ code }), (error: Error) => ({ error: `${error.name}: ${error.message}` }));
    await withFailureLogsHeld(outcome === 'fails' ? 1 : 0, async () => {
      const inThread = await settle((await createMarkdownProcessor({ syntaxHighlight: false, ...markdownPipeline({ rebase: rebaserFor('/') }) })).render(content, { frontmatter: {} }));
      const onThread = await settle((await threadRenderer()).render(content, { frontmatter: {} }));
      expect('error' in inThread ? 'fails' : 'renders').toBe(outcome);
      expect(onThread).toEqual(inThread);
    });
  }, 60_000);
});
