/**
 * `npm run preview` (and so `npm start`): serves the built site as a static host does, so what it
 * shows is what readers get: the `_headers` file the build wrote (the feeds' content types in
 * UTF-8, the CSP), the site's own 404 page with status 404, and the folder under the base path
 * it was built for (`/news` redirects to `/news/`).
 *
 *   npm run preview                    → dist/ on http://127.0.0.1:4321/ (or …/news/)
 *   npm run preview -- --port 4400     → another port
 *   BUILD_OUT=some/dir npm run preview → some/dir/, as `npm run build` wrote it
 *
 * Not `astro preview`: its server sends Vite's content types (`text/xml` with no charset for
 * feeds, which feed readers take as US-ASCII), and Astro's own page for an address outside the
 * base path; a static build's preview cannot be given other headers per file or another 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildOut, cacheFolder, deploySettings, LOCAL_SERVER, orStop, SettingError } from '../src/env.ts';
import { builtWith } from '../src/integrations/built-settings.ts';
import { serveStatic } from './lib/server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = orStop(() => {
  const port = Number(values.port ?? LOCAL_SERVER.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new SettingError(`--port: expected a port number like ${LOCAL_SERVER.port}, found "${values.port}"`);
  return port;
});
const out = buildOut(root);
if (!existsSync(join(out, 'index.html'))) {
  console.error(`\n${out} holds no built site. Build it first: npm run build (or npm start, which builds and previews).\n`);
  process.exit(1);
}

// Settings travel with the build: the base path it was built for, whatever BASE_PATH says now.
const built = builtWith(orStop(() => cacheFolder(root)), out);
const { base } = built ?? orStop(() => deploySettings());
if (!built) console.warn(`No record of how ${out} was built (build it with \`npm run build\`): serving it under BASE_PATH=${base}`);

try {
  const server = await serveStatic(out, { mount: base, port });
  console.log(`Serving ${out} as a static host would, at ${server.origin}${base} (Ctrl+C stops it)`);
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
  console.error(`\nPort ${port} is taken (another preview, or \`npm run dev\`?). Stop it, or choose another: npm run preview -- --port ${port + 1}\n`);
  process.exit(1);
}
