import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/schemas/article';
import { codePoints, tagConflictMessage } from '../../src/checks/tags';
import { groupByTag, tagSlug, TagError } from '../../src/model/tags';
import { nameKey, normalizeName } from '../../src/names';

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
      'Tags "C#" and "C" would share /tags/c/: run npm run check to see which files and what to do.',
    );
  });

  it('refuses a tag with nothing to slug', () => {
    expect(() => groupByTag([{ id: 'a', tags: ['!!!'] }], tagsOf)).toThrow(/no letters, digits or symbols/);
  });
});

describe('normalizeName: one tag however it is typed', () => {
  it.each([
    ['Z\u0075\u0308rich', 'Zürich'],
    ['Zürich', 'Zürich'],
    ['NATO\u200B', 'NATO'],
    ['\uFEFFNATO', 'NATO'],
    ['Jens\u00ADStoltenberg', 'JensStoltenberg'],
    ['  Xi   Jinping\t', 'Xi Jinping'],
    ['Jens\u00A0Stoltenberg', 'Jens Stoltenberg'],
    ['\u200Eشمال\u200F', 'شمال'],
    // Joiners carry meaning: emoji sequences and Persian spelling keep them.
    ['👩\u200D💻', '👩\u200D💻'],
    ['می\u200Cخواهم', 'می\u200Cخواهم'],
  ])('%j → %j', (typed, kept) => {
    expect(normalizeName(typed)).toBe(kept);
  });

  const front = (tags: string[]) => ({ title: 't', standfirst: 's', published: '2024-06-18', section: 'Asia', tags });

  it('is applied by the schema, so composed and decomposed spellings are one tag', () => {
    const composed = articleSchema.parse(front(['Zürich'])).tags;
    const decomposed = articleSchema.parse(front(['Zu\u0308rich', ' Zürich\u200B '])).tags;
    expect(decomposed).toEqual(['Zürich', 'Zürich']);
    const tags = groupByTag(
      [
        { id: 'a', tags: composed },
        { id: 'b', tags: decomposed },
      ],
      (a) => a.tags,
    );
    expect(tags.map((tag) => [tag.name, tag.articles.map((a) => a.id)])).toEqual([['Zürich', ['a', 'b']]]);
  });

  it('refuses a tag of nothing but invisible code points', () => {
    const result = articleSchema.safeParse(front(['\u200B\u200B']));
    expect(result.success).toBe(false);
  });
});

describe('tagConflictMessage', () => {
  it('names the spellings and the shared page', () => {
    expect(tagConflictMessage('C#', ['C'], 'c')).toBe(
      'expected tags that keep their own page: "C#" (U+0043 U+0023) and "C" (U+0043) would share /tags/c/ (use one spelling, or tell them apart with letters or digits)',
    );
  });

  it('spells out code points, so spellings that look alike can be told apart', () => {
    expect(tagConflictMessage('e\u2011mail', ['e-mail'], 'email')).toContain('"e‑mail" (U+0065 U+2011 U+006D U+0061 U+0069 U+006C) and "e-mail" (U+0065 U+002D');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(codePoints('🇺🇦')).toBe('U+1F1FA U+1F1E6');
  });
});

describe('nameKey: one rule for "the same name" (sections, tags, profiles)', () => {
  it.each([
    ['NATO', 'Nato', true],
    ['Middle  East', 'middle east', true],
    ['Zu\u0308rich', 'ZÜRICH', true],
    ['Jane\u200b Roe', 'jane roe', true],
    ['C#', 'C', false],
    ['e-mail', 'e\u2011mail', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(nameKey(a) === nameKey(b)).toBe(same);
  });
});
