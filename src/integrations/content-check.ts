import type { AstroIntegration } from 'astro';
import { checkContent, formatProblems } from '../model/content-check.ts';

/** An error about content, not code: Astro shows its message and no stack trace. */
export function contentError(message: string): Error {
  const error = new Error(message);
  error.name = 'ContentError';
  error.stack = '';
  return error;
}

/**
 * Checks the whole content folder before a build and stops it with every problem listed, so an
 * editor fixes them all in one pass instead of one per build. `astro dev` only warns.
 */
export function contentCheck(dir: string): AstroIntegration {
  return {
    name: 'broadsheet:content-check',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        if (command !== 'build') return;
        const problems = await checkContent(dir);
        if (problems.length > 0) throw contentError(`The build stopped: fix the content first.\n${formatProblems(problems)}`);
        logger.info(`content checked: ${dir}`);
      },
    },
  };
}
