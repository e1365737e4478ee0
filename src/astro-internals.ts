/**
 * Astro's internals behind one door: every use Broadsheet makes of an Astro behaviour that
 * Astro does not document (a private virtual module, a placeholder format, a hidden property, a
 * cache file name, the shape of its build log) is here and nowhere else, so an upgrade breaks in
 * one place. Each assumption names the Astro version it was read against (ASTRO_VERSION) and the
 * Astro source file it relies on (a path in the withastro/astro repository; the installed build
 * of it is under node_modules/astro/dist/ with `.js` for `.ts`). tests/unit/astro-internals.test.ts
 * checks each one against the installed Astro and, when one breaks, names it and the file to
 * re-read.
 *
 * Node runs this module as it is (bench/, tests/, the Markdown worker thread): it imports types
 * only, and Astro's virtual module is imported when a picture is first looked up, in the build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerMessage, ImageMetadata } from 'astro';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { Element } from 'hast';
import type { VFile } from 'vfile';

/** The Astro release every assumption below was read against (astro's package.json `version`). */
export const ASTRO_VERSION = '7.4.7';

// ─── Pictures in content entries ────────────────────────────────────────────────────────────

/**
 * Astro's private virtual module holding every picture content entries use, as a
 * `Map<importKey, ImageMetadata>` (imageImportKey): the map `render()` from `astro:content`
 * reads to replace a body's placeholders. Astro 7.4.7: astro/src/content/consts.ts
 * (`ASSET_IMPORTS_VIRTUAL_ID`), read in astro/src/content/runtime.ts `updateImageReferencesInBody`.
 */
export const ASSET_IMPORTS_MODULE = 'astro:asset-imports';

/**
 * The key `astro:asset-imports` files a content entry's picture under: the address as the entry
 * wrote it (`./photo.jpg`) with the query `astroContentImageFlag=&importer=<entry file>`. `file`
 * is the entry's `filePath` (relative to the project, as Astro records it). Astro 7.4.7:
 * astro/src/assets/utils/resolveImports.ts `imageSrcToImportId`, which the package does not export.
 */
export function imageImportKey(source: string, file: string): string {
  const params = new URLSearchParams('astroContentImageFlag');
  params.set('importer', file);
  return `${source}?${params}`;
}

let assetImports: Promise<ReadonlyMap<string, ImageMetadata>> | undefined;

/**
 * The picture file a content entry's Markdown or front matter names, as Astro imported it (width,
 * height, format and its build address): `file` is the entry's file, `source` the address as
 * written. Only inside an Astro build or server: the map is Astro's virtual module
 * (ASSET_IMPORTS_MODULE). Throws naming both when Astro did not import it.
 */
export async function importedPicture(file: string, source: string): Promise<ImageMetadata> {
  // The name written out, not ASSET_IMPORTS_MODULE: the bundler resolves a dynamic import from a
  // literal only (the test holds the two equal). Astro ships no type for the module: typed as a
  // plain string, the name sends the compiler to no declaration, and the map's shape is the one
  // documented above.
  assetImports ??= import('astro:asset-imports' as string).then(
    (module: { default: ReadonlyMap<string, ImageMetadata> }) => module.default,
  );
  const picture = (await assetImports).get(imageImportKey(source, file));
  if (!picture)
    throw new Error(`${file}: picture "${source}" was not imported by Astro's content layer (${ASSET_IMPORTS_MODULE})`);
  return picture;
}

/**
 * The HTML attribute Astro's Markdown processor writes on `<img>` in place of a local picture's
 * `src`, holding JSON (`{"src":"./photo.jpg","alt":"…","index":0}`) for `render()` to replace
 * with an optimised picture. Astro 7.4.7: @astrojs/markdown-remark src/rehype-images.ts, read
 * back by astro/src/content/runtime.ts (`CONTENT_LAYER_IMAGE_REGEX`) and
 * astro/src/content/consts.ts (`IMAGE_IMPORT_PREFIX`).
 */
export const IMAGE_PLACEHOLDER_ATTRIBUTE = '__ASTRO_IMAGE_';
// The property name hast gives the attribute once the HTML is parsed (attribute names fold to lower case).
const PLACEHOLDER_PROPERTY = IMAGE_PLACEHOLDER_ATTRIBUTE.toLowerCase();

/** A local picture a rendered body names: its address as the Markdown wrote it, and its alternative text ('' when none). */
export interface ImagePlaceholder {
  src: string;
  alt: string;
}

/**
 * The picture a parsed body element stands for, when it is Astro's placeholder
 * (IMAGE_PLACEHOLDER_ATTRIBUTE on an `<img>`); undefined for every other element. Throws when
 * the attribute holds no JSON with a string `src` (a changed format).
 */
export function imagePlaceholder(node: Element): ImagePlaceholder | undefined {
  const raw = node.properties[PLACEHOLDER_PROPERTY];
  if (node.tagName !== 'img' || typeof raw !== 'string') return undefined;
  const { src, alt } = JSON.parse(raw) as { src?: unknown; alt?: unknown };
  if (typeof src !== 'string')
    throw new Error(`Astro's picture placeholder (${IMAGE_PLACEHOLDER_ATTRIBUTE}) holds no src: ${raw}`);
  return { src, alt: typeof alt === 'string' ? alt : '' };
}

/**
 * The absolute path of the file an imported picture was read from. Astro keeps it in a property
 * it does not type or document, `fsPath`: not enumerable on the metadata
 * (astro/src/assets/utils/node.ts `emitImageMetadata`) nor on the build's image asset
 * (astro/src/assets/utils/image-asset.ts `createImageAsset`), and reading it does not mark the
 * original as used, so the original is not published beside its copies.
 */
export function imageFilePath(picture: ImageMetadata): string {
  const path = (picture as ImageMetadata & { fsPath?: unknown }).fsPath;
  if (typeof path !== 'string') throw new Error(`Astro's image metadata has no fsPath (src ${picture.src})`);
  return path;
}

/**
 * An imported picture's width, height and format, read without marking the original as used.
 * The build's image asset marks the original as used, and so publishes it beside its copies,
 * when its `src` is read: never read `src` of a picture Broadsheet only makes copies of (as
 * Astro's own <Picture> does not). Astro 7.4.7: astro/src/assets/utils/image-asset.ts
 * `createImageAsset` (a getter on `src` alone; 7.3 marked any property read through a proxy).
 */
export function imageDimensions(picture: ImageMetadata): Pick<ImageMetadata, 'width' | 'height' | 'format'> {
  const { width, height, format } = picture;
  return { width, height, format };
}

// ─── Markdown plugins ───────────────────────────────────────────────────────────────────────

/**
 * The entry's front matter as remark and rehype plugins see it, made when missing: Astro's
 * Markdown processor puts it at `file.data.astro.frontmatter` before the plugins run and returns
 * it, with what plugins added, as the result's `metadata.frontmatter`, which the content layer
 * keeps as the entry's `rendered.metadata.frontmatter` (renderedFrontmatter). Astro 7.4.7:
 * @astrojs/markdown-remark src/index.ts `createMarkdownProcessor`; Astro's guide "Modifying
 * frontmatter programmatically" shows it, its types do not.
 */
export function frontmatterOf(file: VFile): Record<string, unknown> {
  const astro = (file.data.astro ??= {}) as { frontmatter?: Record<string, unknown> };
  return (astro.frontmatter ??= {});
}

/** The front matter a rendered entry's metadata carries back (frontmatterOf), or undefined when none. */
export function renderedFrontmatter(
  metadata: Readonly<Record<string, unknown>> | undefined,
): Readonly<Record<string, unknown>> | undefined {
  const frontmatter = metadata?.['frontmatter'];
  return typeof frontmatter === 'object' && frontmatter !== null ? (frontmatter as Record<string, unknown>) : undefined;
}

/**
 * The local pictures a rendered entry's Markdown named (`./photo.jpg`), in order, from its
 * metadata; [] when none. Astro's Markdown processor reports them as `localImagePaths` and the
 * content layer keeps its metadata whole beside its own `imagePaths` (local and remote together).
 * Astro 7.4.7: @astrojs/markdown-remark src/index.ts, astro/src/content/content-layer.ts
 * `#processMarkdown`.
 */
export function localImagePaths(metadata: Readonly<Record<string, unknown>> | undefined): string[] {
  const paths = metadata?.['localImagePaths'];
  return Array.isArray(paths) ? paths.map(String) : [];
}

// ─── Content loaders ────────────────────────────────────────────────────────────────────────

/** What Astro's glob loader asks an entry type for a file (astro/src/types/public/content.ts `ContentEntryType.getEntryInfo`). */
interface EntryInfo {
  data: Record<string, unknown>;
  body: string;
  slug: string;
  rawData: string;
}
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): EntryInfo | Promise<EntryInfo>;
}

/**
 * Astro's glob loader without its front-matter parse of files that have not changed. The loader
 * parses every file's front matter before it compares the file's digest with the stored entry's,
 * and then keeps the entry untouched when they match, using the parse only to make the entry's id
 * (astro/src/content/loaders/glob.ts `syncData`: `getEntryInfo`, then `generateDigest(contents)`);
 * for 10,000 articles that parse was 2.4 s of every warm build. This wraps the entry types the
 * content layer hands loaders (the context's `entryTypes`, which Astro's types do not declare:
 * astro/src/content/content-layer.ts) so that a file whose digest matches its stored entry's is
 * not parsed: `idOf` must give the id the loader's own `generateId` gives the file without its
 * data (Broadsheet's ids are file names). Astro 7.4.7.
 */
export function skippingUnchangedFrontMatter(loader: Loader, idOf: (file: URL) => string): Loader {
  return {
    ...loader,
    load: (context) => {
      const types = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      if (!types) return loader.load(context);
      const unchanged = (contents: string, file: URL) => {
        const stored = context.store.get(idOf(file));
        return (
          stored?.digest !== undefined && stored.filePath !== undefined && stored.digest === context.generateDigest(contents)
        );
      };
      const entryTypes = new Map(
        [...types].map(([extension, type]) => [
          extension,
          {
            ...type,
            getEntryInfo: (params: { contents: string; fileUrl: URL }) =>
              unchanged(params.contents, params.fileUrl)
                ? { data: {}, body: '', slug: '', rawData: '' }
                : type.getEntryInfo(params),
          },
        ]),
      );
      return loader.load({ ...context, entryTypes } as LoaderContext);
    },
  };
}

// ─── The build's process ────────────────────────────────────────────────────────────────────

/** A value handed between the page bundle (the catalogue) and a build hook, either way (handover). */
export interface Handover<T> {
  /** Called by the side that has the value: the catalogue once it has loaded, or a hook before the pages render. */
  give(value: T): void;
  /** Called by the other side. Throws when nothing was given: an output made without it would be wrong silently. */
  take(): T;
  /** Calls `listener` with the value as soon as it is given (at once if it already was), so a hook can start work during the render. */
  whenGiven(listener: (value: T) => void): void;
}

/**
 * The hand-over named `name` between the catalogue (run by the pages) and a build hook; `what`
 * says in an error what was missing (e.g. "sitemap dates"). Astro 7.4.7 renders pages in the build's own
 * process (its default prerenderer imports the page bundle: astro/src/core/build/default-prerenderer.ts)
 * but from a bundle of its own, so module state is not shared: the value goes through one
 * process-wide slot, named so both copies of the caller's module find it. Hooks in
 * `astro:build:done` run after every page (astro/src/core/build/index.ts), so the catalogue has
 * loaded by then. An adapter's prerenderer that renders elsewhere would hand over nothing, and
 * `take` says so.
 */
export function handover<T>(name: string, what: string): Handover<T> {
  const slot = Symbol.for(`broadsheet.${name}`);
  const listening = Symbol.for(`broadsheet.${name}.listener`);
  const store = globalThis as unknown as Record<symbol, T | undefined>;
  const listeners = globalThis as unknown as Record<symbol, ((value: T) => void) | undefined>;
  return {
    give: (value) => {
      store[slot] = value;
      listeners[listening]?.(value);
    },
    take: () => {
      const value = store[slot];
      if (value === undefined)
        throw new Error(`${what}: nothing was handed over; was this run outside \`astro build\`?`);
      return value;
    },
    whenGiven: (listener) => {
      listeners[listening] = listener;
      const value = store[slot];
      if (value !== undefined) listener(value);
    },
  };
}

// ─── The cache folder ───────────────────────────────────────────────────────────────────────

/**
 * What Astro keeps in its cache folder (`cacheDir`) that a build stopped half-way may leave
 * inconsistent, as names under that folder: the incremental build's manifest of page keys and its
 * copies of rendered pages, and the content layer's store (one file, or a folder of chunks). Astro
 * files a page's new copy as soon as it renders it but the manifest only at the end
 * (astro/src/core/build/generate.ts), so a build that stops in between leaves new pages under old
 * keys. Astro 7.4.7: astro/src/core/build/incremental.ts (`INCREMENTAL_CACHE_FILE`,
 * `INCREMENTAL_OUTPUT_DIR`), astro/src/content/consts.ts (`DATA_STORE_FILE`, `DATA_STORE_DIR`).
 */
export const BUILD_STATE_IN_CACHE: readonly string[] = ['incremental-build.json', 'dist', 'data-store.json', 'data-store'];

/** The content layer's store among BUILD_STATE_IN_CACHE: without it, Astro renders every entry again. */
export const CONTENT_STORE_IN_CACHE: readonly string[] = BUILD_STATE_IN_CACHE.slice(2);

/**
 * The folder Astro keeps its content store in (CONTENT_STORE_IN_CACHE) for `command`, as an
 * absolute path: the cache folder for a build, the project's `.astro/` for the dev server. Astro
 * 7.4.7: astro/src/content/paths.ts `getDataStoreFile` (`isDev ? settings.dotAstroDir :
 * settings.config.cacheDir`), astro/src/core/config/settings.ts (`dotAstroDir`: `.astro/` under the root).
 */
export function contentStoreFolder(command: string, config: { root: URL; cacheDir: URL }): string {
  return fileURLToPath(command === 'dev' ? new URL('.astro/', config.root) : config.cacheDir);
}

/**
 * The output file of every page the last incremental build recorded (rendered or reused), as file
 * paths from the output folder's root (`tags/zürich/index.html`), read from the build's manifest in
 * the cache folder `cacheDir`; empty when there is no manifest. Astro records each as the end of
 * the file's URL, percent-encoded (`tags/z%C3%BCrich/index.html`), so each is decoded as a file
 * URL is. Astro 7.4.7: astro/src/core/build/incremental.ts (`INCREMENTAL_CACHE_FILE`;
 * `routes[component].paths[pathname].outputFile`), astro/src/core/build/generate.ts (`relativeOutFile`).
 */
export function incrementalOutputFiles(cacheDir: string): Set<string> {
  const file = join(cacheDir, BUILD_STATE_IN_CACHE[0]!);
  if (!existsSync(file)) return new Set();
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
  };
  return new Set(
    Object.values(manifest.routes ?? {}).flatMap((route) =>
      Object.values(route.paths ?? {}).flatMap(({ outputFile }) => (typeof outputFile === 'string' ? [fileURLToPath(new URL(outputFile, 'file:///')).slice(1)] : [])),
    ),
  );
}

/**
 * Vite settings that make Astro build over what its output folder holds instead of emptying it
 * first: a page Astro may reuse whose file is already there is left as it is (logged " (cached)"),
 * and everything else is written over. Astro 7.4.7:
 * astro/src/core/build/static-build.ts (empties the folder unless `vite.build.emptyOutDir` is
 * `false`), astro/src/core/build/generate.ts `generatePathWithPrerenderer` (`existsInDist`).
 */
export const BUILD_OVER_OUTPUT = { build: { emptyOutDir: false } };

/**
 * Astro's image cache: the folder under the cache folder where it keeps each picture copy, keyed
 * by the copy's source, size, format and quality but not by the image service's settings
 * (src/integrations/image-cache.ts keeps it under those). Astro 7.4.7:
 * astro/src/assets/build/generate.ts `prepareAssetsGenerationEnv`.
 */
export const IMAGE_CACHE_IN_CACHE = 'assets/';

/**
 * Whether Astro's sharp service made the copy it was asked for: when sharp fails to encode (a
 * side past the format's limit, an input past its pixel limit, a file it cannot decode) the
 * service logs "Sharp doesn't support this format" and returns the original's bytes and format
 * instead, which the build then publishes under the copy's name. `asked` is the transform's
 * `format` (undefined: the original's own, always made as asked); `made` the result's `format`.
 * Astro 7.4.7: astro/src/assets/services/sharp.ts `transform` (the `catch` around `toBuffer`).
 */
export function madeAsAsked(asked: string | undefined, made: string): boolean {
  if (asked === undefined) return true;
  const family = (format: string) => (format === 'jpeg' ? 'jpg' : format);
  return family(asked) === family(made);
}

// ─── The project's .astro folder ────────────────────────────────────────────────────────────

/**
 * The files Astro's content sync writes into the project's `.astro/` folder (beside the config,
 * not under the cache folder) for the bundler to read: the pictures content entries use (the
 * source of `astro:asset-imports`) and the modules they import. One checkout has one pair, so two
 * builds of it with different cache folders (a test run beside `npm run build`) overwrite each
 * other's; and a build whose pictures did not change since its own last build does not rewrite
 * the file when one is there, so it bundles whatever another build left. Paths relative to the
 * project root. Astro 7.4.7: astro/src/core/config/settings.ts (`dotAstroDir`),
 * astro/src/content/consts.ts (`ASSET_IMPORTS_FILE`, `MODULES_IMPORTS_FILE`),
 * astro/src/content/mutable-data-store.ts (`writeAssetImports` returns early when not dirty).
 */
export const CONTENT_IMPORTS_IN_PROJECT: readonly string[] = ['.astro/content-assets.mjs', '.astro/content-modules.mjs'];

/**
 * The Vite environment that bundles the pages Astro prerenders: once its bundle is closed the
 * build no longer reads CONTENT_IMPORTS_IN_PROJECT. Astro 7.4.7: astro/src/core/constants.ts
 * (`ASTRO_VITE_ENVIRONMENT_NAMES.prerender`), built first in astro/src/core/build/static-build.ts.
 */
export const PRERENDER_ENVIRONMENT = 'prerender';

/**
 * The Vite environment that bundles the image service for generating pictures, after the pages are
 * rendered; its bundle reads CONTENT_IMPORTS_IN_PROJECT too (through astro/content/runtime's
 * `import("astro:asset-imports")`), and fails on a listed picture that is gone. Astro 7.4.7:
 * astro/src/assets/consts.ts (`IMAGE_SERVICE_ENVIRONMENT_NAME`), built in
 * astro/src/core/build/image-service.ts `loadBuildImageService`.
 */
export const IMAGE_SERVICE_ENVIRONMENT = 'astroImageService';

// ─── The build's log ────────────────────────────────────────────────────────────────────────

/**
 * Milliseconds in one of Astro's logged durations: "812ms", "21.77s" or "4m 53s" (to the precision
 * written); undefined for anything else. Astro 7.4.7: astro/src/core/build/util.ts `getTimeStat`.
 */
export function logDuration(text: string): number | undefined {
  const found = /^(?:(\d+)m (\d+)s|([\d.]+)s|(\d+)ms)$/.exec(text.trim());
  if (!found) return undefined;
  const [, minutes, seconds, decimal, ms] = found;
  if (minutes !== undefined) return Number(minutes) * 60_000 + Number(seconds) * 1000;
  if (decimal !== undefined) return Math.round(Number(decimal) * 1000);
  return Number(ms);
}

/** One page or endpoint in the build's route log (pageLog). */
export interface PageLogEntry {
  /** The output file, from the output folder's root: `/articles/x/index.html`, `/rss.xml`. */
  path: string;
  /** Copied from the last build instead of rendered: from the cache folder ("(restored)"), or left in the output folder ("(cached)"). */
  restored: boolean;
  /**
   * The render time written right after the path, in ms; undefined when the page was restored or
   * its time was written further on. Pages render several at a time and each time is written when
   * its page finishes, so a time can follow another page's path: a share, not a measurement.
   */
  ms: number | undefined;
}

// HH:MM:SS: the logger's prefix for every message (astro/src/core/logger/core.ts `getEventPrefix`).
const CLOCK = /\d\d:\d\d:\d\d/;
/** What begins each page's entry in the build's route log ("├─ /path/index.html"). */
export const PAGE_LOG_ENTRY = '├─ ';
const ENTRY = PAGE_LOG_ENTRY;
/** What ends the entry of a page copied from the last build's cache instead of rendered. */
export const PAGE_RESTORED = ' (restored)';
const PATH = new RegExp(`^\\S+?(?=${CLOCK.source}|\\s|$)`);
const AFTER_PATH = /^ \((restored|cached|\+([^)]+))\)/;

/**
 * The pages and endpoints an `astro build` log lists, in the order written, from its
 * "generating static routes" section: each entry is "├─ <path>" followed at once by
 * " (restored)" or " (cached)" when it was copied from the last build, or later by " (+<time>)"
 * once rendered. Pages render several at a time (`build.concurrency`), so entries can share a line
 * (one's path followed by the next one's clock) and times can land after other pages; colour codes
 * are ignored. Astro 7.4.7: astro/src/core/build/generate.ts `generatePathWithPrerenderer` and
 * `logRenderTime`, astro/src/core/logger/core.ts `getEventPrefix`.
 */
export function pageLog(output: string): PageLogEntry[] {
  return stripVTControlCharacters(output)
    .split(ENTRY)
    .slice(1)
    .flatMap((chunk) => {
      const path = PATH.exec(chunk)?.[0];
      if (!path) return [];
      const after = AFTER_PATH.exec(chunk.slice(path.length));
      const restored = after?.[1] === 'restored' || after?.[1] === 'cached';
      return [{ path, restored, ms: after?.[2] === undefined ? undefined : logDuration(after[2]) }];
    });
}

/** How long two phases of an `astro build` took, from its log, in seconds; undefined when the log lacks the lines. */
export interface BuildPhases {
  /** Syncing the content layer (parsing and rendering the collections), to the log's one-second clock. */
  sync: number | undefined;
  /** Generating the static routes (rendering or restoring every page). */
  render: number | undefined;
}

/**
 * The content sync's and the page render's times in an `astro build` log: from the clocks of
 * "[content] Syncing content" and "[content] Synced content", and the "✓ Completed in <time>."
 * that ends the "generating static routes" section. Astro 7.4.7:
 * astro/src/content/content-layer.ts `sync`, astro/src/core/build/generate.ts `generatePages`.
 */
export function buildPhases(output: string): BuildPhases {
  const lines = stripVTControlCharacters(output).split('\n');
  const clock = (pattern: RegExp) => {
    const [h, m, s] = (
      lines
        .find((line) => pattern.test(line))
        ?.match(/^(\d\d):(\d\d):(\d\d)/)
        ?.slice(1) ?? []
    ).map(Number);
    return h === undefined ? undefined : h * 3600 + m! * 60 + s!;
  };
  const syncing = clock(/\[content\] Syncing content/);
  const synced = clock(/\[content\] Synced content/);
  const routesAt = lines.findIndex((line) => /(generating|prerendering) static routes/.test(line));
  const completed = routesAt < 0 ? undefined : lines.slice(routesAt).find((line) => line.includes('✓ Completed in '));
  const ms = completed === undefined ? undefined : logDuration(/Completed in (.+?)\.\s*$/.exec(completed)?.[1] ?? '');
  return {
    sync: syncing !== undefined && synced !== undefined ? synced - syncing : undefined,
    render: ms === undefined ? undefined : ms / 1000,
  };
}

/** What the optimised-picture step of an `astro build` did, from its log. */
export interface ImageLog {
  /** Copies sharp made. */
  made: number;
  /** Copies taken from Astro's image cache (`<cacheDir>/assets/`). */
  reused: number;
}

/**
 * Counts the picture copies an `astro build` log lists under "generating optimized images": each
 * is "▶ /_astro/<file> (before: …kB, after: …kB)" when made, or "(reused cache entry)" when taken
 * from the cache. Astro 7.4.7: astro/src/assets/build/generate.ts `generateImage`.
 */
export function imageLog(output: string): ImageLog {
  const lines = stripVTControlCharacters(output)
    .split('\n')
    .filter((line) => line.includes('▶ /_astro/'));
  return {
    made: lines.filter((line) => line.includes('(before:')).length,
    reused: lines.filter((line) => line.includes('(reused cache entry)')).length,
  };
}

/**
 * Whether a log `event` is the rest of the page line `begun`, both written by one async task.
 * Astro begins a page's line as the route log entry, without a line ending, and the same task
 * finishes it with one unformatted (`SKIP_FORMAT`) event at the same level: the render time once
 * rendered, or the restored/cached mark when copied from the last build. If Astro changes that,
 * lines are still whole (src/integrations/build-log.ts), but a page's time may be printed on a
 * line of its own. Astro 7.4.7: astro/src/core/build/generate.ts `generatePathWithPrerenderer`.
 */
export function finishesPageLine(begun: AstroLoggerMessage, event: AstroLoggerMessage): boolean {
  return event.newLine && event.label === 'SKIP_FORMAT' && event.level === begun.level;
}

// ─── Built scripts ───────────────────────────────────────────────────────────────────────────

/**
 * The built file of an Astro component's `<script>` in a built site `dist`, as an absolute path:
 * Astro hands each component script to Vite as the module `<Component>.astro?astro&type=script&index=0&lang.ts`,
 * which Vite writes as `_astro/<Component>.astro_astro_type_script_index_0_lang.<hash>.js`, whether
 * or not a page renders the component (Astro 7.4.7: the compiler's output module
 * which imports `?astro&type=script&index=<n>&lang.ts` for every script of every compiled component,
 * rendered or not; astro/src/vite-plugin-astro/compile.ts). Undefined when the build wrote none. For `npm run size`, which
 * reports a script no page of the seed site loads (the live story's).
 */
export function componentScriptFile(dist: string, component: string): string | undefined {
  const folder = join(dist, '_astro');
  const prefix = `${component}.astro_astro_type_script_index_0_lang.`;
  const name = existsSync(folder) ? readdirSync(folder).find((file) => file.startsWith(prefix) && file.endsWith('.js')) : undefined;
  return name && join(folder, name);
}
