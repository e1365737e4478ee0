import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BodyStoreError, bodyFolder, bodyFolderInUse, bodyStore, readBody, storeBody, withBodiesRead } from '../../src/integrations/body-store';
import type { RenderedEntry } from '../../src/checks/rendered';
import { TMP } from '../support/paths';

const cache = join(TMP, 'body-store');
const folder = bodyFolder(cache);
afterAll(() => rmSync(cache, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
});

const advice = 'Build again: a build after a failed one renders every article afresh (as npm run build -- --force does)';

describe('storeBody and readBody', () => {
  it.each([
    ['a paragraph', '<p>NATO chief Jens Stoltenberg</p>'],
    ['an empty body', ''],
    ['text in many scripts', '<p>北约 · Ναυτικό · «cost» — 💬</p>'],
  ])('give back %s as stored', (_, html) => {
    expect(readBody(folder, storeBody(folder, html))).toBe(html);
  });

  it('names a body by the SHA-256 of its HTML, base64url: the same body once, another body apart', () => {
    // SHA-256 of "<p>a</p>", from `printf '<p>a</p>' | sha256sum`, in base64url.
    expect(storeBody(folder, '<p>a</p>')).toBe(Buffer.from('df5ddd75e1e0e3fee2eb4c4d7a160f2673560df8afb145ba651b43f100c0dc57', 'hex').toString('base64url'));
    expect(storeBody(folder, '<p>a</p>')).toBe(storeBody(folder, '<p>a</p>'));
    expect(storeBody(folder, '<p>b</p>')).not.toBe(storeBody(folder, '<p>a</p>'));
    expect(readdirSync(folder)).toHaveLength(2);
  });

  // Found by a breaker: an edited or emptied body file was published as it was, and rendering
  // again (--force) kept it, since a stored body was never written twice.
  it.each([
    ['edited', (file: string) => writeFileSync(file, '<p>HACKED</p>'), 'is not what was stored'],
    ['emptied', (file: string) => writeFileSync(file, ''), 'is not what was stored'],
    ['missing', (file: string) => rmSync(file), 'is missing'],
    ['a folder', (file: string) => (rmSync(file), mkdirSync(file)), 'cannot be read'],
  ])('refuses a body file %s, naming it, and removes it; rendering the body again repairs it', (_, spoil, why) => {
    const digest = storeBody(folder, '<p>kept</p>');
    const file = join(folder, `${digest}.html`);
    spoil(file);
    expect(() => readBody(folder, digest)).toThrow(`the rendered body ${digest} in ${folder} ${why}`);
    expect(() => readBody(folder, digest)).toThrow(`the rendered body ${digest} in ${folder} is missing, though the content store names it. ${advice}`);
    storeBody(folder, '<p>kept</p>');
    expect(readBody(folder, digest)).toBe('<p>kept</p>');
  });

  it('says the body store cannot be written, naming it, as a BodyStoreError, and leaves no partial file', () => {
    mkdirSync(folder, { recursive: true });
    mkdirSync(join(folder, `${Buffer.from('df5ddd75e1e0e3fee2eb4c4d7a160f2673560df8afb145ba651b43f100c0dc57', 'hex').toString('base64url')}.html`));
    writeFileSync(join(folder, 'inside'), '');
    expect(() => storeBody(folder, '<p>a</p>')).toThrow(BodyStoreError);
    expect(() => storeBody(folder, '<p>a</p>')).toThrow(`the body store ${folder} could not be written: `);
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });
});

/** An entry as the content layer keeps it once the renderer stored its body under `digest`. */
const entry = (id: string, digest: string | undefined): RenderedEntry => ({
  id,
  data: {} as RenderedEntry['data'],
  rendered: { html: '', metadata: { frontmatter: { broadsheet: digest === undefined ? { problems: [{ field: 'body', message: 'failed' }] } : { body: digest } } } },
});

type Hook = 'astro:config:setup' | 'astro:build:done';

/** The integration, its hooks run as Astro runs them for `command`, with the cache folder above and the project at `root`; each returns what it warned. */
function integration(command: 'build' | 'dev' = 'build', root = join(TMP, 'body-store', 'project')): (hook: Hook) => string[] {
  const store = bodyStore();
  return (hook) => {
    const warned: string[] = [];
    const logger = { warn: (text: string) => warned.push(text) };
    const config = { cacheDir: pathToFileURL(`${cache}/`), root: pathToFileURL(`${root}/`) };
    (store.hooks[hook] as NonNullable<AstroIntegration['hooks'][Hook]>)({ command, config, logger } as never);
    return warned;
  };
}

describe('the body store in a build', () => {
  it('reads each entry its body, keeps an entry that did not render as it is, and prunes what no entry uses', () => {
    const run = integration();
    run('astro:config:setup');
    const kept = storeBody(folder, '<p>kept</p>');
    const old = storeBody(folder, '<p>before the correction</p>');
    writeFileSync(join(folder, `${kept}.html.123-4.partial`), '<p>ke');
    mkdirSync(join(folder, 'stray'));
    const failed = entry('failed', undefined);
    const read = withBodiesRead([entry('kept', kept), failed]);
    expect(read.map((each) => each.rendered?.html)).toEqual(['<p>kept</p>', '']);
    expect(read[1]).toBe(failed);
    expect(run('astro:build:done')).toEqual([]);
    expect(readdirSync(folder)).toEqual([`${kept}.html`]);
    expect(existsSync(join(folder, `${old}.html`))).toBe(false);
  });

  it('stops, naming the body, when the content store names one the folder lost', () => {
    integration()('astro:config:setup');
    expect(() => withBodiesRead([entry('lost', 'abc')])).toThrow(`the rendered body abc in ${folder} is missing, though the content store names it. ${advice}`);
  });

  // Found by a newcomer: a cache folder that lost its body store stopped every build until --force.
  it('drops the content store of a cache that lost its body store, so every article is rendered again', () => {
    writeFileSync(join(cache, 'data-store.json'), '[]');
    expect(integration()('astro:config:setup')).toEqual([`the rendered bodies (${folder}) are gone: the content store is dropped, and every article is rendered again`]);
    expect(existsSync(join(cache, 'data-store.json'))).toBe(false);
  });

  it('keeps the content store while the body store is there', () => {
    writeFileSync(join(cache, 'data-store.json'), '[]');
    storeBody(folder, '<p>kept</p>');
    expect(integration()('astro:config:setup')).toEqual([]);
    expect(existsSync(join(cache, 'data-store.json'))).toBe(true);
  });

  // Found by a breaker: the dev server keeps its content store in the project's .astro/, and a
  // build's pruning removed the bodies it named, so every dev page failed.
  it("keeps the dev server's bodies beside its own content store, out of a build's reach", () => {
    const root = join(TMP, 'body-store', 'project');
    integration('dev', root)('astro:config:setup');
    const devFolder = bodyFolderInUse();
    expect(devFolder).toBe(join(root, '.astro', 'broadsheet-bodies'));
    const devBody = storeBody(devFolder, '<p>dev</p>');
    const run = integration('build', root);
    run('astro:config:setup');
    withBodiesRead([]);
    expect(bodyFolderInUse()).toBe(folder);
    run('astro:build:done');
    expect(readBody(devFolder, devBody)).toBe('<p>dev</p>');
  });
});
