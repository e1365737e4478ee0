import { describe, expect, it } from 'vitest';
import { groupByTag, tagSlug, TagError } from '../../src/model/tags';

describe('tagSlug', () => {
  it.each([
    ['NATO', 'nato'],
    ['Jens Stoltenberg', 'jens-stoltenberg'],
    ['  Xi Jinping ', 'xi-jinping'],
    ['U.S. Congress', 'us-congress'],
    ['C#', 'c'],
    ['Côte d’Ivoire', 'côte-divoire'],
    ['中国', '中国'],
    ['Україна', 'україна'],
    ['🇺🇦', '1f1fa-1f1e6'],
    ['🔥', '1f525'],
    ['!!!', ''],
  ])('%s → %s', (name, slug) => {
    expect(tagSlug(name)).toBe(slug);
  });

  it('is stable for composed and decomposed accents', () => {
    expect(tagSlug('Cafe\u0301')).toBe(tagSlug('Café'));
  });
});

describe('groupByTag', () => {
  type A = { id: string; tags: string[] };
  const tagsOf = (a: A) => a.tags;

  it('groups articles under each tag, keeping their order, tags alphabetical', () => {
    const articles: A[] = [
      { id: 'new', tags: ['Russia', 'NATO'] },
      { id: 'old', tags: ['NATO', 'China'] },
    ];
    const tags = groupByTag(articles, tagsOf);
    expect(tags.map((t) => [t.name, t.slug, t.articles.map((a) => a.id)])).toEqual([
      ['China', 'china', ['old']],
      ['NATO', 'nato', ['new', 'old']],
      ['Russia', 'russia', ['new']],
    ]);
  });

  it('merges spellings that differ only in case, showing the most used', () => {
    const tags = groupByTag(
      [
        { id: 'a', tags: ['Nato'] },
        { id: 'b', tags: ['NATO'] },
        { id: 'c', tags: ['NATO'] },
      ],
      tagsOf,
    );
    expect(tags).toHaveLength(1);
    expect(tags[0]).toMatchObject({ name: 'NATO', slug: 'nato' });
    expect(tags[0]!.articles.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('counts an article once when it repeats a tag', () => {
    const tags = groupByTag([{ id: 'a', tags: ['NATO', 'nato'] }], tagsOf);
    expect(tags[0]!.articles).toHaveLength(1);
  });

  it('refuses tags that would silently share a URL', () => {
    expect(() => groupByTag([{ id: 'a', tags: ['C#'] }, { id: 'b', tags: ['C'] }], tagsOf)).toThrow(TagError);
    expect(() => groupByTag([{ id: 'a', tags: ['C#'] }, { id: 'b', tags: ['C'] }], tagsOf)).toThrow(
      /"C#" and "C" would share \/tags\/c\//,
    );
  });

  it('refuses a tag with nothing to slug', () => {
    expect(() => groupByTag([{ id: 'a', tags: ['!!!'] }], tagsOf)).toThrow(/no letters, digits or symbols/);
  });
});
