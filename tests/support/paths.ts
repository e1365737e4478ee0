import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Scratch space for builds made by tests: inside the repo (astro cannot move output across file
 * systems), in a folder of the tests' own, so that removing it after a run (tests/e2e/global-setup.ts)
 * leaves whatever else a developer keeps in .tmp/.
 */
export const TMP = fileURLToPath(new URL('../../.tmp/tests/', import.meta.url));
