import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Scratch space for builds made by tests: inside the repo (astro cannot move output across file systems). */
export const TMP = fileURLToPath(new URL('../../.tmp/', import.meta.url));
