/**
 * Renders `workerData.content` from a thread the test starts with a small stack, standing in for a
 * build's main thread deep in Astro's calls: with Broadsheet's Markdown processor
 * (src/integrations/markdown-workers.ts, `processor`), whose own threads have the usual stack, or
 * with its renderer alone on this thread (`direct`), storing bodies in `workerData.bodies`. Posts
 * back the stored HTML's length and the problems recorded (`field: message`), or the error
 * `direct` threw.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { workerProcessor } from '../../src/integrations/markdown-workers.ts';
import { copyRenderer } from '../../src/integrations/markdown-renderer.ts';
import { readBody, useBodyFolder } from '../../src/integrations/body-store.ts';
import { readCopyFacts } from '../../src/markdown/copy-facts.ts';

const { content, how, bodies } = workerData as { content: string; how: 'processor' | 'direct'; bodies: string };
useBodyFolder(bodies);
const worker = new URL('../../src/integrations/markdown-render-worker.ts', import.meta.url);
try {
  const { metadata } =
    how === 'direct'
      ? await (await copyRenderer('/', { syntaxHighlight: false }, bodies))({ content, fileURL: undefined, frontmatter: {} })
      : await (await workerProcessor({ base: '/', worker, threads: 1 }).createRenderer({ syntaxHighlight: false })).render(content, { frontmatter: {} });
  const { body, problems } = readCopyFacts(metadata);
  parentPort!.postMessage({ html: body === undefined ? 0 : readBody(bodies, body).length, problems: problems.map(({ field, message }) => `${field}: ${message}`) });
} catch (error) {
  parentPort!.postMessage({ threw: error instanceof Error ? error.name : String(error) });
}
