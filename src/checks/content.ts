import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { rawHtmlNotices } from '../markdown/embeds.ts';
import { localMediaSources } from '../markdown/media-elements.ts';
import { inlineMarkdownProblem } from '../markdown/inline.ts';
import { figurePlace } from '../markdown/remark-figure.ts';
import { articleSlug, routes } from '../model/urls.ts';
import { normalizeName } from '../names.ts';
import { articleRulesSchema, articleSchema } from '../schemas/article.ts';
import { frontMatterYamlProblem, readMarkdown, truncatedByComments } from './front-matter.ts';
import { checkProfiles } from './authors.ts';
import { checkPages } from './pages.ts';
import { errorAddressProblem } from '../model/error-reports.ts';
import { SITE } from '../site.ts';
import { isLocalAddress } from '../markdown/url-attributes.ts';
import { articleMedia, damagedPictures, type FileProblem, type PictureUse, type PictureVerdicts } from './media.ts';
import { schemaProblems, type ContentProblem } from './problems.ts';
import { paidProminenceNotice } from './article-types.ts';
import { seriesNotices, seriesProblems } from './series.ts';
import { tagProblems } from './tags.ts';
import { localPictures, spacedPictureAddresses } from './pictures.ts';
import { checkUpdates, type StoryFacts } from './updates.ts';
import { readUtf8 } from './utf8.ts';

export { formatProblems, type ContentProblem } from './problems.ts';
export { contentFiles } from './files.ts';
import { contentFiles } from './files.ts';



interface Checked {
  file: string;
  slug: string;
  tags: string[];
  series?: string | undefined;
  part?: number | undefined;
  published?: string | undefined;
  live?: boolean | undefined;
}

/** What checking one file found: its own problems, and what the cross-file checks need. */
export interface FileCheck {
  /** Problems within the file, without the file name (the name is the cache key's business). */
  problems: FileProblem[];
  /**
   * The URL slug, tags, series and part, when the file got far enough to have them; its
   * publication (canonical) and `live` field when the front matter passed, for the updates' rules.
   */
  article?: { slug: string; tags: string[]; series?: string | undefined; part?: number | undefined; published?: string | undefined; live?: boolean | undefined };
  /** True when the result depends on other files (pictures beside the article), so no cache may keep it. */
  readsOtherFiles: boolean;
  /** The picture files the article uses, for the decode check (`damagedPictures`). */
  pictures?: Omit<PictureUse, 'file'>[];
  /** What the page will not show as written (embeds it does not keep), when the body was parsed: published, but named. */
  notices?: FileProblem[];
}

/**
 * Remembers each file's check between builds, keyed by the file's bytes. Results that depend on
 * other files are never kept, and cross-file checks (duplicate URLs, merging tags) always rerun.
 */
export interface CheckCache {
  get(path: string, digest: string): FileCheck | undefined;
  set(path: string, digest: string, result: FileCheck): void;
  /** Pictures' decode verdicts by the digest of their bytes (`damagedPictures`). */
  pictures?: PictureVerdicts | undefined;
}

/**
 * Checks one article file on its own. `bodies: 'when-pictures'` parses the body only when it may
 * name picture files (the check needs the tree to find them); figure placement in other bodies
 * is then left to the render, which reports it in the same words (src/markdown/remark-figure.ts).
 */
export function checkFile(path: string, bytes: Buffer, { bodies = 'always' }: { bodies?: BodyCheck } = {}): FileCheck {
  const problems: FileCheck['problems'] = [];
  const result: FileCheck = { problems, readsOtherFiles: false };
  const report = (field: string, message: string) => problems.push({ field, message });
  // Every problem of a file in one pass: what cannot be read is reported, and the rest is still
  // checked as far as it can be (the body's pictures and files, the file name).
  const read = readUtf8(bytes);
  if ('problem' in read) report('file', read.problem);
  const text = 'problem' in read ? Buffer.from(bytes).toString('utf8') : read.text;
  let parsed: ReturnType<typeof readMarkdown>;
  try {
    parsed = readMarkdown(text);
  } catch (error) {
    const problem = frontMatterYamlProblem(text, error);
    report(problem.field, problem.message);
    // The body after the block, with nothing read from the block.
    parsed = { data: {}, body: text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '') };
  }
  if (parsed.data === undefined) {
    report('front matter', 'expected a front-matter block between --- lines at the top of the file');
    parsed = { data: {}, body: parsed.body };
  }
  const readable = !('problem' in read) && problems.length === 0;
  for (const cut of readable ? truncatedByComments(text, articleSchema) : []) report(cut.field, cut.message);
  const schema = articleSchema.safeParse(parsed.data);
  // The schema's word on a block that could not be read would only repeat that it is missing.
  if (!schema.success && readable) problems.push(...schemaProblems(schema.error.issues, 'front matter'));
  if (!schema.success && readable) {
    // The object's own rules (date order) run only once every field passed: run them alone too.
    const reported = new Set(problems.map((problem) => `${problem.field}|${problem.message}`));
    const rules = articleRulesSchema.safeParse(parsed.data);
    for (const issue of rules.success ? [] : rules.error.issues) {
      const field = issue.path.join('.');
      if (issue.code === 'custom' && !reported.has(`${field}|${issue.message}`)) report(field, issue.message);
    }
  }
  const data = parsed.data ?? {};
  const corrections = data['corrections'];
  if (Array.isArray(corrections)) {
    corrections.forEach((correction: unknown, index) => {
      const text = (correction as { text?: unknown } | null)?.text;
      const problem = typeof text === 'string' && text.trim() !== '' ? inlineMarkdownProblem(text) : undefined;
      if (problem) report(`corrections.${index}.text`, problem);
    });
  }
  // An empty body is reported with everything else: the file name and the lead picture are still checked.
  const empty = parsed.body.trim() === '';
  if (empty) report('body', 'expected the article text below the front matter, found nothing');
  const name = articleSlug(path);
  // Fields the schema refused elsewhere are still read where they are whole: the lead picture is
  // looked for, and the tags take part in the check across files.
  const raw = data as { tags?: unknown; image?: unknown; series?: unknown; part?: unknown };
  const tags = schema.success ? schema.data.tags : Array.isArray(raw.tags) && raw.tags.every((tag) => typeof tag === 'string') ? (raw.tags as string[]) : [];
  const series = schema.success ? schema.data.series : typeof raw.series === 'string' ? normalizeName(raw.series) || undefined : undefined;
  const part = schema.success ? schema.data.part : Number.isInteger(raw.part) ? (raw.part as number) : undefined;
  if (name === '') report('file', 'expected a file name with letters or digits: it becomes the article URL');
  else
    result.article = {
      slug: name,
      tags,
      ...(series !== undefined && { series }),
      ...(part !== undefined && { part }),
      ...(schema.success && { published: schema.data.published, live: schema.data.live }),
    };

  const rawImage = raw.image as { src?: unknown; afterParagraph?: unknown } | null | undefined;
  const image = schema.success
    ? schema.data.image
    : typeof rawImage?.src === 'string'
      ? { src: rawImage.src, afterParagraph: typeof rawImage.afterParagraph === 'number' ? rawImage.afterParagraph : 0 }
      : undefined;
  const localSrc = image?.src !== undefined && isLocalAddress(image.src) ? image.src : undefined;
  // Picture syntax always starts with "![", so a body without it names no picture file.
  // Said by the build too, from the rendered entry (src/checks/rendered.ts): only the full check says it here.
  const paid = schema.success && bodies === 'always' ? paidProminenceNotice(schema.data) : undefined;
  if (paid) result.notices = [paid];
  if (bodies === 'when-pictures' && !localSrc && !parsed.body.includes('![') && !/<(?:audio|video)\b/i.test(parsed.body)) return result;
  // The body's structure, parsed as the site's pipeline parses it: enough to check figure
  // placement, picture files and embeds without the cost of rendering.
  const tree = fromMarkdown(parsed.body);
  if (image && !empty) {
    const place = figurePlace(tree, image.afterParagraph);
    if ('problem' in place) report(place.problem.field, place.problem.message);
  }
  problems.push(...spacedPictureAddresses(tree));
  if (bodies === 'always') result.notices = [...(result.notices ?? []), ...rawHtmlNotices(tree)];
  const pictures = [...(localSrc ? [localSrc] : []), ...localPictures(tree)];
  const players = localMediaSources(tree);
  result.readsOtherFiles = pictures.length + players.length > 0;
  const found = articleMedia(path, pictures, localSrc, players);
  problems.push(...found.problems);
  // Sound and video files are checked by their first bytes; only pictures are decoded whole.
  result.pictures = found.media.filter((file) => file.type.startsWith('image/')).map((picture) => ({ field: picture.source === localSrc ? 'image.src' : 'body', source: picture.source, fsPath: picture.fsPath }));
  return result;
}

/** How much of the bodies a check parses: all of them, or those that may name picture files. */
export type BodyCheck = 'always' | 'when-pictures';

/**
 * Checks every article in a content folder and reports every problem at once: encoding, front
 * matter (YAML and the schema), an empty body, figure placement and picture files (from the
 * parsed body, without rendering it), duplicate URLs, tags and series names that would merge, and
 * parts of a series claimed twice (series numbers that skip parts are a notice); and, given the
 * `authors` folder, every author's profile (src/checks/authors.ts); given the `pages` folder, every
 * page of the publication's own (src/checks/pages.ts).
 *
 * The build passes `bodies: 'when-pictures'`, since the render checks figure placement anyway:
 * parsing every body twice cost ten seconds at 10,000 articles. Once anything is wrong, though,
 * every body is parsed, so the editor still gets the whole list in one go. The cache holds
 * results of that lighter check only.
 */
export async function checkContent(
  dir: string,
  {
    cache,
    bodies = 'always',
    authors,
    pages,
    updates,
    notices,
  }: {
    cache?: CheckCache | undefined;
    bodies?: BodyCheck;
    authors?: string | undefined;
    pages?: string | undefined;
    /** The live stories' updates (UPDATES_DIR, else content/updates), checked against the articles (src/checks/updates.ts). */
    updates?: string | undefined;
    /** Given, receives what the pages will not show as written (`FileCheck.notices`), for the editor to read; they stop nothing. */
    notices?: ContentProblem[] | undefined;
  } = {},
): Promise<ContentProblem[]> {
  const { articles: files, unread: unreadArticles } = contentFiles(dir);
  // Profiles and pages are few and small: checked in full every time, with the articles' unreadable files.
  const profiles = authors ? checkProfiles(authors) : { problems: [], pictures: [] };
  const pageNotices: ContentProblem[] = [];
  const unread = [...unreadArticles, ...profiles.problems, ...(pages ? checkPages(pages, pageNotices) : []), ...settingProblems()];
  let pictures: PictureUse[] = [];
  const stories: Parameters<typeof checkFiles>[5] = new Map();
  let problems = [...unread, ...checkFiles(files, bodies, bodies === 'when-pictures' ? cache : undefined, pictures, notices, stories)];
  if (problems.length > unread.length && bodies !== 'always') {
    pictures = [];
    problems = [...unread, ...checkFiles(files, 'always', undefined, pictures, notices, stories)];
  }
  notices?.push(...pageNotices);
  // Updates are checked against the articles: one whose story has problems of its own is judged once the story is fixed.
  if (updates) {
    const updateNotices: ContentProblem[] = [];
    problems.push(...checkUpdates(updates, stories, updateNotices));
    notices?.push(...updateNotices);
  }
  const damaged = await damagedPictures([...profiles.pictures, ...pictures], cache?.pictures);
  return damaged.length === 0 ? problems : [...problems, ...damaged].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The site settings content relies on (src/site.ts), as problems naming the file and the setting: the error-report address. */
function settingProblems(): ContentProblem[] {
  const problem = SITE.errorReportsTo === undefined ? undefined : errorAddressProblem(SITE.errorReportsTo);
  return problem ? [{ file: 'src/site.ts', field: 'errorReportsTo', message: problem }] : [];
}

function checkFiles(paths: string[], bodies: BodyCheck, cache: CheckCache | undefined, pictures: PictureUse[], notices: ContentProblem[] = [], stories: Map<string, StoryFacts extends ReadonlyMap<string, infer V> ? V : never> = new Map()): ContentProblem[] {
  notices.length = 0;
  stories.clear();
  const problems: ContentProblem[] = [];
  const checked: Checked[] = [];

  for (const path of paths) {
    const file = relative(process.cwd(), path) || path;
    const bytes = readFileSync(path);
    const digest = cache ? createHash('sha256').update(bytes).digest('base64url') : '';
    let result = cache?.get(path, digest);
    if (!result) {
      result = checkFile(path, bytes, { bodies });
      if (cache && !result.readsOtherFiles) cache.set(path, digest, result);
    }
    for (const problem of result.problems) problems.push({ file, ...problem });
    for (const picture of result.pictures ?? []) pictures.push({ file, ...picture });
    for (const notice of result.notices ?? []) notices.push({ file, ...notice });
    if (result.article) checked.push({ file, ...result.article });
    if (result.article) stories.set(result.article.slug, result.article.published === undefined ? undefined : { file, published: result.article.published, live: result.article.live });
  }

  const bySlug = Map.groupBy(checked, (article) => article.slug);
  for (const [name, same] of bySlug) {
    if (same.length < 2) continue;
    for (const article of same) {
      const others = same.filter((other) => other !== article).map((other) => other.file);
      problems.push({
        file: article.file,
        field: 'file',
        message: `expected a unique URL: ${others.join(', ')} also becomes ${decodeURI(routes.article(name))}`,
      });
    }
  }
  problems.push(...tagProblems(checked), ...seriesProblems(checked));
  notices.push(...seriesNotices(checked));
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
