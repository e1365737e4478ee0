/**
 * Renders `workerData.content` from a thread the test starts with a small stack, standing in for a
 * build's main thread deep in Astro's calls: with Broadsheet's Markdown processor
 * (src/integrations/markdown-workers.ts, `processor`), whose own threads have the usual stack, or
 * with its renderer alone on this thread (`direct`). Posts back the HTML's length and the problems
 * recorded (`field: message`), or the error `direct` threw.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { workerProcessor } from '../../src/integrations/markdown-workers.ts';
import { copyRenderer } from '../../src/integrations/markdown-renderer.ts';
import { readCopyFacts } from '../../src/markdown/copy-facts.ts';

const { content, how } = workerData as { content: string; how: 'processor' | 'direct' };
const worker = new URL('../../src/integrations/markdown-render-worker.ts', import.meta.url);
try {
  const render =
    how === 'direct'
      ? await copyRenderer('/', { syntaxHighlight: false })
      : ((renderer) => (request: { content: string }) => renderer.render(request.content, { frontmatter: {} }))(
          await workerProcessor({ base: '/', worker, threads: 1 }).createRenderer({ syntaxHighlight: false }),
        );
  const { code, metadata } = await render({ content, fileURL: undefined, frontmatter: {} });
  parentPort!.postMessage({ html: code.length, problems: readCopyFacts(metadata).problems.map(({ field, message }) => `${field}: ${message}`) });
} catch (error) {
  parentPort!.postMessage({ threw: error instanceof Error ? error.name : String(error) });
}
