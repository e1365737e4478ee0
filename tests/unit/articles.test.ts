import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRendered, type RenderedEntry } from '../../src/checks/rendered';
import { changesAfterClock } from '../../src/checks/clock';
import { compareNewestFirst, neighbours, relatedIndex, selectArticles, tagsOf, toArticle, withCanonicalNames, type Article, type ArticleInput } from '../../src/model/articles';
import { creditNames, joinNames } from '../../src/model/credit';
import { feedChannel, xmlText } from '../../src/feeds/items';
import { jsonLd } from '../../src/model/metadata';

/** A content entry as Astro's content layer hands it over, rendered by the pipeline. */
function rendered(id: string, data: Partial<RenderedEntry['data']> = {}, html = '<p>Body.</p>'): RenderedEntry {
  return {
    id,
    filePath: `content/articles/${id}.md`,
    data: { title: id, standfirst: `About ${id}.`, published: '2024-06-18', section: 'Asia', tags: ['NATO'], type: 'news', draft: false, ...data },
    rendered: { html, metadata: { frontmatter: { broadsheet: { readingMinutes: 3 } } } },
  };
}

/** The same entry, checked: what the model receives. */
function entry(id: string, data: Partial<RenderedEntry['data']> = {}, html = '<p>Body.</p>'): ArticleInput {
  const [input] = checkRendered([rendered(id, data, html)]);
  return input!;
}

describe('selectArticles', () => {
  it('sorts newest first by instant, not by text', () => {
    const articles = selectArticles([
      entry('day', { published: '2024-06-18' }),
      entry('evening', { published: '2024-06-18T23:30:00.000Z' }),
      entry('older', { published: '2023-12-31' }),
      entry('morning', { published: '2024-06-18T10:00:00.000Z' }),
    ]);
    // 2024-06-18 (date only) is midnight in New York: 04:00Z, before the morning story.
    expect(articles.map((a) => a.slug)).toEqual(['evening', 'morning', 'day', 'older']);
  });

  it('breaks ties by slug so file order never matters', () => {
    const forwards = selectArticles([entry('b'), entry('a'), entry('c')]).map((a) => a.slug);
    const backwards = selectArticles([entry('c'), entry('a'), entry('b')]).map((a) => a.slug);
    expect(forwards).toEqual(['a', 'b', 'c']);
    expect(backwards).toEqual(forwards);
  });

  const now = new Date('2024-06-18T12:00:00Z');
  const mixed = () => [
    entry('live'),
    entry('draft', { draft: true }),
    entry('tonight', { published: '2024-06-19T00:00:00.000Z' }),
    entry('tomorrow', { published: '2024-06-19' }),
  ];

  it('leaves drafts and articles dated after the cut-off out', () => {
    expect(selectArticles(mixed(), { now }).map((a) => a.slug)).toEqual(['live']);
  });

  it('shows them, marked, in preview', () => {
    expect(selectArticles(mixed(), { now, preview: true }).map((a) => [a.slug, a.status])).toEqual([
      ['tomorrow', 'scheduled'],
      ['tonight', 'scheduled'],
      // Same day: the slug breaks the tie.
      ['draft', 'draft'],
      ['live', 'published'],
    ]);
  });

  it('publishes a scheduled article once its time has come', () => {
    expect(selectArticles(mixed(), { now: new Date('2024-06-19T04:00:00Z') }).map((a) => a.slug)).toEqual(['tomorrow', 'tonight', 'live']);
  });

  it('reports every entry with a problem at once, naming files and fields', () => {
    const figure = (id: string) => ({
      ...rendered(id),
      rendered: { html: '', metadata: { frontmatter: { broadsheet: { problems: [{ field: 'image.afterParagraph', message: 'expected at most 0' }] } } } },
    });
    expect(() => checkRendered([figure('one'), rendered('fine'), figure('two')])).toThrow(
      'The build stopped: fix the content first.\n2 content problems:\n  content/articles/one.md\n    image.afterParagraph: expected at most 0\n  content/articles/two.md\n    image.afterParagraph: expected at most 0',
    );
  });
});

describe('toArticle', () => {
  it('models what pages show', () => {
    const article = toArticle(entry('x', { tags: ['Jens Stoltenberg'], updated: '2024-06-19' }));
    expect(article).toMatchObject({
      slug: 'x',
      file: 'content/articles/x.md',
      tags: [{ name: 'Jens Stoltenberg', slug: 'jens-stoltenberg' }],
      byline: [],
      readingMinutes: 3,
      published: { datetime: '2024-06-18', dateOnly: true },
      updated: { datetime: '2024-06-19', dateOnly: true },
    });
  });

  it('names the file when the body could not be rendered', () => {
    const broken = { ...rendered('broken'), rendered: undefined };
    expect(() => checkRendered([broken])).toThrow('  content/articles/broken.md\n    body: expected Markdown that renders');
  });
});

describe('compareNewestFirst', () => {
  const at = (slug: string, iso: string) => ({ slug, published: { instant: new Date(iso), dateOnly: false, datetime: iso } });
  it.each([
    [at('a', '2024-01-02T00:00:00Z'), at('b', '2024-01-01T00:00:00Z'), -1],
    [at('a', '2024-01-01T00:00:00Z'), at('b', '2024-01-02T00:00:00Z'), 1],
    [at('a', '2024-01-01T00:00:00Z'), at('b', '2024-01-01T00:00:00Z'), -1],
    [at('b', '2024-01-01T00:00:00Z'), at('a', '2024-01-01T00:00:00Z'), 1],
  ])('%#', (a, b, sign) => {
    expect(Math.sign(compareNewestFirst(a, b))).toBe(sign);
  });
});

describe('tags across articles', () => {
  it('counts, orders and names tags by the spelling most articles use', () => {
    const articles = selectArticles([
      entry('a', { tags: ['Nato', 'China'], published: '2024-06-20' }),
      entry('b', { tags: ['NATO'], published: '2024-06-19' }),
      entry('c', { tags: ['NATO', 'Russia'], published: '2024-06-18' }),
    ]);
    const tags = tagsOf(articles);
    expect(tags.map((t) => `${t.name}:${t.articles.map((a) => a.slug).join('')}`)).toEqual(['China:a', 'NATO:abc', 'Russia:c']);
    withCanonicalNames(articles, tags, []);
    expect(articles[0]!.tags.map((t) => t.name)).toEqual(['NATO', 'China']);
  });
});

describe('joinNames', () => {
  it.each([
    [['Jane Roe'], 'Jane Roe'],
    [['Jane Roe', 'John Doe'], 'Jane Roe and John Doe'],
    [['A', 'B', 'C'], 'A, B and C'],
  ])('%j → %s', (list, joined) => {
    expect(joinNames(list)).toBe(joined);
  });
});

describe('creditNames', () => {
  it.each([
    [[], { name: 'Wire', url: 'https://x.org/' }, ['Wire']],
    [['A', 'B'], { name: 'Wire', url: 'https://x.org/' }, ['A', 'B']],
    [[], undefined, []],
  ])('%j with %j → %j', (names, source, credited) => {
    expect(creditNames({ byline: names.map((name) => ({ name, author: undefined })), source })).toEqual(credited);
  });
});

describe('feedChannel', () => {
  const articles = selectArticles([
    entry('one', { published: '2024-06-20' }, '<p><a href="/tags/nato/">NATO</a></p>'),
    entry('two', { published: '2024-06-19', updated: '2024-06-25', source: { name: 'Wire', url: 'https://x.org/' } }),
    entry('three', { published: '2024-06-18' }),
  ]);
  const options = { title: 'T', description: 'D', language: 'en', homePath: '/', feedPath: '/rss.xml', limit: 2 };

  it('caps the items, newest first, and makes every address absolute', () => {
    const channel = feedChannel(articles, 'https://example.org', options);
    expect(channel.items.map((i) => i.url)).toEqual(['https://example.org/articles/one/', 'https://example.org/articles/two/']);
    expect(channel.items[0]!.contentHtml).toBe('<p>About one.</p><p><a href="https://example.org/tags/nato/">NATO</a></p>');
    expect(channel.items[0]!.published.toISOString()).toBe('2024-06-20T04:00:00.000Z');
    expect(channel.items[1]!.authors).toEqual(['Wire']);
    expect(channel.feedUrl).toBe('https://example.org/rss.xml');
  });

  it('dates the channel by its newest change, not the clock', () => {
    expect(feedChannel(articles, 'https://example.org', options).updated?.toISOString()).toBe('2024-06-25T04:00:00.000Z');
    expect(feedChannel([], 'https://example.org', options).updated).toBeUndefined();
  });

  it('drops characters XML cannot carry', () => {
    const [item] = feedChannel(selectArticles([entry('bell', { title: 'A\u0007B\u0000C\uFFFE', standfirst: 'ok\u001B' })]), 'https://x.org', options).items;
    expect(item!.title).toBe('ABC');
    expect(item!.summary).toBe('ok');
  });
});

describe('xmlText', () => {
  it.each([
    ['plain', 'plain'],
    ['tab\tnewline\ncr\r', 'tab\tnewline\ncr\r'],
    ['\u0000\u0008\u000B\u000C\u001F', ''],
    ['emoji 🇺🇦 and 中国', 'emoji 🇺🇦 and 中国'],
    ['lone surrogate \uD800 gone', 'lone surrogate  gone'],
  ])('%j → %j', (text, expected) => {
    expect(xmlText(text)).toBe(expected);
  });
});

describe('jsonLd', () => {
  it.each([
    ['</script><script>alert(1)</script>'],
    ['<!-- comment'],
    ['a & b > c'],
    ['line\u2028separator\u2029paragraph'],
  ])('keeps %j inert in HTML and intact as JSON', (value) => {
    const text = jsonLd({ headline: value });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ headline: value });
  });
});

describe('relatedArticles and neighbours', () => {
  const articles = selectArticles([
    entry('subject', { published: '2024-06-15', tags: ['NATO', 'China', 'Russia'] }),
    entry('two-shared-old', { published: '2024-06-01', tags: ['NATO', 'China'] }),
    entry('two-shared-new', { published: '2024-06-20', tags: ['China', 'Russia'] }),
    entry('one-shared', { published: '2024-06-25', tags: ['Russia'] }),
    entry('none-shared', { published: '2024-06-30', tags: ['Weather'] }),
    entry('three-shared', { published: '2024-05-01', tags: ['Russia', 'NATO', 'China'] }),
  ]);
  const relatedTo = relatedIndex(articles, tagsOf(articles));
  const subject = articles.find((a) => a.slug === 'subject')!;

  it.each([
    [1, ['three-shared']],
    [3, ['three-shared', 'two-shared-new', 'two-shared-old']],
    [10, ['three-shared', 'two-shared-new', 'two-shared-old', 'one-shared']],
  ])('ranks by shared tags, then newest first (limit %i)', (limit, slugs) => {
    expect(relatedTo(subject, limit).map((a) => a.slug)).toEqual(slugs);
  });

  it('never offers paid content, however many tags it shares', () => {
    const withPaid = selectArticles([
      entry('subject', { published: '2024-06-15', tags: ['NATO', 'China'] }),
      entry('paid', { published: '2024-06-16', tags: ['NATO', 'China'], type: 'sponsored' }),
      entry('journalism', { published: '2024-06-01', tags: ['NATO'] }),
    ]);
    const related = relatedIndex(withPaid, tagsOf(withPaid));
    expect(related(withPaid.find((a) => a.slug === 'subject')!, 3).map((a) => a.slug)).toEqual(['journalism']);
    expect(related(withPaid.find((a) => a.slug === 'paid')!, 3).map((a) => a.slug)).toEqual(['subject', 'journalism']);
  });

  // The definition, written the plain way: count shared tags with every other article, sort.
  function byDefinition(all: readonly Article[], article: Article, limit: number): string[] {
    const own = new Set(article.tags.map((tag) => tag.slug));
    return all
      .filter((other) => other !== article)
      .map((other) => ({ other, shared: other.tags.filter((tag) => own.has(tag.slug)).length }))
      .filter(({ shared }) => shared > 0)
      .sort((a, b) => b.shared - a.shared || compareNewestFirst(a.other, b.other))
      .slice(0, Math.max(0, limit))
      .map(({ other }) => other.slug);
  }

  it('agrees with the definition on any archive (property)', () => {
    const pool = ['NATO', 'China', 'Russia', 'Europe', 'Trade', 'Weather'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), tags: fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 5 }) }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 6 }),
        (specs, limit) => {
          const all = selectArticles(specs.map((spec, i) => entry(`a${i}`, { published: `2024-06-${String(spec.day).padStart(2, '0')}`, tags: spec.tags })));
          const find = relatedIndex(all, tagsOf(all));
          for (const article of all) expect(find(article, limit).map((a) => a.slug)).toEqual(byDefinition(all, article, limit));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never lists the article itself or unrelated ones', () => {
    const slugs = relatedTo(subject, 10).map((a) => a.slug);
    expect(slugs).not.toContain('subject');
    expect(slugs).not.toContain('none-shared');
  });

  it('lists the articles in date order, newest first', () => {
    expect(articles.map((a) => a.slug)).toEqual(['none-shared', 'one-shared', 'two-shared-new', 'subject', 'two-shared-old', 'three-shared']);
  });

  it.each([
    [0, undefined, 'one-shared'],
    [3, 'two-shared-new', 'two-shared-old'],
    [5, 'two-shared-old', undefined],
  ])('at index %i: newer %s, older %s', (index, newer, older) => {
    const found = neighbours(articles, index);
    expect(found.newer?.slug).toBe(newer);
    expect(found.older?.slug).toBe(older);
  });
});

describe('changesAfterClock', () => {
  const now = new Date('2024-06-20T12:00:00Z');
  it.each([
    ['an update and a correction before the clock', { updated: '2024-06-19', corrections: [{ date: '2024-06-20T11:00:00.000Z', text: 'Fixed.' }] }, []],
    ['an update after the clock', { updated: '2024-06-21' }, [['updated', "expected an update on or before the build's clock (2024-06-20T12:00:00.000Z, BUILD_TIME or now), found 2024-06-21"]]],
    ['the second correction after the clock', { corrections: [{ date: '2024-06-19', text: 'a' }, { date: '2027-01-01', text: 'b' }] }, [['corrections.1.date', "expected a correction dated on or before the build's clock (2024-06-20T12:00:00.000Z, BUILD_TIME or now), found 2027-01-01"]]],
    ['a scheduled article with future dates', { published: '2024-07-01', corrections: [{ date: '2024-07-02', text: 'a' }] }, []],
    ['a draft with future dates', { draft: true, updated: '2027-01-01' }, []],
  ])('%s', (_label, data, expected) => {
    const input = entry('late', data as Partial<RenderedEntry['data']>);
    expect(changesAfterClock([input], now).map((problem) => [problem.field, problem.message])).toEqual(expected);
  });
});
