import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../support/build';
import { ROOT } from '../support/paths';

const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs dependency-cruiser with the house rules over `targets`, from `cwd`; returns its violations. */
function violations(cwd: string, targets: string[]): Violation[] {
  const result = spawnSync(process.execPath, [CLI, ...targets, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (!result.stdout) throw new Error(`dependency-cruiser printed nothing:\n${result.stderr}`);
  return (JSON.parse(result.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const described = (list: Violation[]) => list.map(({ rule, from, to }) => `${rule.name}: ${from} → ${to}`);

describe('the house rules (.dependency-cruiser.cjs)', () => {
  it('hold for the whole repository', () => {
    expect(described(violations(ROOT, ['src', 'scripts', 'bench', 'astro.config.mjs']))).toEqual([]);
  }, 60_000);

  it('fail a tree that breaks them, naming each rule', () => {
    const found = described(violations(join(ROOT, 'tests/fixtures/boundaries'), ['src', 'scripts']));
    expect(found).toEqual(
      expect.arrayContaining([
        'model-is-pure: src/model/leaky.ts → fs',
        'model-is-pure: src/model/leaky.ts → src/markdown/plugin.ts',
        'model-is-pure: src/model/leaky.ts → src/feeds/serialise.ts',
        'schemas-are-rules: src/schemas/leaky.ts → src/feeds/serialise.ts',
        'markdown-knows-no-model: src/markdown/plugin.ts → src/model/leaky.ts',
        'tools-do-not-use-tests: scripts/tool.ts → tests/support/helper.ts',
        'no-circular: src/markdown/plugin.ts → src/model/leaky.ts',
        'astro-internals-behind-one-door: src/components/peek.ts → astro:data-layer-content',
      ]),
    );
  }, 60_000);
});

describe('settings', () => {
  it('are read from the environment in src/env.ts alone (in src/ and scripts/)', () => {
    const readers = ['src', 'scripts']
      .flatMap((dir) => listFiles(join(ROOT, dir)).map((file) => `${dir}/${file}`))
      .filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('process.env'));
    expect(readers).toEqual(['src/env.ts']);
  });
});
