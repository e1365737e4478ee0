/**
 * The type check (`astro check`: TypeScript and Astro diagnostics over src/, tests/, scripts/),
 * run beside the other tests rather than before them. `--noSync`: the types Astro generates into
 * .astro/ were written by the seed build (tests/e2e/global-setup.ts), and a sync here would
 * rewrite the content lists in .astro/ that a test build running at the same time is bundling
 * (the content sync lock, src/integrations/cache-lock.ts, holds builds only).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cleanEnv } from '../support/build';
import { ROOT } from '../support/paths';

describe('the code', () => {
  it('type-checks with no error, warning or hint (astro check)', () => {
    const check = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'check', '--noSync'], {
      cwd: ROOT,
      env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
    });
    const output = stripVTControlCharacters(`${check.stdout}\n${check.stderr}`);
    const result = /Result \((\d+) files\):\s*\n- (\d+) errors?\n- (\d+) warnings?\n- (\d+) hints?/.exec(output);
    expect(result, output).not.toBeNull();
    expect(Number(result![1]), 'files checked').toBeGreaterThan(100);
    expect({ errors: Number(result![2]), warnings: Number(result![3]), hints: Number(result![4]), status: check.status }, output).toEqual({ errors: 0, warnings: 0, hints: 0, status: 0 });
  });
});
