import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  besideOutput,
  mirror,
  prune,
  readSiteRecord,
  startInstant,
  WORKING_COPY_MARK,
  writeSiteRecord,
} from '../../src/integrations/working-copy';
import { listFiles } from '../support/build';
import { TMP } from '../support/paths';

const dir = join(TMP, 'working-copy');
const site = join(dir, 'site');
const copy = join(dir, 'copy');

/** Writes `files` (path → text) under `root`, each with the modification time `mtime` (ms) when given. */
function write(root: string, files: Record<string, string>, mtime?: number): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
    if (mtime !== undefined) utimesSync(join(root, path), new Date(mtime), new Date(mtime));
  }
}
const read = (root: string) => Object.fromEntries(listFiles(root).map((path) => [path, readFileSync(join(root, path), 'utf8')]));

beforeEach(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
});

describe('mirror', () => {
  it.each([
    ['an empty working copy', {}, { 'index.html': 'home', 'articles/a/index.html': 'A' }, 2],
    [
      'the site before last',
      { 'index.html': 'old home', 'articles/gone/index.html': 'gone' },
      { 'index.html': 'home', 'articles/a/index.html': 'A' },
      2,
    ],
    ['a copy that is already equal', { 'index.html': 'home' }, { 'index.html': 'home' }, 0],
  ])('makes %s hold exactly what the site holds', (_, before: Record<string, string>, after: Record<string, string>, copied) => {
    write(copy, before, 1_700_000_000_000);
    write(site, after, 1_700_000_000_000);
    const result = mirror(site, copy);
    expect(read(copy)).toEqual(after);
    expect(result.copied).toBe(copied);
    // Folders the site lacks go too.
    expect(existsSync(join(copy, 'articles/gone'))).toBe(false);
  });

  it('copies back a file a failed build rewrote, even at the same size', () => {
    write(site, { 'index.html': 'home' }, 1_700_000_000_000);
    write(copy, { 'index.html': 'HOME' }, 1_700_000_005_000);
    expect(mirror(site, copy).copied).toBe(1);
    expect(read(copy)).toEqual({ 'index.html': 'home' });
  });

  it('empties the working copy when there is no site', () => {
    write(copy, { 'index.html': 'home', 'a/b.html': 'b' });
    mirror(join(dir, 'nothing'), copy);
    expect(listFiles(copy)).toEqual([]);
  });

  it('replaces rather than writes through a hard link, so the file it is linked to is left as it was', () => {
    write(site, { 'pagefind/x': 'new' }, 1_700_000_005_000);
    write(dir, { 'shared/x': 'old' }, 1_700_000_000_000);
    mkdirSync(join(copy, 'pagefind'), { recursive: true });
    linkSync(join(dir, 'shared/x'), join(copy, 'pagefind/x'));
    mirror(site, copy);
    expect(readFileSync(join(copy, 'pagefind/x'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'shared/x'), 'utf8')).toBe('old');
  });

  it('leaves out links: one in the site is not copied, one in the working copy is removed, and what it points at is untouched', () => {
    write(site, { 'index.html': 'home', 'real/page.html': 'page' }, 1_700_000_000_000);
    symlinkSync(join(site, 'real'), join(site, 'linked-folder'));
    symlinkSync(join(site, 'nowhere'), join(site, 'dangling'));
    write(copy, { 'index.html': 'home' }, 1_700_000_000_000);
    // A link in the working copy to the served page: a build writing through it would change the site.
    symlinkSync(join(site, 'real/page.html'), join(copy, 'page-link.html'));
    mirror(site, copy);
    expect(read(copy)).toEqual({ 'index.html': 'home', 'real/page.html': 'page' });
    expect(existsSync(join(copy, 'page-link.html'))).toBe(false);
    expect(readFileSync(join(site, 'real/page.html'), 'utf8')).toBe('page');
  });
});

describe('mirror, trusting only what the last build left in the site', () => {
  it('leaves out a file edited by hand, a file added by hand and a folder where the build wrote a file', () => {
    const at = 1_700_000_000_000;
    write(
      site,
      { 'index.html': 'home', 'edited.html': 'changed by hand', 'added.html': 'by hand', 'robots.txt/inside': 'x' },
      at,
    );
    const { record } = prune(site, 0n, new Set());
    // As the last build left them: edited.html had other bytes, robots.txt was a file, added.html was not there.
    const trusted = new Map([...record].filter(([path]) => path === 'index.html'));
    trusted.set('edited.html', { size: 4, mtimeMs: at });
    trusted.set('robots.txt', { size: 10, mtimeMs: at });
    write(copy, { 'index.html': 'home', 'edited.html': 'page', 'robots.txt': 'User-agent' }, at);
    mirror(site, copy, { trusted });
    expect(read(copy)).toEqual({ 'index.html': 'home' });
  });

  // Dated from whole milliseconds, a file's time is stored a few dozen nanoseconds short of them
  // (1796455368.961 s as …960999965 ns): read two ways, half of a 10,000-article site failed to
  // match its own record and was left out of the working copy on every build.
  it.each([1_796_455_368_961, 1_796_455_365_533, 1_700_000_000_000, 1_700_000_000_001])(
    'trusts a file it copied, dated %i ms, on the next build',
    (at) => {
      write(site, { 'index.html': 'home' }, at);
      expect(prune(site, 0n, new Set()).record.get('index.html')).toEqual({ size: 4, mtimeMs: at });
      // The working copy gets the site's file, with its time; once swapped in, that copy is the site.
      expect(mirror(site, copy, { trusted: prune(site, 0n, new Set()).record })).toEqual({ copied: 1, removed: 0 });
      const { record } = prune(copy, 0n, new Set());
      expect(record.get('index.html')).toEqual({ size: 4, mtimeMs: at });
      rmSync(site, { recursive: true });
      expect(mirror(copy, site, { trusted: record })).toEqual({ copied: 1, removed: 0 });
      expect(read(site)).toEqual({ 'index.html': 'home' });
    },
  );

  it('leaves the folders the build replaces whole to what writes them, however old their files', () => {
    write(site, { 'index.html': 'home', 'old.html': 'gone', 'pagefind/2024/entry.json': 'kept shard' }, 1_700_000_000_000);
    const since = startInstant(site);
    rmSync(join(site, WORKING_COPY_MARK));
    writeFileSync(join(site, 'index.html'), 'home again');
    expect(prune(site, since, new Set(), { replaced: ['pagefind'] }).removed).toBe(1);
    expect(read(site)).toEqual({ 'index.html': 'home again', 'pagefind/2024/entry.json': 'kept shard' });
  });

  it('keeps the record of a site as writeSiteRecord wrote it, for that folder only', () => {
    write(site, { 'index.html': 'home', 'a/b.html': 'b', 'pagefind/x': 'index' }, 1_700_000_000_000);
    const { record } = prune(site, 0n, new Set(), { replaced: ['pagefind'] });
    expect([...record.keys()].sort()).toEqual(['a/b.html', 'index.html']);
    writeSiteRecord(join(dir, 'record.json'), site, record);
    expect(readSiteRecord(join(dir, 'record.json'), site)).toEqual(record);
    expect(readSiteRecord(join(dir, 'record.json'), copy)).toBeUndefined();
    expect(readSiteRecord(join(dir, 'missing.json'), site)).toBeUndefined();
  });
});

describe('besideOutput', () => {
  const beside = besideOutput('/srv/site/dist');
  it('names the working copy, the lock and the folders put aside beside the output folder', () => {
    expect([beside.next, beside.lock, beside.aside(42)]).toEqual([
      '/srv/site/.dist.next',
      '/srv/site/.dist.lock',
      '/srv/site/.dist.previous-42',
    ]);
  });
  it.each([
    ['.dist.previous-42', 42],
    ['.dist.previous-', undefined],
    ['.dist.previous-4x', undefined],
    ['.dist.next', undefined],
    ['.other.previous-42', undefined],
  ])('reads the process id in %j as %j', (name, pid) => {
    expect(beside.asideOf(name)).toBe(pid);
  });
});

describe('prune', () => {
  it('keeps what the build wrote and the pages it reused where they were; removes the rest and empty folders', () => {
    write(copy, {
      'index.html': 'home',
      'articles/a/index.html': 'A',
      'articles/gone/index.html': 'gone',
      '_astro/old.css': 'x',
    });
    const since = startInstant(copy);
    expect(existsSync(join(copy, WORKING_COPY_MARK))).toBe(true);
    rmSync(join(copy, WORKING_COPY_MARK));
    write(copy, { 'index.html': 'new home', '_astro/new.css': 'y' });
    expect(prune(copy, since, new Set(['articles/a/index.html'])).removed).toBe(2);
    expect(read(copy)).toEqual({ '_astro/new.css': 'y', 'articles/a/index.html': 'A', 'index.html': 'new home' });
    expect(existsSync(join(copy, 'articles/gone'))).toBe(false);
  });

  it('startInstant is after every file written before it and not after any written since', () => {
    write(copy, { before: '' });
    const since = startInstant(copy);
    write(copy, { after: '' });
    expect(statSync(join(copy, 'before'), { bigint: true }).ctimeNs).toBeLessThan(since);
    expect(statSync(join(copy, 'after'), { bigint: true }).ctimeNs).toBeGreaterThanOrEqual(since);
  });
});
