import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bodyFolder, bodyStore, readBody, storeBody, withBodiesRead } from '../../src/integrations/body-store';
import type { RenderedEntry } from '../../src/checks/rendered';
import { TMP } from '../support/paths';

const cache = join(TMP, 'body-store');
const folder = bodyFolder(cache);
afterAll(() => rmSync(cache, { recursive: true, force: true }));
beforeEach(() => {
  rmSync(cache, { recursive: true, force: true });
  mkdirSync(cache, { recursive: true });
});

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

  it('says which body is missing, from where, and how to start afresh', () => {
    expect(() => readBody(folder, 'gone')).toThrow(
      `the rendered body gone is missing from ${folder}, which the cache's content store still names. Build again: a build after a failed one renders every article afresh (as npm run build -- --force does)`,
    );
  });
});

/** An entry as the content layer keeps it once the renderer stored its body under `digest`. */
const entry = (id: string, digest: string | undefined): RenderedEntry => ({
  id,
  data: {} as RenderedEntry['data'],
  rendered: { html: '', metadata: { frontmatter: { broadsheet: digest === undefined ? { problems: [{ field: 'body', message: 'failed' }] } : { body: digest } } } },
});

/** Runs one of the integration's hooks as Astro would, with the cache folder above; returns what it warned. */
function run(hook: 'astro:config:setup' | 'astro:build:done'): string[] {
  const warned: string[] = [];
  const logger = { warn: (text: string) => warned.push(text) };
  (bodyStore(folder).hooks[hook] as NonNullable<AstroIntegration['hooks'][typeof hook]>)({ config: { cacheDir: pathToFileURL(`${cache}/`) }, logger } as never);
  return warned;
}

describe('the body store in a build', () => {
  it('reads each entry its body, keeps an entry that did not render as it is, and prunes what no entry uses', () => {
    run('astro:config:setup');
    const kept = storeBody(folder, '<p>kept</p>');
    const old = storeBody(folder, '<p>before the correction</p>');
    writeFileSync(join(folder, `${kept}.html.123-4.partial`), '<p>ke');
    const failed = entry('failed', undefined);
    const read = withBodiesRead([entry('kept', kept), failed]);
    expect(read.map((each) => each.rendered?.html)).toEqual(['<p>kept</p>', '']);
    expect(read[1]).toBe(failed);
    run('astro:build:done');
    expect(readdirSync(folder)).toEqual([`${kept}.html`]);
    expect(existsSync(join(folder, `${old}.html`))).toBe(false);
  });

  it('stops, naming the body, when the content store names one the folder lost', () => {
    run('astro:config:setup');
    expect(() => withBodiesRead([entry('lost', 'abc')])).toThrow(
      `the rendered body abc is missing from ${folder}, which the cache's content store still names. Build again: a build after a failed one renders every article afresh (as npm run build -- --force does)`,
    );
  });

  // Astro's content store names bodies by digest: without the store's folder, every one is gone.
  it('drops the content store of a cache that lost its body store, so every article is rendered again', () => {
    writeFileSync(join(cache, 'data-store.json'), '[]');
    expect(run('astro:config:setup')).toEqual([`the rendered bodies (${folder}) are gone: the content store is dropped, and every article is rendered again`]);
    expect(existsSync(join(cache, 'data-store.json'))).toBe(false);
  });

  it('keeps the content store while the body store is there', () => {
    writeFileSync(join(cache, 'data-store.json'), '[]');
    storeBody(folder, '<p>kept</p>');
    expect(run('astro:config:setup')).toEqual([]);
    expect(existsSync(join(cache, 'data-store.json'))).toBe(true);
  });
});
