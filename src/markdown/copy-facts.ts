import type { MarkdownRenderResult } from '@astrojs/markdown-remark';
import type { VFile } from 'vfile';
import { frontmatterOf, renderedFrontmatter } from '../astro-internals.ts';

/** A problem a Markdown plugin found in copy: the front-matter field (or `body`) and what was expected. */
export interface CopyProblem {
  field: string;
  message: string;
}

/**
 * What the plugins learn about one article while rendering it, handed to the build through the
 * one channel Astro gives remark and rehype plugins (the front matter, which comes back with the
 * rendered entry: src/astro-internals.ts `frontmatterOf`), under one key.
 */
export interface CopyFacts {
  /** Minutes a reader needs for the body (src/markdown/reading-time.ts). */
  readingMinutes?: number;
  /** Problems that stop the build, naming the field; Astro would only log a thrown error (withastro/astro#18054). */
  problems?: CopyProblem[];
  /** Local files the body's `<audio>` and `<video>` name, as written (src/markdown/media-elements.ts): checked and published like pictures. */
  mediaSources?: string[];
  /** What the page will not show as written (an embed it does not keep), for the build and the check to name; the page is published. */
  notices?: CopyProblem[];
  /** The digest the rendered body is stored under (src/integrations/body-store.ts); undefined when it did not render. */
  body?: string;
}

/** The key under the rendered front matter that holds the facts. */
const KEY = 'broadsheet';

function factsOf(file: VFile): CopyFacts {
  const frontmatter = frontmatterOf(file);
  return (frontmatter[KEY] ??= {}) as CopyFacts;
}

/** Records the reading time of the file being rendered. */
export function recordReadingMinutes(file: VFile, minutes: number): void {
  factsOf(file).readingMinutes = minutes;
}

/** Records a problem in the file being rendered, for the build to report with its file name. */
export function recordCopyProblem(file: VFile, problem: CopyProblem): void {
  const facts = factsOf(file);
  facts.problems = [...(facts.problems ?? []), problem];
}

/** Records a local file an `<audio>` or `<video>` of the file being rendered names. */
export function recordMediaSource(file: VFile, source: string): void {
  const facts = factsOf(file);
  facts.mediaSources = [...(facts.mediaSources ?? []), source];
}

/** Records something of the copy the page will not show as written (src/markdown/embeds.ts). */
export function recordCopyNotice(file: VFile, notice: CopyProblem): void {
  const facts = factsOf(file);
  facts.notices = [...(facts.notices ?? []), notice];
}

/**
 * The facts recorded for a rendered entry, read back from its metadata (`rendered.metadata`).
 * Anything not recorded comes back empty: no problems, notices or media files, and no reading time (undefined).
 */
export function readCopyFacts(metadata: Readonly<Record<string, unknown>> | undefined): Required<Pick<CopyFacts, 'problems' | 'notices' | 'mediaSources'>> & CopyFacts {
  const facts = (renderedFrontmatter(metadata)?.[KEY] ?? {}) as CopyFacts;
  return { ...facts, problems: facts.problems ?? [], notices: facts.notices ?? [], mediaSources: facts.mediaSources ?? [] };
}

/**
 * What the build keeps of a body the pipeline failed to render (its error: a stack overflowed by
 * quotes nested thousands deep, say): no HTML, and a problem on `body` quoting the renderer's
 * error (`message`, its lines joined), which the build reports naming the file
 * (src/checks/rendered.ts), with every other problem. Since Astro 7.4 a thrown render error stops
 * the content sync with a stack trace and neither file nor field (its glob loader rethrows what
 * 7.3 only logged, withastro/astro#18054).
 */
export function unrendered(frontmatter: Record<string, unknown> | undefined, message: string): MarkdownRenderResult {
  const problem: CopyProblem = { field: 'body', message: `expected Markdown that renders; the renderer stopped: ${message.split('\n').join(' ')}` };
  return {
    code: '',
    metadata: { headings: [], localImagePaths: [], remoteImagePaths: [], frontmatter: { ...frontmatter, [KEY]: { problems: [problem] } satisfies CopyFacts } },
  };
}

/**
 * A render's result with its HTML moved to the body store (src/integrations/body-store.ts): no
 * HTML (`code` is empty), and `digest`, the body's name in the store, among the copy facts.
 */
export function withStoredBody(result: MarkdownRenderResult, digest: string): MarkdownRenderResult {
  const frontmatter = renderedFrontmatter(result.metadata) ?? {};
  const facts = (frontmatter[KEY] ?? {}) as CopyFacts;
  return { ...result, code: '', metadata: { ...result.metadata, frontmatter: { ...frontmatter, [KEY]: { ...facts, body: digest } satisfies CopyFacts } } };
}
