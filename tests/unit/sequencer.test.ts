import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LONGEST_FIRST } from '../support/sequencer';
import { ROOT } from '../support/paths';

describe('the files the run starts first', () => {
  it.each(LONGEST_FIRST)('%s is a test file', (path) => {
    expect(path).toMatch(/^tests\/(unit|components|e2e)\/.+\.test\.ts$/);
    expect(existsSync(join(ROOT, path))).toBe(true);
  });
});
