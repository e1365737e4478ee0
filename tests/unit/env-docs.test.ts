import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Heading, RootContent, Table } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../support/markdown';
import { ROOT } from '../support/paths';

/**
 * Environment variables are documented once, in the table under "Environment variables" in
 * docs/deploy.md (src/env.ts's header points there). This test holds the table and the code to
 * each other: every variable the code reads is a row, and every row is read somewhere.
 */

const DOC = 'docs/deploy.md';
const HEADING = 'Environment variables';
/** Where the repository's own code lives: the site, its build and npm scripts, and the benchmarks. */
const CODE = ['src', 'scripts', 'bench', 'astro.config.mjs'];
const SOURCE = /\.(?:[cm]?[jt]s|astro)$/;
const NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * The variable names in the first table after the `## Environment variables` heading of a
 * Markdown document: the first cell of each body row, which must be one code span holding an
 * upper-case name. Throws naming the problem when the heading, the table or a well-formed row is
 * missing, so a reshaped document fails loudly instead of documenting nothing.
 */
function documentedVariables(markdown: string): string[] {
  const nodes = parseMarkdown(markdown).children;
  const start = nodes.findIndex((node) => node.type === 'heading' && node.depth === 2 && textOf(node) === HEADING);
  if (start < 0) throw new Error(`no "## ${HEADING}" heading`);
  const section = nodes.slice(start + 1);
  const end = section.findIndex((node): node is Heading => node.type === 'heading' && node.depth <= 2);
  const table = section.slice(0, end < 0 ? undefined : end).find((node: RootContent): node is Table => node.type === 'table');
  if (!table) throw new Error(`no table under "## ${HEADING}"`);
  const [header, ...rows] = table.children;
  if (textOf(header!.children[0]!) !== 'variable') throw new Error(`the table's first column is "${textOf(header!.children[0]!)}", expected "variable"`);
  return rows.map((row, index) => {
    const cell = row.children[0]!.children;
    const code = cell.length === 1 && cell[0]!.type === 'inlineCode' ? cell[0]!.value : undefined;
    if (!code || !NAME.test(code)) throw new Error(`row ${index + 1}: expected a variable name in code, found "${textOf(row.children[0]!)}"`);
    return code;
  });
}

/** One use of an environment variable in source code. */
interface EnvironmentRead {
  /** The variable's name, or undefined when the code computes it (`process.env[name]`). */
  name: string | undefined;
  /** 1-based line in the file. */
  line: number;
}

/**
 * Every environment variable a TypeScript or JavaScript source reads: `process.env.X`,
 * `process.env['X']`, `const { X } = process.env`, and the same on an environment object passed
 * around, which src/env.ts names `env` or types `Environment` (`env['X']`). Assignments to such an
 * object count too (scripts/build.mjs sets SITE_URL for the build it starts): they name a
 * variable the code relies on. `import.meta.env` is Vite's, not the environment, and is left out.
 */
function environmentReads(source: string, fileName = 'source.ts'): EnvironmentRead[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const typed = new Set<string>(['env']);
  const reads: EnvironmentRead[] = [];
  const lineOf = (node: ts.Node) => file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  const isEnvironment = (node: ts.Expression): boolean =>
    (ts.isPropertyAccessExpression(node) && node.name.text === 'env' && ts.isIdentifier(node.expression) && node.expression.text === 'process') ||
    (ts.isIdentifier(node) && typed.has(node.text));

  // First pass: names declared as an Environment (parameters and variables), wherever they are.
  const collect = (node: ts.Node): void => {
    if ((ts.isParameter(node) || ts.isVariableDeclaration(node)) && ts.isIdentifier(node.name) && node.type && ts.isTypeReferenceNode(node.type)) {
      if (ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'Environment') typed.add(node.name.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(file);

  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && isEnvironment(node.expression)) {
      reads.push({ name: node.name.text, line: lineOf(node) });
    } else if (ts.isElementAccessExpression(node) && isEnvironment(node.expression)) {
      const key = node.argumentExpression;
      reads.push({ name: ts.isStringLiteralLike(key) ? key.text : undefined, line: lineOf(node) });
    } else if (ts.isVariableDeclaration(node) && ts.isObjectBindingPattern(node.name) && node.initializer && isEnvironment(node.initializer)) {
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        reads.push({ name: ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : undefined, line: lineOf(element) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return reads;
}

/** The code of an Astro component: its front matter and its `<script>` elements, in order. */
function astroCode(text: string): string {
  const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
  return [frontMatter, ...scripts].join('\n');
}

/** Every source file of the repository's own code, as paths relative to the root. */
function sourceFiles(): string[] {
  return CODE.flatMap((entry) => {
    const path = join(ROOT, entry);
    if (SOURCE.test(entry)) return [entry];
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((file) => file.isFile() && SOURCE.test(file.name) && !/(^|\/)(node_modules|\.astro)\//.test(relative(ROOT, file.parentPath) + '/'))
      .map((file) => relative(ROOT, join(file.parentPath, file.name)));
  }).sort();
}

/** Every variable read anywhere in the repository's code, as name → where (`file:line`). */
function readsInCode(): { names: Map<string, string[]>; computed: string[] } {
  const names = new Map<string, string[]>();
  const computed: string[] = [];
  for (const path of sourceFiles()) {
    const text = readFileSync(join(ROOT, path), 'utf8');
    const code = path.endsWith('.astro') ? astroCode(text) : text;
    // Line numbers in .astro files count from the front matter's first line: enough to find it.
    for (const { name, line } of environmentReads(code, path.replace(/\.astro$/, '.ts'))) {
      if (name === undefined) computed.push(`${path}:${line}`);
      else names.set(name, [...(names.get(name) ?? []), `${path}:${line}`]);
    }
  }
  return { names, computed };
}

describe('environmentReads', () => {
  it.each([
    ['process.env.SITE_URL', ['SITE_URL']],
    ["process.env['BENCH_SIZES'] ?? '100'", ['BENCH_SIZES']],
    ['process.env["CACHE_DIR"]', ['CACHE_DIR']],
    ['process.env[`BUILD_OUT`]', ['BUILD_OUT']],
    ['const { TZ, LANG: language } = process.env;', ['TZ', 'LANG']],
    ["function f(env = process.env) { return env['BASE_PATH']; }", ['BASE_PATH']],
    ["function f(settings: Environment) { return settings['AUTHORS_DIR'] || settings.SHOW_DRAFTS; }", ['AUTHORS_DIR', 'SHOW_DRAFTS']],
    ['const env = inheritedEnvironment(); env.SITE_URL = origin;', ['SITE_URL']],
    ['process.env[name]', [undefined]],
    ["env[key + '_DIR']", [undefined]],
    // Not reads of the environment: Vite's build-time constants, spreading it whole, setting a
    // child's variables in an object literal, and other objects' properties.
    ['import.meta.env.BASE_URL', []],
    ["spawn(cmd, { env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } })", []],
    ["const options = { CONTENT_DIR: corpus }; options['CONTENT_DIR'];", []],
    ["const settings = { a: 1 }; settings['a'];", []],
  ])('%s → %j', (source, names) => {
    expect(environmentReads(source).map(({ name }) => name)).toEqual(names);
  });

  it('gives the line of each read', () => {
    expect(environmentReads("const a = 1;\n\nconst b = process.env['X'];\n")).toEqual([{ name: 'X', line: 3 }]);
  });
});

describe('documentedVariables', () => {
  const doc = (body: string) => `# Deploying\n\n| variable | x |\n| --- | --- |\n| \`NOT_HERE\` | a table elsewhere |\n\n## ${HEADING}\n\n${body}\n\n## Next\n\n| variable | x |\n| --- | --- |\n| \`NOR_HERE\` | y |\n`;

  it.each([
    ['one row', '| variable | default |\n| --- | --- |\n| `SITE_URL` | x |', ['SITE_URL']],
    ['rows after prose', 'Every variable.\n\n| variable | default |\n| --- | --- |\n| `A_B` | x |\n| `C2` | y |', ['A_B', 'C2']],
  ])('reads %s of the table under the heading, and no other table', (_, body, names) => {
    expect(documentedVariables(doc(body))).toEqual(names);
  });

  it.each([
    ['no heading', '# Deploying\n\n| variable |\n| --- |\n| `A` |\n', 'no "## Environment variables" heading'],
    ['no table in the section', doc('Prose only.'), 'no table under "## Environment variables"'],
    ['another first column', doc('| name | default |\n| --- | --- |\n| `A` | x |'), 'the table\'s first column is "name", expected "variable"'],
    ['a name not in code', doc('| variable | default |\n| --- | --- |\n| SITE_URL | x |'), 'row 1: expected a variable name in code, found "SITE_URL"'],
    ['a name that is not one', doc('| variable | default |\n| --- | --- |\n| `site url` | x |'), 'row 1: expected a variable name in code, found "site url"'],
  ])('refuses %s', (_, markdown, message) => {
    expect(() => documentedVariables(markdown)).toThrow(message);
  });
});

describe(`the environment table in ${DOC}`, () => {
  const documented = documentedVariables(readFileSync(join(ROOT, DOC), 'utf8'));
  const { names, computed } = readsInCode();

  it('finds the reads it must (src/env.ts, scripts/, bench/)', () => {
    // A floor, so a scanner that silently finds nothing cannot pass the comparisons below.
    expect([...names.keys()]).toEqual(expect.arrayContaining(['SITE_URL', 'CHROMIUM_PATH', 'BENCH_SIZES']));
    expect(names.get('CHROMIUM_PATH')).toEqual(expect.arrayContaining([expect.stringMatching(/^src\/env\.ts:\d+$/)]));
  });

  it('lists each variable once', () => {
    expect(documented.filter((name, index) => documented.indexOf(name) !== index)).toEqual([]);
  });

  it('lists every variable the code reads', () => {
    const missing = [...names].filter(([name]) => !documented.includes(name)).map(([name, where]) => `${name} (read at ${where.join(', ')})`);
    expect(missing, `add a row to the table under "## ${HEADING}" in ${DOC}`).toEqual([]);
  });

  it('lists no variable the code does not read', () => {
    expect(
      documented.filter((name) => !names.has(name)),
      `remove the row from ${DOC}, or read the variable in src/env.ts`,
    ).toEqual([]);
  });

  it('can tell every name the code reads (no computed names)', () => {
    expect(computed).toEqual([]);
  });
});
