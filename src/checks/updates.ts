import { fromHtml } from 'hast-util-from-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { localImagePaths } from '../astro-internals.ts';
import { rawHtmlNotices } from '../markdown/embeds.ts';
import { localMediaSources } from '../markdown/media-elements.ts';
import { readerText } from '../markdown/text-of.ts';
import { updateAnchor, type UpdateInput } from '../model/live.ts';
import type { MediaFile } from '../model/media.ts';
import { articleSlug } from '../model/urls.ts';
import { isBefore } from '../schemas/article.ts';
import { toArticleDate } from '../model/dates.ts';
import { SITE } from '../site.ts';
import { likelyMeant } from '../schemas/messages.ts';
import { updateSchema, type UpdateData } from '../schemas/update.ts';
import { articleMedia } from './media.ts';
import { contentError, schemaProblems, type ContentProblem } from './problems.ts';
import { readRendering, type RenderedEntry } from './rendered.ts';
import { markdownEntries } from './files.ts';
import { localPictures, spacedPictureAddresses } from './pictures.ts';

/**
 * What the update rules need of each article, by slug: its file, its publication (canonical, as the schema
 * stores it) and its `live` field; undefined for an article whose front matter has problems of its
 * own, so its updates are judged once it is fixed rather than refused as naming no article.
 */
export type StoryFacts = ReadonlyMap<string, { file: string; published: string; live: boolean | undefined } | undefined>;

/** A canonical date as an editor reads it: the day, or the time with the newsroom's offset (2026-11-28T09:15:00-05:00). */
const shownDate = (canonical: string) => toArticleDate(canonical, SITE.timeZone).datetime;

/** What the update rules need of each update: its file, anchor id, story and time (canonical). */
export interface UpdateClaim {
  file: string;
  id: string;
  story: string;
  published: string;
}

/**
 * The rules between updates and their stories, as problems naming the update's file and field:
 * an update names an article (else the likeliest slug meant), one that is or was live (`live:
 * true` or `false`: a piece without the field never was, and removing it would turn a finished
 * live story into a plain article with updates), and comes on or after the story's publication;
 * no two updates share an anchor (file names that slug alike). Used by `npm run check` and the
 * build alike.
 */
export function updateProblems(updates: readonly UpdateClaim[], stories: StoryFacts): ContentProblem[] {
  const problems: ContentProblem[] = [];
  let slugs: string[] | undefined;
  for (const update of updates) {
    const story = stories.get(update.story);
    if (!story && stories.has(update.story)) continue;
    if (!story) {
      const meant = likelyMeant(update.story, (slugs ??= [...stories.keys()]));
      problems.push({
        file: update.file,
        field: 'story',
        message: `expected the slug of a live story (its address is /articles/<slug>/), found "${update.story}", which no article has${meant ? ` (did you mean "${meant}"?)` : ''}`,
      });
      continue;
    }
    if (story.live === undefined) {
      problems.push({
        file: update.file,
        field: 'story',
        message: `expected a live story, found "${update.story}", which is not one (${story.file} has no live field). Mark the story live: true while coverage runs, and live: false (not removing the field) once it has ended`,
      });
      continue;
    }
    if (isBefore(update.published, story.published)) {
      problems.push({
        file: update.file,
        field: 'published',
        message: `expected a time on or after the story's publication (${shownDate(story.published)} in ${story.file}), found ${shownDate(update.published)}`,
      });
    }
  }
  for (const [anchor, same] of Map.groupBy(updates, (update) => updateAnchor(update.id))) {
    if (same.length < 2) continue;
    for (const update of same) {
      const others = same.filter((other) => other !== update).map((other) => other.file).join(', ');
      problems.push({ file: update.file, field: 'file', message: `expected a file name of its own: ${others} also becomes the anchor #${anchor}` });
    }
  }
  return problems;
}

/**
 * Checks every update in `dir` (UPDATES_DIR, else content/updates) as the build reads them: UTF-8
 * with a front-matter block the update schema accepts, a body, pictures and media files that
 * exist beside it, a file name that makes an anchor, and the rules against `stories`
 * (`updateProblems`). Returns every problem, sorted by file; what the page will not show as
 * written (raw HTML not kept) goes to `notices`.
 */
export function checkUpdates(dir: string, stories: StoryFacts, notices: ContentProblem[] = []): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const claims: UpdateClaim[] = [];
  for (const { path, file, data, body, report } of markdownEntries(dir, updateSchema, 'story and published', problems)) {
    if (body.trim() === '') report('body', "expected the update's text after the front matter, found none");
    const tree = fromMarkdown(body);
    problems.push(...spacedPictureAddresses(tree).map((problem) => ({ file, ...problem })));
    problems.push(...articleMedia(path, localPictures(tree), undefined, localMediaSources(tree)).problems.map((problem) => ({ file, ...problem })));
    notices.push(...rawHtmlNotices(tree).map((notice) => ({ file, ...notice })));
    const id = articleSlug(path);
    if (id === '') report('file', "expected a file name with letters or digits: it becomes the update's anchor");
    const schema = updateSchema.safeParse(data);
    if (!schema.success) {
      problems.push(...schemaProblems(schema.error.issues, 'front matter').map((problem) => ({ file, ...problem })));
      continue;
    }
    if (id !== '') claims.push({ file, id, story: schema.data.story, published: schema.data.published });
  }
  problems.push(...updateProblems(claims, stories));
  return problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Elements a reader sees without text: a picture from the web, a player, a video block. */
const SHOWN_WITHOUT_TEXT = /<(img|picture|video|audio|iframe)\b|data-player=/i;

/**
 * Files an update publishes beside its story's (under /media/<story>/<name>) that would take the
 * address of another file: the story's own or another update's, by the same name with other
 * bytes. One problem on each update whose file would be overwritten or overwrite, naming the other
 * file; the same file used twice is fine. `stories` are the checked articles with their media.
 */
export function updateMediaClashes(stories: readonly { slug: string; file: string; media: readonly MediaFile[] }[], updates: ReadonlyMap<string, readonly UpdateInput[]>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const story of stories) {
    const posted = updates.get(story.slug);
    if (!posted) continue;
    const taken = new Map(story.media.map((file) => [file.name, { file: story.file, digest: file.digest }]));
    for (const update of posted) {
      for (const media of update.media) {
        const other = taken.get(media.name);
        if (other && other.digest !== media.digest) {
          problems.push({
            file: update.file,
            field: 'body',
            message: `"${media.source}": expected a file name of its own: ${other.file} publishes another file as /media/${story.slug}/${media.name}, beside which the story's files are published; rename one of them`,
          });
        } else taken.set(media.name, { file: update.file, digest: media.digest });
      }
    }
  }
  return problems;
}

/** An update as the content layer hands it over, its body read back from the body store. */
export type RenderedUpdate = RenderedEntry<UpdateData>;

/**
 * The build's side of the updates check: every update as the model takes it (`UpdateInput`),
 * grouped by story slug, with what only rendering finds refused (a body that did not render, a
 * picture file missing) and the rules against `stories` (`updateProblems`); what rendering did
 * not keep goes to `notices`. Throws one error listing every problem, worded as `npm run check`
 * words them.
 */
export function liveUpdatesOf(entries: readonly RenderedUpdate[], stories: StoryFacts, { notices = [] }: { notices?: ContentProblem[] } = {}): Map<string, UpdateInput[]> {
  const problems: ContentProblem[] = [];
  const inputs: UpdateInput[] = [];
  for (const entry of entries) {
    const read = readRendering(entry, problems, notices);
    if (!read) continue;
    const { file, rendered, facts } = read;
    const { media, problems: mediaProblems } = articleMedia(file, localImagePaths(rendered.metadata), undefined, facts.mediaSources);
    const found = [...facts.problems, ...mediaProblems];
    if (found.length > 0) {
      problems.push(...found.map((problem) => ({ file, ...problem })));
      continue;
    }
    const text = readerText(fromHtml(rendered.html, { fragment: true })).replace(/\s+/g, ' ').trim();
    // A body of a comment, a dropped script or a no-break space would publish a time over nothing.
    if (text === '' && media.length === 0 && !SHOWN_WITHOUT_TEXT.test(rendered.html)) {
      problems.push({ file, field: 'body', message: "expected the update's text (or a picture, sound or video), found nothing a reader would see" });
      continue;
    }
    inputs.push({ id: entry.id, file, data: entry.data, html: rendered.html, text, media });
  }
  problems.push(...updateProblems(inputs.map((input) => ({ file: input.file, id: input.id, story: input.data.story, published: input.data.published })), stories));
  if (problems.length > 0) throw contentError(problems);
  return Map.groupBy(inputs, (input) => input.data.story);
}

