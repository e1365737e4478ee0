/**
 * Every assumption src/astro-internals.ts makes about Astro, checked against the Astro installed
 * in node_modules: by calling Astro's own function where the package has one (even unexported),
 * else by finding the code the assumption reads in the installed file. A failure names the
 * assumption and the Astro source file to re-read.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { ImageMetadata } from 'astro';
import type { Element, Root } from 'hast';
import { rehype } from 'rehype';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ASSET_IMPORTS_MODULE,
  ASTRO_VERSION,
  BUILD_OVER_OUTPUT,
  BUILD_STATE_IN_CACHE,
  CONTENT_IMPORTS_IN_PROJECT,
  PRERENDER_ENVIRONMENT,
  IMAGE_SERVICE_ENVIRONMENT,
  IMAGE_CACHE_IN_CACHE,
  buildPhases,
  frontmatterOf,
  handover,
  skippingUnchangedFrontMatter,
  IMAGE_PLACEHOLDER_ATTRIBUTE,
  imageDimensions,
  imageFilePath,
  imageImportKey,
  imageLog,
  imagePlaceholder,
  incrementalOutputFiles,
  localImagePaths,
  logDuration,
  madeAsAsked,
  pageLog,
  renderedFrontmatter,
} from '../../src/astro-internals';
import { markdownPipeline } from '../../src/markdown/pipeline';
import { ROOT, TMP } from '../support/paths';

const DOOR = 'src/astro-internals.ts';
// The file Astro's content layer passes when it renders an entry (pictures are collected only with one).
const STORY = new URL('file:///project/content/articles/story.md');
const installed = (JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { version: string })
  .version;

/** Where a source file of Astro's repository (`astro/src/x.ts`, `@astrojs/markdown-remark/src/x.ts`) is installed. */
function installedFile(file: string): string {
  const [, pkg, path] = /^((?:@astrojs\/)?[^/]+)\/src\/(.+)\.ts$/.exec(file) ?? [];
  if (!pkg || !path) throw new Error(`not a source path: ${file}`);
  return join(ROOT, 'node_modules', pkg, 'dist', `${path}.js`);
}

/** The message a broken assumption fails with. */
const broke = (assumption: string, file: string) =>
  `${DOOR} \`${assumption}\` no longer holds for the installed Astro ${installed} (read against ${ASTRO_VERSION}): re-read ${file} (installed as ${installedFile(file)}) and change the door`;

/**
 * Code as its meaning, not its build's spelling: every run of white space as one space (tabs
 * indent one release, spaces another) and `\uXXXX` escapes as the characters (7.3 escaped the
 * log's box-drawing characters, 7.4 writes them).
 */
const squashed = (text: string) =>
  text.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))).replace(/\s+/g, ' ');

/** Asserts that the installed build of `file` still holds `code`, whatever its indentation. */
function expectCode(assumption: string, file: string, code: string): void {
  expect(
    squashed(readFileSync(installedFile(file), 'utf8')).includes(squashed(code)),
    `${broke(assumption, file)}; it no longer holds: ${code}`,
  ).toBe(true);
}

/** One of Astro's modules, exported or not, as installed. */
async function astroModule<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(installedFile(file)).href)) as T;
}

const { imageSrcToImportId } = await astroModule<{ imageSrcToImportId: (src: string, file?: string) => string | undefined }>(
  'astro/src/assets/utils/resolveImports.ts',
);
// Astro's own Markdown processor with Broadsheet's pipeline: the placeholder must come through the sanitiser too.
const processor = await createMarkdownProcessor({ ...markdownPipeline(), syntaxHighlight: false });
const { createImageAsset } = await astroModule<{
  createImageAsset: (metadata: ImageMetadata, fsPath: string, track: boolean) => ImageMetadata;
}>('astro/src/assets/utils/image-asset.ts');
const { getTimeStat } = await astroModule<{ getTimeStat: (start: number, end: number) => string }>(
  'astro/src/core/build/util.ts',
);

describe('the Astro the door was read against', () => {
  it('is the one installed', () => {
    expect(
      installed,
      `${DOOR} was read against Astro ${ASTRO_VERSION} and ${installed} is installed: re-read the Astro file each of its exports names, change what moved, then set ASTRO_VERSION`,
    ).toBe(ASTRO_VERSION);
  });
});

describe('pictures in content entries', () => {
  it('ASSET_IMPORTS_MODULE is the module render() reads pictures from', () => {
    const name = 'ASSET_IMPORTS_MODULE';
    expectCode(name, 'astro/src/content/consts.ts', `ASSET_IMPORTS_VIRTUAL_ID = "${ASSET_IMPORTS_MODULE}"`);
    expectCode(
      name,
      'astro/src/content/runtime.ts',
      `const { default: imageAssetMap } = await import("${ASSET_IMPORTS_MODULE}");`,
    );
    expectCode(
      name,
      'astro/src/content/runtime.ts',
      'const id = imageSrcToImportId(decodedImagePath.src, fileName);\n        const imported = imageAssetMap.get(id);',
    );
    // importedPicture writes the name out (a bundler resolves only a literal): the two must agree.
    expect(readFileSync(join(ROOT, DOOR), 'utf8'), `${DOOR} importedPicture must import ASSET_IMPORTS_MODULE`).toContain(
      `import('${ASSET_IMPORTS_MODULE}' as string)`,
    );
  });

  it.each([
    ['./photo.jpg', 'content/articles/story.md'],
    ['../shared/map.png', 'content/articles/2026/story.md'],
    ['./quay at dawn.webp', 'content/articles/story.md'],
    ['./café&co=1.JPEG', '/srv/news/articles/a b.md'],
    ['./portrait.avif', 'content/authors/jane-roe.yaml'],
  ])('imageImportKey(%j, %j) is the key Astro files the picture under', (source, file) => {
    expect(imageImportKey(source, file), broke('imageImportKey', 'astro/src/assets/utils/resolveImports.ts')).toBe(
      imageSrcToImportId(source, file),
    );
  });

  const images = (html: string) => {
    const found: Element[] = [];
    visit(
      rehype().data('settings', { fragment: true }).parse(html) as Root,
      'element',
      (node: Element) => void (node.tagName === 'img' && found.push(node)),
    );
    return found;
  };

  it('imagePlaceholder reads the placeholder Astro leaves for each local picture', async () => {
    const markdown = '![Quay at dawn, "Hull"](./photo.jpg)\n\n![](./map.png)\n\n![Remote](https://cdn.example/p.jpg)';
    const { code } = await processor.render(markdown, { frontmatter: {}, fileURL: STORY });
    const file = '@astrojs/markdown-remark/src/rehype-images.ts';
    expectCode(
      'IMAGE_PLACEHOLDER_ATTRIBUTE',
      file,
      `${IMAGE_PLACEHOLDER_ATTRIBUTE}: JSON.stringify({ ...imageProperties, index })`,
    );
    expectCode(
      'IMAGE_PLACEHOLDER_ATTRIBUTE',
      'astro/src/content/runtime.ts',
      `const CONTENT_LAYER_IMAGE_REGEX = /${IMAGE_PLACEHOLDER_ATTRIBUTE}="([^"]+)"/g;`,
    );
    expect(images(code).map(imagePlaceholder), broke('imagePlaceholder', file)).toEqual([
      { src: './photo.jpg', alt: 'Quay at dawn, "Hull"' },
      { src: './map.png', alt: '' },
      undefined,
    ]);
  });

  it.each([
    ['an <img> without the placeholder', '<img src="/a.jpg" alt="A">', [undefined]],
    [
      'another element holding the attribute',
      `<span ${IMAGE_PLACEHOLDER_ATTRIBUTE}="{&#x22;src&#x22;:&#x22;./a.jpg&#x22;}"></span>`,
      [],
    ],
    [
      'a placeholder without alt',
      `<img ${IMAGE_PLACEHOLDER_ATTRIBUTE}="{&#x22;src&#x22;:&#x22;./a.jpg&#x22;,&#x22;index&#x22;:0}">`,
      [{ src: './a.jpg', alt: '' }],
    ],
  ])('imagePlaceholder: %s', (_, html, expected) => {
    expect(images(html).map(imagePlaceholder)).toEqual(expected);
  });

  it('imagePlaceholder throws on a placeholder with no src (a changed format)', () => {
    const [node] = images(`<img ${IMAGE_PLACEHOLDER_ATTRIBUTE}="{&#x22;path&#x22;:&#x22;./a.jpg&#x22;}">`);
    expect(() => imagePlaceholder(node!)).toThrow(`Astro's picture placeholder (${IMAGE_PLACEHOLDER_ATTRIBUTE}) holds no src`);
  });

  const photo = join(ROOT, 'tests/fixtures/corpora/pictures/photo.jpg');
  // The build's image asset for an imported picture, as Astro makes it, with the set of originals
  // it marks as used: Astro's render scope (astro/src/core/render-scope/scope.ts) installed on the
  // process-wide symbol it looks for, holding this test's collector.
  const RENDER_SCOPE = Symbol.for('astro:render-scope');
  const asset = (metadata: ImageMetadata, fsPath: string) => {
    const referenced = new Set<string>();
    Object.defineProperty(globalThis, RENDER_SCOPE, {
      value: { getStore: () => ({ referencedImages: referenced }) },
      configurable: true,
    });
    return { picture: createImageAsset(metadata, fsPath, true), referenced };
  };
  afterEach(() => void delete (globalThis as Record<symbol, unknown>)[RENDER_SCOPE]);

  it('imageFilePath reads the file Astro imported a picture from, without marking it used', async () => {
    const file = 'astro/src/assets/utils/node.ts';
    const { emitImageMetadata } = await astroModule<{ emitImageMetadata: (id: string) => Promise<ImageMetadata | undefined> }>(
      file,
    );
    const metadata = await emitImageMetadata(photo);
    expect(metadata && imageFilePath(metadata), broke('imageFilePath', file)).toBe(photo);
    const { picture, referenced } = asset(metadata!, photo);
    expect(imageFilePath(picture), broke('imageFilePath', 'astro/src/assets/utils/image-asset.ts')).toBe(photo);
    expect([...referenced], broke('imageFilePath', 'astro/src/assets/utils/image-asset.ts')).toEqual([]);
  });

  it('imageDimensions measures a picture without marking the original used; reading its src would', () => {
    const file = 'astro/src/assets/utils/image-asset.ts';
    const { picture, referenced } = asset({ src: '/_astro/photo.hash.jpg', width: 1600, height: 900, format: 'jpg' }, photo);
    expect(imageDimensions(picture), broke('imageDimensions', file)).toEqual({ width: 1600, height: 900, format: 'jpg' });
    expect([...referenced], broke('imageDimensions', file)).toEqual([]);
    // The reason for the rule: reading src marks it, and the build then publishes the original.
    expect(picture.src).toBe('/_astro/photo.hash.jpg');
    expect([...referenced], broke('imageDimensions (the asset no longer marks an original whose src is read)', file)).toEqual([
      photo,
    ]);
  });

  it('imageDimensions and imageFilePath read plain metadata as it is (outside the build)', () => {
    expect(imageDimensions({ src: '/p.jpg', width: 10, height: 20, format: 'png' })).toEqual({
      width: 10,
      height: 20,
      format: 'png',
    });
    expect(() => imageFilePath({ src: '/p.jpg', width: 10, height: 20, format: 'png' })).toThrow(
      "Astro's image metadata has no fsPath (src /p.jpg)",
    );
  });
});

describe('Markdown plugins', () => {
  it('what a plugin writes to frontmatterOf comes back as renderedFrontmatter, with the pictures in localImagePaths', async () => {
    const file = '@astrojs/markdown-remark/src/index.ts';
    let seen: unknown;
    const plugin = () => (_: unknown, vfile: VFile) => {
      seen = frontmatterOf(vfile)['title'];
      frontmatterOf(vfile)['facts'] = { minutes: 3 };
    };
    const processor = await createMarkdownProcessor({ remarkPlugins: [plugin], syntaxHighlight: false });
    const { metadata } = await processor.render('![A](./a.jpg)\n\n![B](https://cdn.example/b.jpg)\n\n![C](../c.png)', {
      frontmatter: { title: 'Headline' },
      fileURL: STORY,
    });
    expect(seen, broke('frontmatterOf', file)).toBe('Headline');
    expect(renderedFrontmatter(metadata), broke('renderedFrontmatter', file)).toEqual({
      title: 'Headline',
      facts: { minutes: 3 },
    });
    expect(localImagePaths(metadata), broke('localImagePaths', file)).toEqual(['./a.jpg', '../c.png']);
    // The content layer keeps the processor's metadata whole as the entry's rendered.metadata.
    expectCode(
      'renderedFrontmatter, localImagePaths',
      'astro/src/content/content-layer.ts',
      'html: code,\n      metadata: {\n        ...metadata,',
    );
  });

  it.each([
    ['no metadata', undefined, undefined, []],
    ['metadata without either', { headings: [] }, undefined, []],
    ['something else under the names', { frontmatter: 'x', localImagePaths: 'x' }, undefined, []],
  ])('renderedFrontmatter and localImagePaths of %s', (_, metadata, frontmatter, paths) => {
    expect(renderedFrontmatter(metadata)).toEqual(frontmatter);
    expect(localImagePaths(metadata)).toEqual(paths);
  });

  it('frontmatterOf makes the front matter of a file rendered outside Astro', () => {
    const file = new VFile();
    frontmatterOf(file)['x'] = 1;
    expect(frontmatterOf(file)).toEqual({ x: 1 });
  });
});

describe('content loaders', () => {
  it('skippingUnchangedFrontMatter: the glob loader is handed the entry types, and parses front matter before it compares digests', () => {
    const glob = 'astro/src/content/loaders/glob.ts';
    expectCode(
      'skippingUnchangedFrontMatter',
      glob,
      'load: async ({ config, collection, logger, watcher, parseData, store, generateDigest, entryTypes }) => {',
    );
    expectCode('skippingUnchangedFrontMatter', glob, 'return entryTypes.get(`.${ext}`);');
    expectCode(
      'skippingUnchangedFrontMatter',
      glob,
      'const { body, data } = await entryType.getEntryInfo({ contents, fileUrl }); const id = generateId({ entry, base, data }); if (oldId && oldId !== id) { store.delete(oldId); } untouchedEntries.delete(id); const existingEntry = store.get(id); const digest = generateDigest(contents); const filePath = fileURLToPath(fileUrl); if (existingEntry && existingEntry.digest === digest && existingEntry.filePath) {',
    );
    expectCode(
      'skippingUnchangedFrontMatter',
      'astro/src/content/content-layer.ts',
      'entryTypes: getEntryConfigByExtMap([...this.#settings.contentEntryTypes, ...this.#settings.dataEntryTypes])',
    );
  });

  it('skippingUnchangedFrontMatter parses a changed or new file and not an unchanged one', async () => {
    const parsed: string[] = [];
    const markdown = {
      getEntryInfo: ({ fileUrl }: { fileUrl: URL }) => (
        parsed.push(fileUrl.pathname),
        { data: { title: 'x' }, body: 'b', slug: '', rawData: '' }
      ),
    };
    const stored = new Map([
      ['same', { digest: 'd-same', filePath: 'same.md' }],
      ['edited', { digest: 'old', filePath: 'edited.md' }],
    ]);
    const seen: unknown[] = [];
    const loader = skippingUnchangedFrontMatter(
      {
        name: 'probe',
        load: async (context) => {
          const types = (context as unknown as { entryTypes: Map<string, typeof markdown> }).entryTypes;
          for (const [name, contents] of [
            ['same', 'same'],
            ['edited', 'new text'],
            ['new', 'x'],
          ] as const) {
            seen.push(types.get('.md')!.getEntryInfo({ contents, fileUrl: new URL(`file:///c/${name}.md`) } as never));
          }
        },
      },
      (file) => file.pathname.slice(3).replace('.md', ''),
    );
    // The digest of a file's contents: "same" matches its stored entry's, "edited" does not, "new" has none.
    await loader.load({
      store: { get: (id: string) => stored.get(id) },
      generateDigest: (text: string) => `d-${text}`,
      entryTypes: new Map([['.md', markdown]]),
    } as never);
    expect(parsed).toEqual(['/c/edited.md', '/c/new.md']);
    expect(seen.map((info) => (info as { data: unknown }).data)).toEqual([{}, { title: 'x' }, { title: 'x' }]);
  });
});

describe("the build's process", () => {
  it('handover: pages render in the build process, and astro:build:done runs after them', () => {
    expectCode(
      'handover',
      'astro/src/core/build/default-prerenderer.ts',
      'const { app } = await import(prerenderEntryUrl.toString());',
    );
    expectCode(
      'handover',
      'astro/src/core/build/static-build.ts',
      'await buildPhase("generate pages", () => generatePages(resolvedOpts, internals, prerenderOutputDir, builder));',
    );
    const build = readFileSync(installedFile('astro/src/core/build/index.ts'), 'utf8');
    const [pages, done] = [build.indexOf('= await viteBuild(opts);'), build.indexOf('await runHookBuildDone(')];
    expect(
      pages >= 0 && done > pages,
      `${broke('handover', 'astro/src/core/build/index.ts')}: astro:build:done no longer runs after the pages`,
    ).toBe(true);
  });

  it('handover: what one copy of a module gives, another takes; take throws when nothing was given', () => {
    const name = `test-${Math.random()}`;
    const given = handover<string[]>(name, 'test values');
    expect(() => handover<string[]>(name, 'test values').take()).toThrow(
      'test values: nothing was handed over; was this run outside `astro build`?',
    );
    const heard: string[][] = [];
    handover<string[]>(name, 'test values').whenGiven((value) => heard.push(value));
    given.give(['a']);
    expect(handover<string[]>(name, 'test values').take()).toEqual(['a']);
    expect(heard).toEqual([['a']]);
    // A listener that comes after the value hears it at once.
    handover<string[]>(name, 'test values').whenGiven((value) => heard.push(value));
    expect(heard).toEqual([['a'], ['a']]);
  });
});

describe('the cache folder', () => {
  it('BUILD_STATE_IN_CACHE names the incremental build and content store files Astro keeps there', async () => {
    const cacheDir = new URL('file:///cache/');
    const settings = { config: { cacheDir }, dotAstroDir: new URL('file:///project/.astro/') };
    const paths = 'astro/src/content/paths.ts';
    const { getDataStoreFile, getDataStoreDir } =
      await astroModule<Record<'getDataStoreFile' | 'getDataStoreDir', (s: object, dev: boolean) => URL>>(paths);
    const incremental = 'astro/src/core/build/incremental.ts';
    expectCode('BUILD_STATE_IN_CACHE', incremental, 'const INCREMENTAL_CACHE_FILE = "incremental-build.json";');
    expectCode('BUILD_STATE_IN_CACHE', incremental, 'const INCREMENTAL_OUTPUT_DIR = "dist/";');
    expectCode('BUILD_STATE_IN_CACHE', incremental, 'return new URL(INCREMENTAL_CACHE_FILE, settings.config.cacheDir);');
    expectCode(
      'BUILD_STATE_IN_CACHE',
      incremental,
      'return new URL(outputFile, new URL(INCREMENTAL_OUTPUT_DIR, settings.config.cacheDir));',
    );
    const store = [getDataStoreFile(settings, false), getDataStoreDir(settings, false)].map((url) =>
      url.href.slice(cacheDir.href.length).replace(/\/$/, ''),
    );
    expect(BUILD_STATE_IN_CACHE, broke('BUILD_STATE_IN_CACHE', paths)).toEqual(['incremental-build.json', 'dist', ...store]);
  });

  it('incrementalOutputFiles reads the output file of every page the incremental build recorded', async () => {
    const incremental = 'astro/src/core/build/incremental.ts';
    type Cache = { record(...args: unknown[]): void; writeManifest(settings: object): void };
    const { IncrementalBuildCache } = await astroModule<{
      IncrementalBuildCache: new (configHash: string, lockfileHash: string, keyDigest: string) => Cache;
    }>(incremental);
    const cacheDir = join(TMP, 'astro-internals-cache');
    rmSync(cacheDir, { recursive: true, force: true });
    expect(incrementalOutputFiles(cacheDir)).toEqual(new Set());
    const cache = new IncrementalBuildCache('config', 'lockfile', 'keys');
    cache.record('src/pages/articles/[slug].astro', 'd', '/articles/a', 'k', 'articles/a/index.html', []);
    cache.record('src/pages/articles/[slug].astro', 'd', '/articles/b', 'k', 'articles/b/index.html', []);
    cache.record('src/pages/rss.xml.ts', 'd', '/rss.xml', 'k', 'rss.xml', []);
    // As generate.ts records it: the end of the file's URL, percent-encoded.
    cache.record('src/pages/tags/[tag]/[...page].astro', 'd', '/tags/zürich', 'k', 'tags/z%C3%BCrich/index.html', []);
    cache.writeManifest({ config: { cacheDir: pathToFileURL(`${cacheDir}/`) } });
    expect(incrementalOutputFiles(cacheDir), broke('incrementalOutputFiles', incremental)).toEqual(
      new Set(['articles/a/index.html', 'articles/b/index.html', 'rss.xml', 'tags/zürich/index.html']),
    );
    expectCode('incrementalOutputFiles', 'astro/src/core/build/generate.ts', 'const relativeOutFile = outFile.href.slice(options.outputDirectories.client.href.length);');
  });

  it('BUILD_OVER_OUTPUT keeps the output folder, and a reusable page already there is left as it is', () => {
    expect(BUILD_OVER_OUTPUT).toEqual({ build: { emptyOutDir: false } });
    expectCode(
      'BUILD_OVER_OUTPUT',
      'astro/src/core/build/static-build.ts',
      'if (settings.config?.vite?.build?.emptyOutDir !== false) { emptyDir(settings.config.outDir, new Set(".git")); }',
    );
    expectCode(
      'BUILD_OVER_OUTPUT',
      'astro/src/core/build/generate.ts',
      'const existsInDist = nodeFs.existsSync(outFile); const restored = !existsInDist && await cache.restoreOutputFile(',
    );
  });

  it('IMAGE_CACHE_IN_CACHE is where Astro keeps picture copies', () => {
    expectCode(
      'IMAGE_CACHE_IN_CACHE',
      'astro/src/assets/build/generate.ts',
      `const assetsCacheDir = new URL("${IMAGE_CACHE_IN_CACHE}", settings.config.cacheDir);`,
    );
  });
});

describe("the project's .astro folder", () => {
  it('CONTENT_IMPORTS_IN_PROJECT names the files content sync writes there, and a warm sync may leave them as they are', () => {
    expectCode(
      'CONTENT_IMPORTS_IN_PROJECT',
      'astro/src/core/config/settings.ts',
      'const dotAstroDir = new URL(".astro/", config.root);',
    );
    const consts = 'astro/src/content/consts.ts';
    expect(CONTENT_IMPORTS_IN_PROJECT).toEqual(['.astro/content-assets.mjs', '.astro/content-modules.mjs']);
    expectCode('CONTENT_IMPORTS_IN_PROJECT', consts, 'const ASSET_IMPORTS_FILE = "content-assets.mjs";');
    expectCode('CONTENT_IMPORTS_IN_PROJECT', consts, 'const MODULES_IMPORTS_FILE = "content-modules.mjs";');
    const layer = 'astro/src/content/content-layer.ts';
    expectCode(
      'CONTENT_IMPORTS_IN_PROJECT',
      layer,
      'const assetImportsFile = new URL(ASSET_IMPORTS_FILE, this.#settings.dotAstroDir);',
    );
    expectCode(
      'CONTENT_IMPORTS_IN_PROJECT',
      'astro/src/content/mutable-data-store.ts',
      'if (!this.#assetsDirty && existsSync(filePath)) {',
    );
  });

  it('PRERENDER_ENVIRONMENT is the environment Astro bundles prerendered pages in, first', () => {
    expectCode('PRERENDER_ENVIRONMENT', 'astro/src/core/constants.ts', `prerender: "${PRERENDER_ENVIRONMENT}"`);
    expectCode(
      'PRERENDER_ENVIRONMENT',
      'astro/src/core/build/static-build.ts',
      'let prerenderOutput = await buildPhase("prerender bundle", () => builder.build(builder.environments.prerender));',
    );
  });

  it('IMAGE_SERVICE_ENVIRONMENT is the environment Astro bundles the image service in, after the pages', () => {
    expectCode('IMAGE_SERVICE_ENVIRONMENT', 'astro/src/assets/consts.ts', `const IMAGE_SERVICE_ENVIRONMENT_NAME = "${IMAGE_SERVICE_ENVIRONMENT}";`);
    expectCode('IMAGE_SERVICE_ENVIRONMENT', 'astro/src/core/build/image-service.ts', 'const output = await builder.build(builder.environments[IMAGE_SERVICE_ENVIRONMENT_NAME]);');
  });
});

describe("the build's log", () => {
  it.each([
    [0, 0],
    [812, 0],
    [999, 0],
    [1000, 5],
    [21_774, 5],
    [59_994, 5],
    [60_000, 500],
    [293_400, 500],
  ])('logDuration reads getTimeStat(0, %i) back to the ms (± %i)', (ms, precision) => {
    const read = logDuration(getTimeStat(0, ms));
    expect(
      read !== undefined && Math.abs(read - ms) <= precision,
      `${broke('logDuration', 'astro/src/core/build/util.ts')}: read ${getTimeStat(0, ms)} as ${read}`,
    ).toBe(true);
  });

  it.each(['', '12', '1.5 s', 'soon', '3h'])('logDuration(%j) is undefined', (text) => {
    expect(logDuration(text)).toBeUndefined();
  });

  it('pageLog: the route log is written as the door reads it', async () => {
    const file = 'astro/src/core/build/generate.ts';
    for (const code of [
      'logger.info(null, `  ${colors.green("\\u251C\\u2500")} ${colors.dim(filePath)}`, false);',
      'restored ? ` ${colors.green("(restored)")}` : ` ${colors.green("(cached)")}`',
      'logger.info(null, `  ${colors.blue("\\u251C\\u2500")} ${colors.dim(filePath)}`, false);',
      'const timeIncrease = (isSlow ? colors.red : colors.dim)(`(+${getTimeStat(timeStart, timeEnd)})`);',
    ]) {
      expectCode('pageLog', file, code);
    }
    // Each entry's path follows the logger's clock.
    const { getEventPrefix } = await astroModule<{ getEventPrefix: (event: { level: string; label: string | null }) => string }>(
      'astro/src/core/logger/core.ts',
    );
    expect(
      getEventPrefix({ level: 'info', label: null }).replace(/\x1b\[[\d;]*m/g, ''),
      broke('pageLog', 'astro/src/core/logger/core.ts'),
    ).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it.each([
    [
      'entries sharing a line under concurrency, and times written apart from their pages',
      [
        ' generating static routes ',
        '18:14:06   ├─ /404.html18:14:06   ├─ /archive/2024/06/index.html18:14:06   ├─ /archive/index.html (+219ms) ',
        '18:14:06   ├─ /articles/x/index.html (+1.25s) ',
        ' (+8ms) ',
        '18:14:06 ✓ Completed in 732ms.',
      ],
      [
        { path: '/404.html', restored: false, ms: undefined },
        { path: '/archive/2024/06/index.html', restored: false, ms: undefined },
        { path: '/archive/index.html', restored: false, ms: 219 },
        { path: '/articles/x/index.html', restored: false, ms: 1250 },
      ],
    ],
    [
      'pages copied from the cache and from the output folder, beside rendered ones',
      [
        '18:14:06   ├─ /sections/asia/index.html18:14:06   ├─ /index.html (restored) ',
        '18:14:07   ├─ /rss.xml (cached) ',
        '18:14:07   ├─ /tags/日本/index.html (+12ms) (file not created, response body was empty)',
      ],
      [
        { path: '/sections/asia/index.html', restored: false, ms: undefined },
        { path: '/index.html', restored: true, ms: undefined },
        { path: '/rss.xml', restored: true, ms: undefined },
        { path: '/tags/日本/index.html', restored: false, ms: 12 },
      ],
    ],
    [
      'colour codes, as a terminal or CI gets them',
      ['\x1b[2m18:14:06\x1b[22m   \x1b[32m├─\x1b[39m \x1b[2m/index.html\x1b[22m \x1b[32m(restored)\x1b[39m'],
      [{ path: '/index.html', restored: true, ms: undefined }],
    ],
    ['a log without routes', ['18:14:06 [build] Complete!'], []],
  ])('pageLog reads %s', (_, lines, entries) => {
    expect(pageLog(lines.join('\n'))).toEqual(entries);
  });

  it('buildPhases: the phases are logged as the door reads them', () => {
    expectCode('buildPhases', 'astro/src/content/content-layer.ts', 'logger.info("Syncing content");');
    expectCode('buildPhases', 'astro/src/content/content-layer.ts', 'logger.info("Synced content");');
    expectCode('buildPhases', 'astro/src/core/build/generate.ts', '${verb} static routes ');
    expectCode(
      'buildPhases',
      'astro/src/core/build/generate.ts',
      'colors.green(`\\u2713 Completed in ${getTimeStat(generatePagesTimer, performance.now())}.',
    );
  });

  it.each([
    [
      'a build',
      [
        '18:14:01 [content] Syncing content',
        '18:14:04 [content] Synced content',
        '18:14:04 [build] ✓ Completed in 4.84s.',
        '',
        ' generating static routes ',
        '18:14:06   ├─ /index.html (+12ms) ',
        '18:14:06 ✓ Completed in 1m 5s.',
        '18:14:06 [build] ✓ Completed in 2.45s.',
      ],
      { sync: 3, render: 65 },
    ],
    ['a log without the lines', ['18:14:06 [build] Complete!'], { sync: undefined, render: undefined }],
  ])('buildPhases reads %s', (_, lines, phases) => {
    expect(buildPhases(lines.join('\n'))).toEqual(phases);
  });

  it('imageLog: picture copies are logged as the door reads them', () => {
    const file = 'astro/src/assets/build/generate.ts';
    expectCode(
      'imageLog',
      file,
      '`(reused cache entry)` : `(revalidated cache entry)` : `(before: ${generationData.weight.before}kB, after: ${generationData.weight.after}kB)`',
    );
    expectCode(
      'imageLog',
      file,
      '`  ${colors.green("\\u25B6")} ${filepath} ${colors.dim(statsText)} ${colors.dim(timeIncrease)} ${colors.dim(count)}`',
    );
    const log = [
      '18:14:07   ▶ /_astro/photo.Ab12.webp (before: 412kB, after: 40kB) (+210ms) (1/3)',
      '18:14:07   ▶ /_astro/photo.Cd34.avif (reused cache entry) (+2ms) (2/3)',
      '18:14:07   ▶ /_astro/photo.Ef56.jpg (before: 412kB, after: 61kB) (+80ms) (3/3)',
      '18:14:07   ├─ /index.html (+12ms) ',
    ].join('\n');
    expect(imageLog(log)).toEqual({ made: 2, reused: 1 });
  });
});

describe('the door is the only one', () => {
  // Astro's undocumented names, which only the door and this test may write (README and docs may describe the log).
  const NAMES = [ASSET_IMPORTS_MODULE, IMAGE_PLACEHOLDER_ATTRIBUTE, 'astroContentImageFlag', '(restored)', '(cached)', '├─ '];
  it('names Astro internals: no other source, script, bench or test file does', () => {
    // The repository's files, committed or not, but not what git ignores (builds, caches, node_modules).
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts', 'bench', 'tests'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file !== '' && existsSync(join(ROOT, file)))
      .concat(['astro.config.mjs', '.dependency-cruiser.cjs'])
      .filter((file) => !/\.(png|jpe?g|webp|avif|gif|ico|woff2?)$/.test(file));
    const naming = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8').toLowerCase();
      return NAMES.filter((name) => text.includes(name.toLowerCase())).map((name) => `${file}: ${name}`);
    });
    expect(
      naming.filter((found) => !found.startsWith(`${DOOR}:`) && !found.startsWith('tests/unit/astro-internals.test.ts:')),
    ).toEqual([]);
  });
});

describe('madeAsAsked: Astro’s sharp service hands back the original when sharp fails', () => {
  it('returns a too-tall WebP request as the original PNG, which madeAsAsked catches', async () => {
    const { default: service } = (await import('astro/assets/services/sharp')) as { default: import('astro').LocalImageService };
    const { default: sharp } = await import('sharp');
    const tall = await sharp({ create: { width: 4, height: 16_384, channels: 3, background: '#888' } }).png().toBuffer();
    const logger = { warn: () => undefined } as unknown as Parameters<typeof service.transform>[3];
    const config = { service: { entrypoint: '', config: {} } } as unknown as Parameters<typeof service.transform>[2];
    const made = await service.transform(tall, { src: 'tall.png', format: 'webp' }, config, logger);
    expect(made.format, broke('madeAsAsked', 'astro/src/assets/services/sharp.ts')).toBe('png');
    expect(madeAsAsked('webp', made.format)).toBe(false);
    expect(madeAsAsked('jpeg', 'jpg')).toBe(true);
    expect(madeAsAsked(undefined, 'png')).toBe(true);
  });
});
