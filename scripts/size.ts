/**
 * The article page's weight as a reader's browser gets it: HTML plus the CSS it needs to render,
 * raw and gzip, against the 14 KB budget (one TCP initial window), and the JavaScript it loads;
 * then the live story's script (src/client/live.ts), which only live stories load, against its 2 KB.
 *
 *   npm run size    (builds first)
 */
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { componentScriptFile } from '../src/astro-internals.ts';
import { deploySettings } from '../src/env.ts';
import { routes } from '../src/model/urls.ts';
import { gzipBytes, pageFiles } from './lib/page-weight.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET = 14 * 1024;
/** The live story's script, gzipped (issue 24): a few hundred bytes of logic, never a framework. */
const LIVE_BUDGET = 2 * 1024;
const page = process.argv[2] ?? `${routes.article('nato-chief-west-should-impose-a-cost-on-china').slice(1)}index.html`;

const { html, css, js } = pageFiles(dist, page, deploySettings().base);
const sum = (files: Buffer[], size: (b: Buffer) => number) => files.reduce((total, file) => total + size(file), 0);
const raw = (file: Buffer) => file.length;
const rows: [string, number, number][] = [
  ['HTML', html.length, gzipBytes(html)],
  [`CSS (${css.length} file)`, sum(css, raw), sum(css, gzipBytes)],
  [`JavaScript (${js.length} file, optional: the page reads without it)`, sum(js, raw), sum(js, gzipBytes)],
];
const critical = gzipBytes(html) + sum(css, gzipBytes);

console.log(`Page weight of /${page.replace(/index\.html$/, '')}`);
for (const [name, bytes, gzip] of rows) console.log(`${name.padEnd(62)} ${String(bytes).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip`);
console.log(`${'HTML + CSS needed to render'.padEnd(62)} ${' '.repeat(15)} ${String(critical).padStart(7)} B gzip  (budget ${BUDGET} B: ${critical <= BUDGET ? 'within' : 'OVER'})`);

const live = componentScriptFile(dist, 'LiveScript');
if (!live) {
  console.error("The live story's script (LiveScript.astro) was not built: nothing to measure.");
  process.exit(1);
}
const liveScript = readFileSync(live);
console.log(`${"Live story's script (LiveScript.astro, live stories only)".padEnd(62)} ${String(liveScript.length).padStart(7)} B raw ${String(gzipBytes(liveScript)).padStart(7)} B gzip  (budget ${LIVE_BUDGET} B: ${gzipBytes(liveScript) <= LIVE_BUDGET ? 'within' : 'OVER'})`);
