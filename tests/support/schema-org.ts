import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './paths';

/**
 * What schema.org says is wrong with JSON-LD nodes, checked by the TypeScript compiler against
 * schema-dts (schema.org's vocabulary as types, the typing the builders in src/model/ are written
 * with): each node is assigned, as a literal, to the type its `@type` names (the last of a list:
 * the most specific), so a property the type does not have, a value of a type the property does
 * not take, or a type schema.org does not define is a compiler error. Returns one line per error,
 * naming the node (its index) and the compiler's message; [] when every node is valid.
 */
export function schemaOrgProblems(nodes: readonly Record<string, unknown>[]): string[] {
  const file = join(ROOT, 'tests/.schema-org-check.ts');
  const source = [
    "import type * as S from 'schema-dts';",
    ...nodes.map((node, index) => {
      const types = [node['@type']].flat();
      const type = String(types.at(-1));
      // One type per node: schema-dts types one; a list's last is its most specific.
      const literal = JSON.stringify({ ...node, '@type': type }, null, 1);
      return /^[A-Za-z]+$/.test(type) ? `export const node${index}: S.WithContext<S.${type}> = ${literal};` : `export const node${index}: never = 'unnamed type ${JSON.stringify(type)}';`;
    }),
  ].join('\n');
  const options: ts.CompilerOptions = { strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, types: [] };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError, create) => (name === file ? ts.createSourceFile(name, source, language) : read(name, language, onError, create));
  host.fileExists = ((exists) => (name: string) => name === file || exists(name))(host.fileExists.bind(host));
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const line = where ? source.split('\n')[where.line] ?? '' : '';
    const node = /^export const node(\d+)/.exec(source.split('\n').slice(0, (where?.line ?? 0) + 1).reverse().find((text) => text.startsWith('export const node')) ?? '')?.[1];
    return `node ${node ?? '?'}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}${line ? ` (at ${line.trim().slice(0, 80)})` : ''}`;
  });
}
