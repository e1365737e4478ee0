import { createMarkdownProcessor, type AstroMarkdownOptions, type MarkdownRenderResult } from '@astrojs/markdown-remark';
import { rebaserFor } from '../model/urls.ts';
import { unrendered } from '../markdown/copy-facts.ts';
import { markdownPipeline } from '../markdown/pipeline.ts';

/** One render: Markdown and the options Astro passes, the file as a URL string (it crosses to threads as plain data). */
export interface RenderRequest {
  content: string;
  fileURL: string | undefined;
  frontmatter: Record<string, unknown> | undefined;
}

/** Renders a request (see `copyRenderer` and `reporting`). */
export type CopyRenderer = (request: RenderRequest) => Promise<MarkdownRenderResult>;

/**
 * Broadsheet's pipeline (src/markdown/pipeline.ts) under Astro's settings `shared` and the site's
 * base path `base` (`/` or `/news/`), made once, the same on the main thread and on a Markdown
 * thread (src/integrations/markdown-workers.ts). Throws what the pipeline throws, after
 * @astrojs/markdown-remark has logged it (`console.error`).
 */
export async function copyRenderer(base: string, shared: AstroMarkdownOptions): Promise<CopyRenderer> {
  const processor = await createMarkdownProcessor({ ...shared, ...markdownPipeline({ rebase: rebaserFor(base) }) });
  return ({ content, fileURL, frontmatter }) =>
    processor.render(content, { ...(frontmatter && { frontmatter }), ...(fileURL && { fileURL: new URL(fileURL) }) });
}

/**
 * `render` that never throws: a body that fails comes back unrendered, with a problem on `body`
 * quoting the error (src/markdown/copy-facts.ts `unrendered`), which stops the build naming the file.
 */
export function reporting(render: CopyRenderer): CopyRenderer {
  return async (request) => {
    try {
      return await render(request);
    } catch (error) {
      const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
      return unrendered(request.frontmatter, `${name}: ${message}`);
    }
  };
}
