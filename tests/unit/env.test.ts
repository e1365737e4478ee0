import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { authorsDir, basePath, buildOut, buildTime, cacheFolder, contentDir, deploySettings, isInside, pagesDir,
  updatesDir, PLACEHOLDER_SITE, publishing, SettingError, siteOrigin } from '../../src/env';
import { ROOT, TMP } from '../support/paths';

describe('siteOrigin (SITE_URL)', () => {
  it.each([
    [undefined, PLACEHOLDER_SITE],
    ['', PLACEHOLDER_SITE],
    ['https://example.org', 'https://example.org'],
    ['https://example.org/news/', 'https://example.org'],
    ['http://127.0.0.1:4321', 'http://127.0.0.1:4321'],
  ])('%j → %s', (value, origin) => {
    expect(siteOrigin(value)).toBe(origin);
  });

  it.each([
    ['example.org', 'SITE_URL: expected an absolute address like https://news.example.com, found "example.org"'],
    ['ftp://example.org', 'SITE_URL: expected http or https, found "ftp://example.org"'],
  ])('refuses %j', (value, message) => {
    expect(() => siteOrigin(value)).toThrow(new SettingError(message));
  });
});

describe('basePath (BASE_PATH)', () => {
  it.each([
    [undefined, '/'],
    ['/', '/'],
    ['/news', '/news/'],
    ['/news/', '/news/'],
    ['/a/b', '/a/b/'],
  ])('%j → %s', (value, base) => {
    expect(basePath(value)).toBe(base);
  });

  it.each(['news', '/a//b', '/a/../b', '/a b', 'https://example.org/news'])('refuses %j, naming the variable', (value) => {
    expect(() => basePath(value)).toThrow(`BASE_PATH: expected a path starting with / made of plain segments (letters, digits, - . _ ~) like /news, found "${value}"`);
  });
});

describe('buildTime (BUILD_TIME)', () => {
  it('reads an ISO instant', () => {
    expect(buildTime('2024-06-18T12:00:00Z').toISOString()).toBe('2024-06-18T12:00:00.000Z');
  });
  it('is the clock when unset', () => {
    const before = Date.now();
    const now = buildTime(undefined).getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
  it('refuses what is not an instant', () => {
    expect(() => buildTime('tomorrow')).toThrow('BUILD_TIME: expected an ISO date and time like 2024-06-18T12:00:00Z, found "tomorrow"');
  });
});

describe('settings from an environment', () => {
  it('reads deployment settings and says when SITE_URL was not given', () => {
    expect(deploySettings({})).toEqual({ site: PLACEHOLDER_SITE, sitePlaceholder: true, base: '/' });
    expect(deploySettings({ SITE_URL: 'https://example.org/x', BASE_PATH: '/news' })).toEqual({
      site: 'https://example.org',
      sitePlaceholder: false,
      base: '/news/',
    });
  });

  it('reads the publishing rules: preview only for SHOW_DRAFTS=1', () => {
    expect(publishing({ BUILD_TIME: '2024-06-18T12:00:00Z', SHOW_DRAFTS: '1' })).toEqual({ now: new Date('2024-06-18T12:00:00Z'), preview: true });
    expect(publishing({ BUILD_TIME: '2024-06-18T12:00:00Z', SHOW_DRAFTS: 'yes' }).preview).toBe(false);
  });

  it('names a content folder that does not exist', () => {
    expect(() => contentDir({ CONTENT_DIR: '/no/such/folder' })).toThrow('CONTENT_DIR: the folder /no/such/folder does not exist.');
  });

  it('puts the build in dist/ unless BUILD_OUT says otherwise', () => {
    expect(buildOut(ROOT, {})).toBe(`${ROOT}dist`);
    expect(buildOut(ROOT, { BUILD_OUT: '.tmp/x' })).toBe(`${ROOT}.tmp/x`);
  });
});

describe('settings that would pass a loose check but break the site', () => {
  it.each(['/%', '/%zz', '/%20news', '/news/./x', '/%2e%2e', '/news/../x', '//'])('BASE_PATH=%j is refused', (value) => {
    expect(() => basePath(value)).toThrow(SettingError);
  });

  it.each(['/news', '/news/', '/a-b/c_d/', '/v1.2'])('BASE_PATH=%j is accepted', (value) => {
    expect(basePath(value)).toBe(value.endsWith('/') ? value : `${value}/`);
  });

  it.each(['1', '0', 'June 18 2024', '2024-06-18', '2024-06-18T04:30:00'])('BUILD_TIME=%j is refused: it is not one instant on every machine', (value) => {
    expect(() => buildTime(value)).toThrow(SettingError);
  });

  it('refuses a CONTENT_DIR that is a file', () => {
    expect(() => contentDir({ CONTENT_DIR: `${ROOT}package.json` })).toThrow('is a file. Expected a folder of Markdown articles.');
  });
});

describe('isInside', () => {
  it.each([
    ['/a/b', '/a', true],
    ['/a', '/a', true],
    ['/a/b/c', '/a/b', true],
    ['/a', '/a/b', false],
    ['/ab', '/a', false],
    ['/a/..b', '/a', true],
    ['/x/y', '/a', false],
  ])('%s inside %s: %s', (folder, parent, inside) => {
    expect(isInside(folder, parent)).toBe(inside);
  });
});

describe('cacheFolder (CACHE_DIR)', () => {
  it('defaults to node_modules/.astro under the project', () => {
    expect(cacheFolder(ROOT, {})).toBe(`${ROOT}node_modules/.astro`);
  });

  it.each([
    ['the articles themselves', 'content/articles'],
    ['a folder inside the articles', 'content/articles/cache'],
    ['a folder holding the articles', 'content'],
  ])('refuses %s', (_, value) => {
    expect(() => cacheFolder(ROOT, { CACHE_DIR: value })).toThrow(SettingError);
    expect(() => cacheFolder(ROOT, { CACHE_DIR: value })).toThrow(/CACHE_DIR: .* and the articles .* would share a folder/);
  });
});

describe.each([
  ['authorsDir (AUTHORS_DIR)', authorsDir, 'AUTHORS_DIR', "authors' profiles (<slug>.yaml)"],
  ['pagesDir (PAGES_DIR)', pagesDir, 'PAGES_DIR', "the publication's pages (<slug>.md)"],
  ['updatesDir (UPDATES_DIR)', updatesDir, 'UPDATES_DIR', "live stories' updates (<name>.md)"],
] as const)('%s', (_label, read, variable, holds) => {
  const dir = join(TMP, 'env-folders');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a-file'), '');

  it('is the folder named, absolute', () => {
    expect(read({ [variable]: dir })).toBe(dir);
  });
  it('refuses a folder named that does not exist, or a file, saying what it should hold', () => {
    expect(() => read({ [variable]: join(dir, 'missing') })).toThrow(`${variable}: the folder ${join(dir, 'missing')} does not exist. Expected a folder of ${holds}.`);
    expect(() => read({ [variable]: join(dir, 'a-file') })).toThrow(`${variable}: ${join(dir, 'a-file')} is a file. Expected a folder of ${holds}.`);
  });
});

describe("cacheFolder refuses every editors' folder", () => {
  it("refuses a CACHE_DIR holding the publication's pages", () => {
    const pages = join(TMP, 'env-cache-pages', 'cache', 'pages');
    mkdirSync(pages, { recursive: true });
    expect(() => cacheFolder(ROOT, { CACHE_DIR: join(TMP, 'env-cache-pages', 'cache'), PAGES_DIR: pages })).toThrow(
      `CACHE_DIR: ${join(TMP, 'env-cache-pages', 'cache')} and the publication's pages (${pages}) would share a folder, and builds prune their cache. Expected a folder of its own.`,
    );
  });
  it("refuses a CACHE_DIR inside the live stories' updates", () => {
    const updates = join(TMP, 'env-cache-updates', 'updates');
    mkdirSync(updates, { recursive: true });
    expect(() => cacheFolder(ROOT, { CACHE_DIR: join(updates, 'cache'), UPDATES_DIR: updates })).toThrow(
      `CACHE_DIR: ${join(updates, 'cache')} and the live stories' updates (${updates}) would share a folder, and builds prune their cache. Expected a folder of its own.`,
    );
  });
});
