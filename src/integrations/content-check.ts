import type { AstroIntegration } from 'astro';
import { jsonCheckCache } from '../checks/cache.ts';
import { checkContent } from '../checks/content.ts';
import { contentError } from '../checks/problems.ts';
import { codeDigest, startsAfresh } from './code-digest.ts';

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Checks the whole content folder before a build and stops it with every problem listed, so an
 * editor fixes them all in one pass instead of one per build. `astro dev` is not stopped. Each
 * file's result is kept in Astro's cache folder, so a rebuild only rechecks files that changed
 * (`astro build --force` or deleting the folder starts afresh).
 */
export function contentCheck(
  dir: string,
  { authors, pages, updates }: { authors?: string | undefined; pages?: string | undefined; updates?: string | undefined } = {},
): AstroIntegration {
  return {
    name: 'broadsheet:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build') return;
        // Verdicts are kept for the code that reached them; `--force` ignores them, as it does Astro's caches.
        const cache = await jsonCheckCache(new URL('broadsheet-content-check.json', config.cacheDir), codeDigest(config.root), { fresh: startsAfresh() });
        const started = performance.now();
        const problems = await checkContent(dir, { cache, bodies: 'when-pictures', authors, pages, updates });
        await cache.save();
        if (problems.length > 0) {
          // Thrown, the list would be printed under Astro's "An unhandled error occurred while
          // running the astro:config:setup hook", which reads like a crash in Broadsheet. Nothing
          // has been built or written yet, so the build can simply stop here.
          console.error(contentError(problems).message);
          process.exit(1);
        }
        logger.info(`content checked in ${seconds(started)}: ${dir}`);
      },
    },
  };
}
