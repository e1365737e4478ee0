import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterAll, describe, expect, it } from 'vitest';
import { IMAGE_CACHE_IN_CACHE } from '../../src/astro-internals';
import { imageCache, imageSettingsDigest } from '../../src/integrations/image-cache';
import { TMP } from '../support/paths';

const cacheDir = join(TMP, 'image-cache');
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Runs the integration's hook as Astro would, with `service` as the configured image service. */
function configure(service: unknown): string[] {
  const said: string[] = [];
  const hook = imageCache().hooks['astro:config:done'] as NonNullable<AstroIntegration['hooks']['astro:config:done']>;
  hook({ config: { cacheDir: pathToFileURL(`${cacheDir}/`), image: { service } }, logger: { info: (text: string) => said.push(text) } } as never);
  return said;
}
const copy = join(cacheDir, IMAGE_CACHE_IN_CACHE, 'photo_abc.avif');
const putCopy = () => (mkdirSync(join(cacheDir, IMAGE_CACHE_IN_CACHE), { recursive: true }), writeFileSync(copy, 'bytes'));

describe('imageSettingsDigest', () => {
  const sharp = { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 3 } } };
  it.each([
    ['another AVIF effort', { ...sharp, config: { avif: { effort: 4 } } }, '0.35.5'],
    ['another service', { entrypoint: 'astro/assets/services/noop', config: {} }, '0.35.5'],
    ['another sharp', sharp, '0.36.0'],
  ])('changes with %s', (_what, service, version) => {
    expect(imageSettingsDigest(service, version)).not.toBe(imageSettingsDigest(sharp, '0.35.5'));
  });
  it('is the same for the same settings', () => {
    expect(imageSettingsDigest(structuredClone(sharp), '0.35.5')).toBe(imageSettingsDigest(sharp, '0.35.5'));
  });
});

describe('imageCache', () => {
  const service = { entrypoint: 'astro/assets/services/sharp', config: { avif: { effort: 3 } } };
  it('keeps the copies while the settings hold, and drops them when they change', () => {
    rmSync(cacheDir, { recursive: true, force: true });
    putCopy();
    // No record yet: copies of unknown settings are not trusted.
    expect(configure(service)).toEqual([]);
    expect(existsSync(copy)).toBe(false);
    putCopy();
    expect(configure(structuredClone(service))).toEqual([]);
    expect(readFileSync(copy, 'utf8')).toBe('bytes');
    expect(configure({ ...service, config: { avif: { effort: 4 } } })).toEqual(['the image settings changed: picture copies are made afresh']);
    expect(existsSync(copy)).toBe(false);
  });
});
