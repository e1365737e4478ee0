import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { placeShards, type PreparedShards } from '../../src/integrations/search-index';
import { TMP } from '../support/paths';

const dir = join(TMP, 'search-placement');
const cache = join(dir, 'cache', 'shard-2024');
const site = join(dir, 'site');
// A cached shard as the indexer leaves it: what the site serves, the word counts and the script.
const files = {
  'pagefind-entry.json': '{"languages":{"en":{"hash":"en_1"}}}',
  'index/en_1.pf_index': 'index bytes',
  'fragment/en_2.pf_fragment': 'fragment bytes',
};
const prepared: PreparedShards = {
  placed: [
    {
      folder: cache,
      where: '2024',
      serves: { files: 3, bytes: Object.values(files).reduce((sum, text) => sum + Buffer.byteLength(text), 0) },
    },
  ],
  indexed: 0,
  seconds: 0,
};
const place = (afresh: boolean) => placeShards(prepared, pathToFileURL(`${site}/`), { afresh });
const served = (path: string) => readFileSync(join(site, 'pagefind', path), 'utf8');

beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries({ ...files, 'words.json': '{"nato":3}', 'pagefind.js': 'script' })) {
    mkdirSync(join(cache, path, '..'), { recursive: true });
    writeFileSync(join(cache, path), text);
  }
  mkdirSync(site, { recursive: true });
});

describe('placeShards', () => {
  it('places a shard, the script and the directory, and not the cache\'s own files', async () => {
    await place(false);
    expect(served('2024/index/en_1.pf_index')).toBe('index bytes');
    expect(served('pagefind.js')).toBe('script');
    expect(existsSync(join(site, 'pagefind/2024/words.json'))).toBe(false);
    expect(readdirSync(join(site, 'pagefind/directory')).length).toBeGreaterThan(0);
  });

  it('leaves a shard the working copy already holds whole where it is', async () => {
    await place(false);
    const before = statSync(join(site, 'pagefind/2024/index/en_1.pf_index')).ino;
    writeFileSync(join(site, 'pagefind/stale'), 'a shard no build wants');
    await place(false);
    expect(statSync(join(site, 'pagefind/2024/index/en_1.pf_index')).ino).toBe(before);
    expect(existsSync(join(site, 'pagefind/stale'))).toBe(false);
  });

  // A file overwritten in place at the same size passes the check; starting afresh puts it right.
  it('places every shard again when the build starts afresh', async () => {
    mkdirSync(join(site, 'pagefind/2024/index'), { recursive: true });
    mkdirSync(join(site, 'pagefind/2024/fragment'), { recursive: true });
    for (const [path, text] of Object.entries(files)) writeFileSync(join(site, 'pagefind/2024', path), text);
    writeFileSync(join(site, 'pagefind/2024/index/en_1.pf_index'), 'xxxxx bytes');
    await place(true);
    expect(served('2024/index/en_1.pf_index')).toBe('index bytes');
  });

  // The working copy's pagefind/ turned into a link (to the site being served, here) must not
  // lead the build's writes there: the link goes, and a folder of the build's own is made.
  it('removes a link where the folder should be, writing nothing where it leads', async () => {
    const elsewhere = join(dir, 'served', 'pagefind');
    mkdirSync(elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, 'keep'), 'the served site');
    symlinkSync(elsewhere, join(site, 'pagefind'));
    await place(false);
    expect(lstatSync(join(site, 'pagefind')).isDirectory()).toBe(true);
    expect(readdirSync(elsewhere)).toEqual(['keep']);
    expect(served('2024/pagefind-entry.json')).toBe(files['pagefind-entry.json']);
  });
});
