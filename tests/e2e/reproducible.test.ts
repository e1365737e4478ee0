import { describe, inject, it } from 'vitest';
import { buildSiteAsync, readTree } from '../support/build';

describe('rebuilds, in other time zones (pages, feeds and all)', () => {
  const reference = () => readTree(inject('siteDir'));

  // The two side by side (it.concurrent): each is a build of its own.
  it.concurrent.for([
    ['TZ=America/Los_Angeles', { TZ: 'America/Los_Angeles' }],
    ['TZ=Asia/Tokyo LANG=de_DE.UTF-8', { TZ: 'Asia/Tokyo', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' }],
  ] as const)('%s gives a byte-identical dist/', async ([name, env], { expect }) => {
    const dir = await buildSiteAsync({ name: `repro-${name.replace(/\W+/g, '-')}`, env });
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
