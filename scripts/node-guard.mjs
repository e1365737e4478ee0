#!/usr/bin/env node
// Astro 7 and Vitest 5 need Node >= 22.12. The machines this project targets ship Node 20, so the
// `node` devDependency brings Node 22 and `npm run` puts it first on PATH. This guard turns the
// confusing crash you get on the wrong runtime into one sentence saying what to do.
import { pathToFileURL } from 'node:url';

const REQUIRED = [22, 12];

/** @returns {string | null} why the running Node is unsuitable, or null when it is fine */
export function nodeProblem(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  if (major > REQUIRED[0] || (major === REQUIRED[0] && minor >= REQUIRED[1])) return null;
  return (
    `Broadsheet needs Node.js >= ${REQUIRED.join('.')}, but this script runs on ${version}.\n` +
    'Run it through npm (`npm run <script>` or `npx <tool>`), which uses the Node 22 that `npm ci` ' +
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
