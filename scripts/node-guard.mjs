#!/usr/bin/env node
// Astro 7.4 needs Node >= 22.23.4 (its package.json `engines`), and the `node` package's 22 line
// stops at 22.23.3. The machines this project targets ship Node 20, so the `node` devDependency
// brings Node 24 and `npm run` puts it first on PATH. This guard turns the
// confusing crash you get on the wrong runtime into one sentence saying what to do.
import { pathToFileURL } from 'node:url';

/** The oldest Node Broadsheet runs on, as [major, minor, patch]: package.json `engines.node` says the same (a test holds them equal). */
export const REQUIRED = [22, 23, 4];

/** @returns {string | null} why the running Node is unsuitable, or null when it is fine */
export function nodeProblem(version = process.versions.node) {
  const parts = version.split('.').map(Number);
  const order = REQUIRED.map((required, i) => Math.sign((parts[i] ?? 0) - required)).find((sign) => sign !== 0) ?? 0;
  if (order >= 0) return null;
  return (
    `Broadsheet needs Node.js >= ${REQUIRED.join('.')}, but this script runs on ${version}.\n` +
    'Run it through npm (`npm run <script>` or `npx <tool>`), which uses the Node 24 that `npm ci` ' +
    'installs from the `node` devDependency. If that is missing, check that package.json still has ' +
    '"allowScripts": {"node": true} and run `npm ci` again.'
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const problem = nodeProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
