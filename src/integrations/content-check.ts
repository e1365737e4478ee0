import type { AstroIntegration } from 'astro';
import { checkContent } from '../model/content-check.ts';
import { contentError } from '../model/problems.ts';

/**
 * Checks the whole content folder before a build and stops it with every problem listed, so an
 * editor fixes them all in one pass instead of one per build. `astro dev` is not stopped.
 */
export function contentCheck(dir: string): AstroIntegration {
  return {
    name: 'broadsheet:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const problems = await checkContent(dir);
        if (problems.length > 0) throw contentError(problems);
        logger.info(`content checked: ${dir}`);
      },
    },
  };
}
