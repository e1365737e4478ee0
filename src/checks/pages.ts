import type { Root } from 'mdast';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { localImagePaths } from '../astro-internals.ts';
import { rawHtmlNotices } from '../markdown/embeds.ts';
import { localMediaSources } from '../markdown/media-elements.ts';
import { compareAboutPages, type AboutPage } from '../model/about.ts';
import { isLocalAddress } from '../markdown/url-attributes.ts';
import { articleSlug, routes } from '../model/urls.ts';
import { pageSchema, type PageData } from '../schemas/page.ts';
import { contentError, schemaProblems, type ContentProblem } from './problems.ts';
import { readRendering, type RenderedEntry } from './rendered.ts';
import { markdownEntries } from './files.ts';

/**
 * What an editor is told of a local picture or media file in a page's body: pages publish no
 * files of their own (only articles do, under /media/<slug>/), so the file would be a dead link.
 */
export const PAGE_MEDIA_PROBLEM =
  'expected no local pictures, media files or links to files beside the page: pages publish no files of their own; put the file in public/ and link it from the site root (/picture.png), link another page by its site path (/about/ethics/), or use an https address';

/**
 * Local files a page's parsed body uses: Markdown's pictures, players' sources, and links to files
 * beside it (Markdown's, and raw `<a>`s, their addresses read as a browser reads them). A raw
 * `<img>` the page cannot show is dropped with a notice, as in an article (`rawHtmlNotices`).
 */
function localFiles(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, ['image', 'link', 'definition', 'html'], (node) => {
    if ('url' in node && isLocalAddress(node.url)) found.push(node.url);
    if (node.type === 'html' && /<a\b/i.test(node.value)) {
      visit(fromHtml(node.value, { fragment: true }), 'element', (element: Element) => {
        const typed = element.tagName === 'a' ? element.properties['href'] : undefined;
        // As the URL parser reads it: tabs and newlines anywhere, and spaces and controls at the ends, do not count.
        const href = typeof typed === 'string' ? typed.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '') : '';
        if (href !== '' && isLocalAddress(href)) found.push(href);
      });
    }
  });
  return [...found, ...localMediaSources(tree)];
}

/**
 * Pages sharing a role or a URL, as problems on each of them, naming the others. `pages` are the
 * files that passed the schema, with their slug and role.
 */
export function pageClashes(pages: readonly { file: string; slug: string; role?: string | undefined }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const [key, field, message] of [
    ['role', 'role', (value: string, others: string) => `expected one page with the role ${value}: ${others} has it too`],
    ['slug', 'file', (value: string, others: string) => `expected a unique URL: ${others} also becomes ${decodeURI(routes.aboutPage(value))}`],
  ] as const) {
    for (const [value, same] of Map.groupBy(pages, (page) => page[key])) {
      if (value === undefined || same.length < 2) continue;
      for (const page of same) {
        const others = same.filter((other) => other !== page).map((other) => other.file).join(', ');
        problems.push({ file: page.file, field, message: message(value, others) });
      }
    }
  }
  return problems;
}

/**
 * Checks every page in `dir` (PAGES_DIR, else content/pages) as the build reads them: UTF-8 with
 * a front-matter block the page schema accepts, a body, no local files in it (`PAGE_MEDIA_PROBLEM`),
 * a file name that makes an address, and no role or address shared with another page. Returns
 * every problem, sorted by file; what the page will not show as written (raw HTML not kept) goes
 * to `notices`.
 */
export function checkPages(dir: string, notices: ContentProblem[] = []): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const pages: { file: string; slug: string; role?: string | undefined }[] = [];
  for (const { path, file, data, body, report } of markdownEntries(dir, pageSchema, 'title and description', problems)) {
    if (body.trim() === '') report('body', 'expected the page\'s text after the front matter, found none');
    const tree = fromMarkdown(body);
    for (const address of localFiles(tree)) report('body', `"${address}": ${PAGE_MEDIA_PROBLEM}`);
    // What the page will not show as written (a script, a frame from an unknown host), as for an article's body.
    notices.push(...rawHtmlNotices(tree).map((notice) => ({ file, ...notice })));
    const slug = articleSlug(path);
    if (slug === '') report('file', 'expected a file name with letters or digits: it becomes the page\'s address');
    const schema = pageSchema.safeParse(data);
    if (!schema.success) {
      for (const problem of schemaProblems(schema.error.issues, 'front matter')) report(problem.field, problem.message);
      continue;
    }
    if (slug !== '') pages.push({ file, slug, role: schema.data.role });
  }
  problems.push(...pageClashes(pages));
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** A page as the content layer hands it over, its body read back from the body store. */
export type RenderedPage = RenderedEntry<PageData>;

/**
 * The build's side of the pages check: the pages as /about/ lists them (`compareAboutPages`), with
 * what only rendering finds refused (a body that did not render, a local picture or file) and two
 * pages with one role refused, naming the files; what rendering did not keep goes to `notices`.
 * Throws one error listing every problem, worded as `npm run check` words them.
 */
export function aboutPagesOf(entries: readonly RenderedPage[], { notices = [] }: { /** Receives what rendering found the pages will not show as written (a picture dropped). */ notices?: ContentProblem[] } = {}): AboutPage[] {
  const problems: ContentProblem[] = [];
  const pages: AboutPage[] = [];
  for (const entry of entries) {
    const read = readRendering(entry, problems, notices);
    if (!read) continue;
    const { file, rendered, facts } = read;
    const local = [...localImagePaths(rendered.metadata), ...facts.mediaSources];
    const found = [...facts.problems, ...local.map((address) => ({ field: 'body', message: `"${address}": ${PAGE_MEDIA_PROBLEM}` }))];
    if (found.length > 0) {
      problems.push(...found.map((problem) => ({ file, field: problem.field, message: problem.message })));
      continue;
    }
    pages.push({ slug: entry.id, file, title: entry.data.title, description: entry.data.description, role: entry.data.role, html: rendered.html });
  }
  problems.push(...pageClashes(pages));
  if (problems.length > 0) throw contentError(problems);
  return pages.sort(compareAboutPages);
}
