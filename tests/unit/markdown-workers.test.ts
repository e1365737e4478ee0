import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarkdownProcessor, parseFrontmatter, type MarkdownRenderResult } from '@astrojs/markdown-remark';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readBody, useBodyFolder } from '../../src/integrations/body-store';
import { readCopyFacts, type CopyFacts } from '../../src/markdown/copy-facts';
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

const WORKER = new URL('../../src/integrations/markdown-render-worker.ts', import.meta.url);
// The body store the processor renders into, as the bodyStore integration sets it in a build.
const bodies = mkdtempSync(join(tmpdir(), 'broadsheet-bodies-'));
useBodyFolder(bodies);
afterAll(() => rmSync(bodies, { recursive: true, force: true }));

/**
 * A result as the pipeline made it, before the renderer moved its HTML to the body store
 * (src/integrations/body-store.ts): the stored HTML back in `code`, and no digest among the facts.
 */
function withBodyRead(result: MarkdownRenderResult): MarkdownRenderResult {
  const frontmatter = result.metadata.frontmatter as { broadsheet?: CopyFacts };
  const { body, ...facts } = frontmatter.broadsheet ?? {};
  if (body === undefined) return result;
  return { ...result, code: readBody(bodies, body), metadata: { ...result.metadata, frontmatter: { ...frontmatter, broadsheet: facts } } };
}

// Each base path with every render on the threads (inline: 0), and with the first two on the main
// thread and the rest on the threads.
describe.each([
  ['/', 0],
  ['/news/', 0],
  ['/', 2],
])('the worker-thread processor under base %s, %i renders inline', (base, inline) => {
  const shared = { syntaxHighlight: false as const };
  const inThread = createMarkdownProcessor({ ...shared, ...markdownPipeline({ rebase: rebaserFor(base) }) });
  const onWorkers = workerProcessor({ base, worker: WORKER, threads: 2, inline }).createRenderer(shared);

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
    const expected = await (await inThread).render(content, options());
    const actual = await (await onWorkers).render(content, options());
    expect(withBodyRead(actual)).toEqual(expected);
    expect(actual.code).toBe('');
    // The first file waits for the pipeline to load in-thread and on two worker threads: seconds
    // on a busy machine, so the default 5 s is not a measure of anything here.
  }, 60_000);
});

/**
 * Runs `work` with the log of an expected render failure held back: @astrojs/markdown-remark logs
 * a failed render with its stack before rethrowing it, through console.error, which the tests'
 * own in-thread pipeline does (Broadsheet's renderer holds that log back itself). So a passing run
 * prints no stack; anything else written meanwhile goes through.
 */
async function withFailureLogsHeld<T>(work: () => Promise<T>): Promise<T> {
  const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
  try {
    return await work();
  } finally {
    console.mockRestore();
  }
}

const threadRenderer = () => workerProcessor({ base: '/', worker: WORKER, threads: 1, inline: 0 }).createRenderer({ syntaxHighlight: false });
const inlineRenderer = () => workerProcessor({ base: '/', worker: WORKER, threads: 1 }).createRenderer({ syntaxHighlight: false });

/** What a render came to: its HTML, or the error it threw (in-thread) or the problem it reported on `body` (on a thread). */
const outcome = (rendering: Promise<MarkdownRenderResult>) =>
  rendering.then(withBodyRead).then(
    ({ code, metadata }) => {
      const [problem] = readCopyFacts(metadata).problems.filter(({ field }) => field === 'body');
      return problem ? { failed: problem.message } : { code };
    },
    (error: Error) => ({ failed: `${error.name}: ${error.message}` }),
  );

describe('the worker-thread processor, when copy cannot be rendered', () => {
  it.each([
    ['on a thread', threadRenderer],
    // Failed on the main thread, it is made again on a thread. Neither logs it: the build reports it.
    ['on the main thread', inlineRenderer],
  ] as const)("comes back without HTML and with a problem on body quoting the renderer's error, the front matter kept, %s", async (_, makeRenderer) => {
    await withFailureLogsHeld(async () => {
      const renderer = await makeRenderer();
      const { code, metadata } = await renderer.render(`${'> '.repeat(5_000)}deep`, { frontmatter: { title: 'Deep' } });
      expect(code).toBe('');
      expect(metadata.frontmatter['title']).toBe('Deep');
      expect(readCopyFacts(metadata).problems).toEqual([
        { field: 'body', message: expect.stringMatching(/^expected Markdown that renders; the renderer stopped: RangeError: .*Maximum call stack size exceeded$/) as unknown as string },
      ]);
    });
  }, 60_000);

  // A thread's stack is about the main thread's (THREAD_STACK_MB): nesting the renderer takes
  // in-thread it takes on a thread, and nesting too deep for it fails on both. (With a worker's
  // default 4 MB, 5,000 levels rendered on a thread and failed in-thread, and 8,000 took 17 s to fail.)
  // Past the nesting limit a body that renders is stopped anyway (src/markdown/rehype-nesting-limit.ts):
  // at 5,000 the Markdown tools' own stack gives out first.
  it.each([
    [50, 'renders'],
    [1_000, 'fails'],
    [5_000, 'fails'],
  ])('with quotes nested %i deep, %s on a thread as in-thread', async (depth, expected) => {
    const content = `${'> '.repeat(depth)}deep`;
    await withFailureLogsHeld(async () => {
      const inThread = await outcome((await createMarkdownProcessor({ syntaxHighlight: false, ...markdownPipeline({ rebase: rebaserFor('/') }) })).render(content, { frontmatter: {} }));
      const onThread = await outcome((await threadRenderer()).render(content, { frontmatter: {} }));
      expect('failed' in inThread ? 'fails' : 'renders').toBe(expected);
      if ('failed' in inThread) expect(onThread).toEqual({ failed: expect.stringContaining(inThread.failed.split('\n').join(' ')) });
      else expect(onThread).toEqual(inThread);
    });
  }, 60_000);
});

/** What `tests/support/small-stack-render.ts` reports, run on a thread with a 0.5 MB stack. */
async function onSmallStack(content: string, how: 'processor' | 'direct'): Promise<unknown> {
  const worker = new Worker(new URL('../support/small-stack-render.ts', import.meta.url), {
    workerData: { content, how, bodies },
    resourceLimits: { stackSizeMb: 0.5 },
    stderr: true,
  });
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', resolve);
      worker.on('error', reject);
    });
  } finally {
    await worker.terminate();
  }
}

describe('the worker-thread processor, when the main thread has less stack than its threads', () => {
  // A build renders its first articles on its main thread, deep in Astro's calls; copy nested
  // nearly too deep could fail there and render on a thread, so whether a build passed would
  // hang on where the article fell in the order (found by a breaker: 2,000 nested quotes passed
  // as the 230th article and stopped the build as the only one).
  it('renders on a thread what fails on the main thread, so the thread decides', async () => {
    const content = `${'> '.repeat(1_000)}deep`;
    // The premise: on this small stack the renderer alone fails.
    expect(await onSmallStack(content, 'direct')).toEqual({ threw: 'RangeError' });
    // A thread renders it, and the nesting limit (src/markdown/rehype-nesting-limit.ts) stops it
    // there, as it stops the same body wherever it renders; not the main thread's stack overflow.
    expect(await onSmallStack(content, 'processor')).toEqual({ html: 0, problems: ['body: expected quotes, lists and HTML nested at most 100 deep, found 1001'] });
  }, 60_000);
});

// Found by a breaker: a body store that could not be written (read-only, a full disk) was
// reported as a problem in every article rendered, as if the copy were at fault.
describe('the worker-thread processor, when the body store cannot be written', () => {
  it.each([
    ['on a thread', threadRenderer],
    ['on the main thread', inlineRenderer],
  ] as const)('rejects the render with the store named, %s, instead of blaming the copy', async (_, makeRenderer) => {
    const blocked = join(bodies, 'blocked');
    writeFileSync(blocked, 'a file where the store would be');
    useBodyFolder(blocked);
    try {
      const renderer = await makeRenderer();
      await expect(renderer.render('Copy that renders.', { frontmatter: {} })).rejects.toThrow(`the body store ${blocked} could not be written: `);
    } finally {
      useBodyFolder(bodies);
    }
  }, 60_000);
});
