import { localImagePaths } from '../astro-internals.ts';
import { paidProminenceNotice } from './article-types.ts';
import { readCopyFacts } from '../markdown/copy-facts.ts';
import { renderInlineMarkdown, type InlineOptions } from '../markdown/inline.ts';
import type { ArticleInput } from '../model/articles.ts';
import { contentError, type ContentProblem } from './problems.ts';
import type { ArticleData } from '../schemas/article.ts';
import { articleMedia } from './media.ts';
import { routes } from '../model/urls.ts';

/** What an editor is told of an entry the content layer kept no rendering of (a loader that rendered nothing). */
const NO_RENDERING = 'expected Markdown that renders; the content layer kept no rendering of it';

/** The parts of an `astro:content` entry the build reads: an article's, or (`Data`) another collection's. */
export interface RenderedEntry<Data = ArticleData> {
  id: string;
  data: Data;
  filePath?: string | undefined;
  /** What the content layer rendered: HTML, and metadata with Astro's `localImagePaths` and the plugins' facts. */
  rendered?: { html: string; metadata?: Record<string, unknown> | undefined } | undefined;
}

/**
 * The build's side of the content check: turns rendered entries into the model's input, with
 * the problems only rendering finds (a body that did not render, a figure placed past the end,
 * a picture file that is missing, a correction that is not inline Markdown), and corrections
 * rendered (root-relative links moved by `rebase`). Throws one error listing every problem in every entry, worded
 * as `npm run check` words them.
 */
/**
 * What rendering made of one entry, read once for every collection rendered by the Markdown
 * pipeline: the file to name, the rendering and the plugins' facts (src/markdown/copy-facts.ts),
 * whose notices go to `notices`. Undefined, with the problem added to `problems`, when the content
 * layer kept no rendering (a body that failed to render comes back with facts saying so, `unrendered`).
 */
export function readRendering<Data>(
  entry: RenderedEntry<Data>,
  problems: ContentProblem[],
  notices: ContentProblem[],
): { file: string; rendered: NonNullable<RenderedEntry['rendered']>; facts: ReturnType<typeof readCopyFacts> } | undefined {
  const file = entry.filePath ?? entry.id;
  if (!entry.rendered) {
    problems.push({ file, field: 'body', message: NO_RENDERING });
    return undefined;
  }
  const facts = readCopyFacts(entry.rendered.metadata);
  notices.push(...facts.notices.map((notice) => ({ file, ...notice })));
  return { file, rendered: entry.rendered, facts };
}

export function checkRendered(
  entries: readonly RenderedEntry[],
  { rebase, notices = [] }: InlineOptions & { /** Receives what rendering found the pages will not show as written (embeds not kept). */ notices?: ContentProblem[] } = {},
): ArticleInput[] {
  const inputs: ArticleInput[] = [];
  const problems: ContentProblem[] = [];
  for (const entry of entries) {
    const read = readRendering(entry, problems, notices);
    if (!read) continue;
    const { file, facts, rendered: body } = read;
    const paid = paidProminenceNotice(entry.data);
    if (paid) notices.push({ file, ...paid });
    const { media, problems: mediaProblems } = articleMedia(file, localImagePaths(body.metadata), entry.data.image?.src, facts.mediaSources);
    const corrections = (entry.data.corrections ?? []).map((correction, index) => {
      // Relative links resolve against the article, wherever the note is shown (its foot, the corrections log).
      const rendered = renderInlineMarkdown(correction.text, { rebase, page: routes.article(entry.id) });
      if ('problem' in rendered) return { problem: { field: `corrections.${index}.text`, message: rendered.problem } };
      return { date: correction.date, kind: correction.kind, ...rendered };
    });
    const found = [...facts.problems, ...mediaProblems, ...corrections.flatMap((correction) => ('problem' in correction ? [correction.problem] : []))];
    if (found.length > 0) {
      problems.push(...found.map((problem) => ({ file, ...problem })));
      continue;
    }
    const rendered = corrections.flatMap((correction) => ('problem' in correction ? [] : [correction]));
    inputs.push({ slug: entry.id, file, data: entry.data, html: body.html, readingMinutes: facts.readingMinutes ?? 1, media, corrections: rendered });
  }
  if (problems.length > 0) throw contentError(problems);
  return inputs;
}
