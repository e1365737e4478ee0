import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { npmBuild, readTree } from '../support/build';
import { ROOT, TMP } from '../support/paths';

describe('npm run build is atomic', () => {
  const out = join(TMP, 'atomic', 'dist');

  it('replaces the output only when the build succeeds; a failed build leaves the last good site', () => {
    rmSync(join(TMP, 'atomic'), { recursive: true, force: true });
    const good = npmBuild({ BUILD_OUT: out });
    expect(good.status).toBe(0);
    expect(existsSync(join(out, 'articles/nato-chief-west-should-impose-a-cost-on-china/index.html'))).toBe(true);
    const before = readTree(out);

    const bad = npmBuild({ BUILD_OUT: out, CONTENT_DIR: join(ROOT, 'tests/fixtures/broken') });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain('left as it was');

    const after = readTree(out);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect([...before].filter(([path, bytes]) => !after.get(path)?.equals(bytes))).toEqual([]);
    // No half-built folder is left beside it.
    expect(readdirSync(join(TMP, 'atomic'))).toEqual(['dist']);
  });
});
