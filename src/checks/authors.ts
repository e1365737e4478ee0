import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { authorSlug } from '../model/urls.ts';
import { authorSchema } from '../schemas/profile.ts';
import { nameKey } from '../names.ts';
import { readYaml, truncatedByComments, yamlFileProblem } from './front-matter.ts';
import { isLocalAddress } from '../markdown/url-attributes.ts';
import { articleMedia, type PictureUse } from './media.ts';
import { schemaProblems, type ContentProblem } from './problems.ts';
import { readUtf8 } from './utf8.ts';

/**
 * Checks every author's profile in `dir` (AUTHORS_DIR, else content/authors) as the build reads
 * them: each `<slug>.yaml` must be UTF-8 YAML that the profile schema accepts, with its portrait
 * (if any) a picture file beside it; no two profiles may share a name (a byline would not know
 * whom to link) or a page address. A `.yml` file, which the build would skip, is a problem too.
 * Returns every problem, sorted by file, and the portraits found, for the decode check
 * (`damagedPictures`, which needs to read them whole).
 */
export function checkProfiles(dir: string): { problems: ContentProblem[]; pictures: PictureUse[] } {
  const problems: ContentProblem[] = [];
  const pictures: PictureUse[] = [];
  const profiles: { file: string; name: string; slug: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(process.cwd(), path) || path;
    const report = (field: string, message: string) => problems.push({ file, field, message });
    if (/\.ya?ml$/i.test(entry.name) && !entry.name.endsWith('.yaml')) {
      report('file', `expected the extension .yaml, found "${entry.name.slice(entry.name.lastIndexOf('.'))}": the build reads only .yaml profiles`);
      continue;
    }
    if (!entry.name.endsWith('.yaml')) continue;
    const read = readUtf8(readFileSync(path));
    if ('problem' in read) {
      report('file', read.problem);
      continue;
    }
    let data: Record<string, unknown>;
    try {
      // YAML as articles' front matter is read (src/checks/front-matter.ts CONTENT_YAML), in the build too.
      data = readYaml(read.text);
    } catch (error) {
      const problem = yamlFileProblem(read.text, error);
      report(problem.field, problem.message);
      continue;
    }
    for (const cut of truncatedByComments(read.text, authorSchema, { whole: true })) report(cut.field, cut.message);
    const slug = authorSlug(entry.name);
    if (slug === '') report('file', "expected a file name with letters or digits: it becomes the author's page address");
    const parsed = authorSchema.safeParse(data);
    if (!parsed.success) {
      for (const problem of schemaProblems(parsed.error.issues, 'profile')) report(problem.field, problem.message);
      continue;
    }
    const src = parsed.data.image?.src;
    if (src !== undefined && !isLocalAddress(src)) {
      report('image.src', `picture "${src}": expected a picture file beside the profile, as a relative path like ./portrait.jpg`);
    } else if (src !== undefined) {
      const found = articleMedia(path, [src], src);
      for (const problem of found.problems) report(problem.field, problem.message);
      for (const picture of found.media) pictures.push({ file, field: 'image.src', source: src, fsPath: picture.fsPath });
    }
    if (slug !== '') profiles.push({ file, name: parsed.data.name, slug });
  }
  for (const [key, field, what] of [
    ['name', 'name', (value: string) => `expected a name no other profile has (in any case): a byline "${value}" could not say whose page it links to`],
    ['slug', 'file', (value: string) => `expected a file name no other profile slugs alike: both would be /authors/${value}/`],
  ] as const) {
    // Names differing only in case read as one author to a reader: refused as well.
    for (const [value, same] of Map.groupBy(profiles, (profile) => (key === 'name' ? nameKey(profile.name) : profile.slug))) {
      if (same.length < 2) continue;
      for (const profile of same) {
        problems.push({ file: profile.file, field, message: `${what(key === 'name' ? profile.name : value)} (also in ${same.filter((other) => other !== profile).map((other) => other.file).join(', ')})` });
      }
    }
  }
  return { problems: problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), pictures };
}
