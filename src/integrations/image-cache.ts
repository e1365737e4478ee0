import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { IMAGE_CACHE_IN_CACHE } from '../astro-internals.ts';

/** Broadsheet's image service (src/integrations/picture-service.ts), as astro.config.mjs names it: relative to the project. */
export const PICTURE_SERVICE = './src/integrations/picture-service.ts';

/**
 * What the copies in Astro's image cache depend on besides what Astro keys each one by (its
 * source, size, format and quality): the image service and its encoder settings, the service's
 * own code (`serviceCode`, its file's text) and the installed sharp, which does the encoding.
 * SHA-256, base64url.
 */
export function imageSettingsDigest(service: unknown, sharpVersion: string, serviceCode = ''): string {
  return createHash('sha256').update(JSON.stringify({ service, sharpVersion, serviceCode })).digest('base64url');
}

/**
 * Keeps Astro's image cache under the image settings it was made with (`imageSettingsDigest`),
 * and empties it when they change: a new AVIF effort, or an updated sharp, never leaves copies
 * made the old way. The copies are kept across `--force` and code changes otherwise: a copy
 * depends only on its picture and these settings, and making them again costs about a second per
 * photo (docs/benchmarks.md).
 */
export function imageCache(): AstroIntegration {
  return {
    name: 'broadsheet:image-cache',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        // sharp exports no package.json: read it beside its entry point.
        const entry = createRequire(import.meta.url).resolve('sharp');
        const sharp = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
        const service = config.image.service;
        const code = 'entrypoint' in service && service.entrypoint === PICTURE_SERVICE ? readFileSync(new URL(PICTURE_SERVICE, config.root), 'utf8') : '';
        const digest = imageSettingsDigest(service, sharp, code);
        const record = fileURLToPath(new URL('broadsheet-image-settings.txt', config.cacheDir));
        let last: string | undefined;
        try {
          last = readFileSync(record, 'utf8');
        } catch {
          last = undefined;
        }
        if (last === digest) return;
        if (last !== undefined) logger.info('the image settings changed: picture copies are made afresh');
        rmSync(new URL(IMAGE_CACHE_IN_CACHE, config.cacheDir), { recursive: true, force: true });
        mkdirSync(new URL('./', config.cacheDir), { recursive: true });
        writeFileSync(record, digest);
      },
    },
  };
}
