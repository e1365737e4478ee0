import { describe, expect, inject, it } from 'vitest';
import { buildSite, readTree } from '../support/build';

describe('rebuilds, in other time zones (pages, feeds and all)', () => {
  const reference = () => readTree(inject('siteDir'));

  it.each([
    ['TZ=America/Los_Angeles', { TZ: 'America/Los_Angeles' }],
    ['TZ=Asia/Tokyo LANG=de_DE.UTF-8', { TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }],
  ])('%s gives a byte-identical dist/', (name, env) => {
    const dir = buildSite({ name: `repro-${name.replace(/\W+/g, '-')}`, env });
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
