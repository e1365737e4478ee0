import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { bodyFolder, bodyStore, readBody, storeBody, withBodiesRead } from '../../src/integrations/body-store';
import type { RenderedEntry } from '../../src/checks/rendered';
import { TMP } from '../support/paths';

const folder = bodyFolder(join(TMP, 'body-store'));
afterAll(() => rmSync(join(TMP, 'body-store'), { recursive: true, force: true }));
beforeEach(() => rmSync(folder, { recursive: true, force: true }));

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
    expect(() => readBody(folder, 'gone')).toThrow(`the rendered body gone is missing from ${folder}, which the cache's content store still names. Build again from nothing: npm run build -- --force`);
  });
});

/** An entry as the content layer keeps it once the renderer stored its body under `digest`. */
const entry = (id: string, digest: string | undefined): RenderedEntry => ({
  id,
  data: {} as RenderedEntry['data'],
  rendered: { html: '', metadata: { frontmatter: { broadsheet: digest === undefined ? { problems: [{ field: 'body', message: 'failed' }] } : { body: digest } } } },
});

/** Runs one of the integration's hooks as Astro would. */
function run(hook: 'astro:config:setup' | 'astro:build:done'): void {
  (bodyStore(folder).hooks[hook] as NonNullable<AstroIntegration['hooks'][typeof hook]>)({} as never);
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
    expect(() => withBodiesRead([entry('lost', 'abc')])).toThrow('the rendered body abc is missing');
  });
});
