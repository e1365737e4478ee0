import { describe, expect, inject, it } from 'vitest';
import { buildSite, readTree } from '../support/build';

describe('rebuilds, in other time zones (pages, feeds and all)', () => {
  const reference = () => readTree(inject('siteDir'));

  it.each(['America/Los_Angeles', 'Asia/Tokyo'])('TZ=%s gives a byte-identical dist/', (tz) => {
    const dir = buildSite({ name: `tz-${tz.replace('/', '-')}`, env: { TZ: tz } });
    const expected = reference();
    const actual = readTree(dir);
    expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
    const differing = [...expected].filter(([path, bytes]) => !actual.get(path)?.equals(bytes)).map(([path]) => path);
    expect(differing).toEqual([]);
    // The reference really is the seed site, read the same way everywhere.
    expect(actual.get('articles/nato-chief-west-should-impose-a-cost-on-china/index.html')?.toString()).toContain(
      '<time datetime="2024-06-18">18 June 2024</time>',
    );
  });
});
