import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownRenderResult } from '@astrojs/markdown-remark';
import { rebaserFor } from '../model/urls.ts';
import { unrendered, withStoredBody } from '../markdown/copy-facts.ts';
import { BodyStoreError, storeBody } from './body-store.ts';
import { markdownPipeline } from '../markdown/pipeline.ts';
import { readDateline } from '../schemas/article.ts';

/** One render: Markdown and the options Astro passes, the file as a URL string (it crosses to threads as plain data). */
export interface RenderRequest {
  content: string;
  fileURL: string | undefined;
  frontmatter: Record<string, unknown> | undefined;
}

/** Renders a request (see `copyRenderer` and `reporting`). */
export type CopyRenderer = (request: RenderRequest) => Promise<MarkdownRenderResult>;

// Renders in flight on this thread, while @astrojs/markdown-remark's log of a failed one is held
// back (see `withFailuresUnlogged`).
let quieted = 0;
let logError: typeof console.error | undefined;

/**
 * Runs `render` with the log @astrojs/markdown-remark writes before rethrowing a failed render
 * (`console.error` of an error "Failed to parse Markdown file …", with its stack) held back: every
 * caller reports the error itself, as a problem on `body` naming the file, or renders the body
 * again on a thread. Every other log goes through.
 */
async function withFailuresUnlogged<T>(render: () => Promise<T>): Promise<T> {
  if (quieted++ === 0) {
    logError = console.error;
    const log = logError;
    console.error = (...args: unknown[]) => {
      if (!(args[0] instanceof Error && args[0].message.startsWith('Failed to parse Markdown file'))) log(...args);
    };
  }
  try {
    return await render();
  } finally {
    if (--quieted === 0 && logError) console.error = logError;
  }
}

/**
 * Broadsheet's pipeline (src/markdown/pipeline.ts) under Astro's settings `shared` and the site's
 * base path `base` (`/` or `/news/`), made once, the same on the main thread and on a Markdown
 * thread (src/integrations/markdown-workers.ts). Each body it renders goes to the body store at
 * `bodies` (src/integrations/body-store.ts), and the result carries its digest instead of the HTML
 * (src/markdown/copy-facts.ts `withStoredBody`). Throws what the pipeline throws, without the
 * stack trace @astrojs/markdown-remark would print first (the build names file and field instead).
 */
export async function copyRenderer(base: string, shared: AstroMarkdownOptions, bodies: string): Promise<CopyRenderer> {
  const processor = await createMarkdownProcessor({ ...shared, ...markdownPipeline({ rebase: rebaserFor(base), dateline: readDateline }) });
  return async ({ content, fileURL, frontmatter }) => {
    const result = await withFailuresUnlogged(() =>
      processor.render(content, { ...(frontmatter && { frontmatter }), ...(fileURL && { fileURL: new URL(fileURL) }) }),
    );
    return withStoredBody(result, storeBody(bodies, result.code));
  };
}

/**
 * `render` that throws only when the body store fails (BodyStoreError): a body that fails comes
 * back unrendered, with a problem on `body` quoting the error (src/markdown/copy-facts.ts
 * `unrendered`), which stops the build naming the file.
 */
export function reporting(render: CopyRenderer): CopyRenderer {
  return async (request) => {
    try {
      return await render(request);
    } catch (error) {
      if (error instanceof BodyStoreError) throw error;
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      return unrendered(request.frontmatter, `${name}: ${message}`);
    }
  };
}
