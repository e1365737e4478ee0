import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeProblem, REQUIRED } from '../../scripts/node-guard.mjs';
import { ROOT } from '../support/paths';

describe('nodeProblem', () => {
  it.each(['22.23.4', '22.24.0', '23.0.0', '24.21.0', '26.1.0'])('accepts Node %s', (version) => {
    expect(nodeProblem(version)).toBeNull();
  });

  it.each(['20.20.2', '22.12.0', '22.23.3', '18.0.0'])('explains why Node %s will not do', (version) => {
    expect(nodeProblem(version)).toMatch(new RegExp(`needs Node.js >= 22\\.23\\.4, but this script runs on ${version.replace(/\./g, '\\.')}`));
    expect(nodeProblem(version)).toContain('allowScripts');
  });

  it("is package.json's engines.node, the requirement Astro states", () => {
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(engines.node).toBe(`>=${REQUIRED.join('.')}`);
    const astro = JSON.parse(readFileSync(join(ROOT, 'node_modules/astro/package.json'), 'utf8')) as { engines: { node: string } };
    expect(astro.engines.node).toBe(engines.node);
  });
});
