/**
 * Every environment variable Broadsheet reads, read and validated here and nowhere else (the
 * boundary test in tests/unit/boundaries.test.ts fails on a `process.env` anywhere else in src/
 * or scripts/). Deployment settings live here; editorial ones in src/site.ts.
 *
 * What each variable means, and its default, is documented once: the table under "Environment
 * variables" in docs/deploy.md. tests/unit/env-docs.test.ts fails when this file (or any other
 * file that reads the environment) reads a variable that table does not list, or the table lists
 * one nothing reads.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

/** The placeholder origin used when SITE_URL is unset: it resolves nowhere, on purpose. */
export const PLACEHOLDER_SITE = 'https://broadsheet.example';

/** Where `npm run preview` (and so `npm start`) serves the built site. */
export const LOCAL_SERVER = { host: '127.0.0.1', port: 4321 } as const;

/** The origin of the local server: what `npm start` builds canonical and feed addresses for. */
export const LOCAL_ORIGIN = `http://${LOCAL_SERVER.host}:${LOCAL_SERVER.port}`;

/** The environment, as names to values: `process.env` unless a caller passes its own (tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

/** An environment variable that does not hold what it must: the message names it and the form expected. */
export class SettingError extends Error {
  override name = 'SettingError';
}

/** SITE_URL: an absolute http(s) address, reduced to its origin (`https://example.org`). Throws SettingError. */
export function siteOrigin(value: string | undefined): string {
  const text = value || PLACEHOLDER_SITE;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SettingError(`SITE_URL: expected an absolute address like https://news.example.com, found "${text}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new SettingError(`SITE_URL: expected http or https, found "${text}"`);
  return url.origin;
}

/** BASE_PATH: a path starting with `/`, returned with a trailing slash (`/news` → `/news/`). Throws SettingError. */
export function basePath(value: string | undefined): string {
  const text = value || '/';
  // Plain path segments only: letters, digits and - . _ ~, no empty, "." or ".." segment and no
  // percent-escapes (browsers would resolve /%2e%2e/ away, and Astro cannot route /%20news/).
  const segments = text.split('/').slice(1, text.endsWith('/') ? -1 : undefined);
  if (!text.startsWith('/') || segments.some((segment) => !/^[\w\-.~]+$/.test(segment) || segment === '.' || segment === '..')) {
    throw new SettingError(`BASE_PATH: expected a path starting with / made of plain segments (letters, digits, - . _ ~) like /news, found "${text}"`);
  }
  return text.endsWith('/') ? text : `${text}/`;
}

/** CONTENT_DIR: an existing folder, as an absolute path (relative ones resolve from the working directory). Throws SettingError. */
export function contentFolder(value: string | undefined): string {
  const dir = resolve(value || 'content/articles');
  if (!existsSync(dir)) throw new SettingError(`CONTENT_DIR: the folder ${dir} does not exist. Expected a folder of Markdown articles.`);
  if (!statSync(dir).isDirectory()) throw new SettingError(`CONTENT_DIR: ${dir} is a file. Expected a folder of Markdown articles.`);
  return dir;
}

/**
 * BUILD_TIME: an ISO 8601 instant with its zone, such as 2024-06-18T12:00:00Z or
 * 2024-06-18T08:00:00-04:00; unset means the clock at the call. A bare date or a time without a
 * zone is refused: it would mean a different instant on every build machine. Throws SettingError.
 */
export function buildTime(value: string | undefined): Date {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;
  const now = value ? new Date(value) : new Date();
  if ((value && !iso.test(value)) || Number.isNaN(now.getTime())) throw new SettingError(`BUILD_TIME: expected an ISO date and time like 2024-06-18T12:00:00Z, found "${value}"`);
  return now;
}

/** The deployment settings of one build. */
export interface Settings {
  /** Origin the site is served from, no trailing slash: `https://example.org`. */
  site: string;
  /** True when SITE_URL was not given and `site` is the placeholder. */
  sitePlaceholder: boolean;
  /** Folder on that origin, with both slashes: `/` or `/news/`. */
  base: string;
}

/** SITE_URL and BASE_PATH, validated. Throws SettingError naming the variable. */
export function deploySettings(env: Environment = process.env): Settings {
  return { site: siteOrigin(env['SITE_URL']), sitePlaceholder: !env['SITE_URL'], base: basePath(env['BASE_PATH']) };
}

/** The folder of Markdown articles (CONTENT_DIR). Throws SettingError when it does not exist. */
export function contentDir(env: Environment = process.env): string {
  return contentFolder(env['CONTENT_DIR']);
}

/** Where the authors' profiles are when AUTHORS_DIR is unset; a newsroom without profiles need not have it. */
export const DEFAULT_AUTHORS_DIR = 'content/authors';

/**
 * A folder a setting may name (`named`, the value of `variable`), which the site can do without:
 * as an absolute path; undefined when it is unset and `fallback` does not exist either. A folder the variable names must exist
 * and be a folder. `holds` says what it holds, for the message. Throws SettingError.
 */
function optionalFolder(named: string | undefined, variable: string, fallback: string, holds: string): string | undefined {
  const dir = resolve(named || fallback);
  if (!existsSync(dir)) {
    if (!named) return undefined;
    throw new SettingError(`${variable}: the folder ${dir} does not exist. Expected a folder of ${holds}.`);
  }
  if (!statSync(dir).isDirectory()) throw new SettingError(`${variable}: ${dir} is a file. Expected a folder of ${holds}.`);
  return dir;
}

/**
 * AUTHORS_DIR: the folder of authors' profiles (`<slug>.yaml`), as an absolute path, or undefined
 * when it is unset and `content/authors` does not exist (then no byline links anywhere). A folder
 * named in AUTHORS_DIR must exist. Throws SettingError.
 */
export function authorsDir(env: Environment = process.env): string | undefined {
  return optionalFolder(env['AUTHORS_DIR'], 'AUTHORS_DIR', DEFAULT_AUTHORS_DIR, "authors' profiles (<slug>.yaml)");
}

/** Where the publication's own pages are when PAGES_DIR is unset: about, masthead, policies (src/model/about.ts). */
export const DEFAULT_PAGES_DIR = 'content/pages';

/**
 * PAGES_DIR: the folder of the publication's own pages (`<slug>.md`, built at /about/<slug>/), as
 * an absolute path, or undefined when it is unset and `content/pages` does not exist (then /about/
 * lists none and structured data names no policy). A folder named in PAGES_DIR must exist. Throws
 * SettingError.
 */
export function pagesDir(env: Environment = process.env): string | undefined {
  return optionalFolder(env['PAGES_DIR'], 'PAGES_DIR', DEFAULT_PAGES_DIR, "the publication's pages (<slug>.md)");
}

/** Where live stories' updates are when UPDATES_DIR is unset (src/model/live.ts). */
export const DEFAULT_UPDATES_DIR = 'content/updates';

/**
 * UPDATES_DIR: the folder of live stories' updates (one Markdown file per update, each naming its
 * story), as an absolute path, or undefined when it is unset and `content/updates` does not exist
 * (then no story has updates). A folder named in UPDATES_DIR must exist. Throws SettingError.
 */
export function updatesDir(env: Environment = process.env): string | undefined {
  return optionalFolder(env['UPDATES_DIR'], 'UPDATES_DIR', DEFAULT_UPDATES_DIR, "live stories' updates (<name>.md)");
}

/** Which articles a build publishes: the schedule cut-off and whether it is a preview. */
export interface Publishing {
  /** Articles dated after this instant wait (BUILD_TIME, else the clock). */
  now: Date;
  /** SHOW_DRAFTS=1: drafts and scheduled articles are built, marked and never indexed. */
  preview: boolean;
}

/** BUILD_TIME and SHOW_DRAFTS. Throws SettingError for a BUILD_TIME that is not an instant. */
export function publishing(env: Environment = process.env): Publishing {
  return { now: buildTime(env['BUILD_TIME']), preview: env['SHOW_DRAFTS'] === '1' };
}

/** BUILD_OUT: where `npm run build` puts the site, absolute (default `dist` under `root`). */
export function buildOut(root: string, env: Environment = process.env): string {
  return resolve(root, env['BUILD_OUT'] || 'dist');
}

/** Whether `folder` is `parent` or lies inside it (both absolute paths). */
export function isInside(folder: string, parent: string): boolean {
  const path = relative(parent, folder);
  return path === '' || (path !== '..' && !path.startsWith('../') && !isAbsolute(path));
}

/**
 * The folders editors write in, each with what it holds (for messages): the articles, and the
 * profiles, the publication's pages and the live stories' updates where they exist. No folder a build replaces or prunes
 * (BUILD_OUT, CACHE_DIR) may hold one. Throws SettingError for a setting that names no folder.
 */
export function editorsFolders(env: Environment = process.env): [what: string, folder: string][] {
  const authors = authorsDir(env);
  const pages = pagesDir(env);
  const updates = updatesDir(env);
  return [
    ['the articles', contentDir(env)],
    ...(authors ? [["the authors' profiles", authors] as [string, string]] : []),
    ...(pages ? [["the publication's pages", pages] as [string, string]] : []),
    ...(updates ? [["the live stories' updates", updates] as [string, string]] : []),
  ];
}

/**
 * CACHE_DIR: where a build keeps what the next one reuses (content store, rendered pages, search
 * shards), absolute; default `node_modules/.astro` under `root`. A host that keeps a folder between
 * builds can point this at it; tests give a build a cache of its own. It must not hold an
 * editors' folder (`editorsFolders`), since builds prune it. Throws SettingError.
 */
export function cacheFolder(root: string, env: Environment = process.env): string {
  const dir = resolve(root, env['CACHE_DIR'] || 'node_modules/.astro');
  for (const [what, folder] of editorsFolders(env)) {
    if (isInside(folder, dir) || isInside(dir, folder)) {
      throw new SettingError(`CACHE_DIR: ${dir} and ${what} (${folder}) would share a folder, and builds prune their cache. Expected a folder of its own.`);
    }
  }
  return dir;
}

/**
 * Runs `read` and, if a setting is wrong, prints its message alone and stops the process (exit
 * code 1): for the config and scripts, where a stack trace would read like a crash. Other errors
 * are rethrown.
 */
export function orStop<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof SettingError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}

/** CHROMIUM_PATH: the Chromium the screenshots, benchmarks and browser tests drive (Debian's by default). */
export function chromiumPath(env: Environment = process.env): string {
  return env['CHROMIUM_PATH'] || '/usr/bin/chromium';
}

/** A copy of this process's whole environment, for a child process to start from. */
export function inheritedEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
