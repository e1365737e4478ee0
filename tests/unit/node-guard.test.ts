import { describe, expect, it } from 'vitest';
import { nodeProblem } from '../../scripts/node-guard.mjs';

describe('nodeProblem', () => {
  it.each(['22.12.0', '22.23.3', '24.0.0', '26.1.0'])('accepts Node %s', (version) => {
    expect(nodeProblem(version)).toBeNull();
  });

  it.each(['20.20.2', '22.11.9', '18.0.0'])('explains why Node %s will not do', (version) => {
    expect(nodeProblem(version)).toMatch(new RegExp(`needs Node.js >= 22\\.12, but this script runs on ${version.replace(/\./g, '\\.')}`));
    expect(nodeProblem(version)).toContain('allowScripts');
  });
});
