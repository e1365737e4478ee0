/**
 * The article page's weight as a reader's browser gets it: HTML plus the CSS it needs to render,
 * raw and gzip, against the 14 KB budget (one TCP initial window), and the JavaScript it loads.
 *
 *   npm run size    (builds first)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET = 14 * 1024;
const page = process.argv[2] ?? 'articles/nato-chief-west-should-impose-a-cost-on-china/index.html';

const html = readFileSync(`${dist}${page}`);
const base = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(html.toString())?.[1] ?? '/';
const local = (href: string) => readFileSync(`${dist}${href.slice(base.length)}`);
const css = [...html.toString().matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => local(m[1]!));
const js = [...html.toString().matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => local(m[1]!));

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const sum = (files: Buffer[], size: (b: Buffer) => number) => files.reduce((total, file) => total + size(file), 0);
const rows: [string, number, number][] = [
  ['HTML', html.length, gz(html)],
  [`CSS (${css.length} file)`, sum(css, (b) => b.length), sum(css, gz)],
  [`JavaScript (${js.length} file, optional: the page reads without it)`, sum(js, (b) => b.length), sum(js, gz)],
];
const critical = gz(html) + sum(css, gz);

console.log(`Page weight of /${page.replace(/index\.html$/, '')}`);
for (const [name, raw, gzip] of rows) console.log(`${name.padEnd(62)} ${String(raw).padStart(7)} B raw ${String(gzip).padStart(7)} B gzip`);
console.log(`${'HTML + CSS needed to render'.padEnd(62)} ${' '.repeat(15)} ${String(critical).padStart(7)} B gzip  (budget ${BUDGET} B: ${critical <= BUDGET ? 'within' : 'OVER'})`);
