const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

// Astro's public virtual modules: those it declares types for (astro/client.d.ts, astro/types/).
// Any other `astro:` or `virtual:astro:` module is private to Astro.
const astroTypes = join(__dirname, 'node_modules/astro');
const publicAstroModules = ['client.d.ts', ...readdirSync(join(astroTypes, 'types')).filter((name) => name.endsWith('.d.ts')).map((name) => `types/${name}`)]
  .flatMap((file) => [...readFileSync(join(astroTypes, file), 'utf8').matchAll(/declare module '(astro:[^']+)'/g)].map((match) => match[1]));

/**
 * The house's rooms and which may import which (docs/architecture.md). Checked in `npm test` by
 * tests/unit/boundaries.test.ts; a violation fails naming the rule.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'model-is-pure',
      comment:
        'src/model/ turns checked data into what pages show: it imports nothing from markdown/, integrations/, feeds/, checks/, components/, layouts/ or pages/ (content-check wording lives in checks/), and no Markdown runtime or file system. It may name the schemas\' output types (src/schemas/).',
      severity: 'error',
      from: { path: '^src/model/' },
      to: {
        path: [
          '^src/(markdown|integrations|feeds|checks|components|layouts|pages)/',
          '^src/catalogue\\.ts$',
          '(^|/)node_modules/(unified|remark-[^/]+|rehype[^/]*|mdast-util-[^/]+|hast-util-[^/]+|@astrojs/markdown-remark)/',
          '^(node:)?fs(/promises)?$',
        ],
      },
    },
    {
      name: 'schemas-are-rules',
      comment:
        'src/schemas/ declares what content may hold and words what it refuses: it builds on model/ (dates, sections, tags) and checks/ (shared wording), and imports nothing from markdown/, integrations/, feeds/, components/, layouts/ or pages/, nor the file system.',
      severity: 'error',
      from: { path: '^src/schemas/' },
      to: {
        path: ['^src/(markdown|integrations|feeds|components|layouts|pages)/', '^src/catalogue\\.ts$', '^(node:)?fs(/promises)?$'],
      },
    },
    {
      name: 'markdown-knows-no-model',
      comment: 'src/markdown/ holds plugins only: options in, typed data out. It imports nothing from model/ (the base path and URL rules come in as options).',
      severity: 'error',
      from: { path: '^src/markdown/' },
      to: { path: '^src/(model|integrations|feeds|checks|components|layouts|pages)/|^src/catalogue\\.ts$' },
    },
    {
      name: 'tools-do-not-use-tests',
      comment: 'scripts/ and bench/ import nothing from tests/: shared helpers live in scripts/lib/.',
      severity: 'error',
      from: { path: '^(scripts|bench)/' },
      to: { path: '^tests/' },
    },
    {
      name: 'astro-internals-behind-one-door',
      comment:
        "Only src/astro-internals.ts uses Astro's private modules (an astro: module Astro declares no types for): each use there names the Astro source it relies on, checked against the installed Astro by tests/unit/astro-internals.test.ts.",
      severity: 'error',
      from: { pathNot: '^src/astro-internals\\.ts$' },
      to: { path: '^(virtual:)?astro:', pathNot: `^(${[...new Set(publicAstroModules)].join('|')})$` },
    },
    {
      name: 'no-circular',
      comment: 'No module reaches itself through its imports.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|\\.tmp|\\.astro)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.mjs', '.js', '.astro', '.d.ts'] },
    tsPreCompilationDeps: true,
  },
};
