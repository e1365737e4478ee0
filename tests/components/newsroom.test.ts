import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Byline from '../../src/components/Byline.astro';
import Timestamp from '../../src/components/Timestamp.astro';
import FormattedDate from '../../src/components/FormattedDate.astro';
import Headline from '../../src/components/Headline.astro';
import PageTitle from '../../src/components/PageTitle.astro';
import SourceNote from '../../src/components/SourceNote.astro';
import TagList from '../../src/components/TagList.astro';
import ReportError from '../../src/components/ReportError.astro';
import AgeNotice from '../../src/components/AgeNotice.astro';
import { toArticleDate } from '../../src/model/dates';

const NY = 'America/New_York';
let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

describe('FormattedDate', () => {
  it.each([
    ['2024-06-18', '<time datetime="2024-06-18">18 June 2024</time>'],
    ['2024-06-18T13:30:00.000Z', '<time datetime="2024-06-18T09:30:00-04:00">18 June 2024, 09:30 EDT</time>'],
  ])('%s', async (canonical, html) => {
    expect(await container.renderToString(FormattedDate, { props: { date: toArticleDate(canonical, NY) } })).toBe(html);
  });
});

describe('Byline', () => {
  it.each([
    [[], 'Breitbart News', 'Breitbart News'],
    [['Jane Roe'], 'Wire', 'By Jane Roe, Wire'],
    [['Jane Roe', 'John Doe'], undefined, 'By Jane Roe and John Doe'],
    [['Jane Roe', 'John Doe', 'Guest Writer'], undefined, 'By Jane Roe, John Doe and Guest Writer'],
  ])('%j for %s reads "%s"', async (names, publication, expected) => {
    const byline = names.map((name) => ({ name, author: undefined }));
    const html = await container.renderToString(Byline, { props: { byline, publication } });
    expect(text(html)).toBe(expected);
    expect(html).not.toContain('<a ');
  });

  it('links each author with a profile to their page, and only them (fixture names)', async () => {
    const byline = [
      { name: 'Jane Roe', author: 'jane-roe' },
      { name: 'Guest Writer', author: undefined },
      { name: 'John Doe', author: 'john-doe' },
    ];
    const html = await container.renderToString(Byline, { props: { byline } });
    expect(text(html)).toBe('By Jane Roe, Guest Writer and John Doe');
    expect([...html.matchAll(/<a href="([^"]+)" rel="author"><bdi>([^<]+)<\/bdi><\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['/authors/jane-roe/', 'Jane Roe'],
      ['/authors/john-doe/', 'John Doe'],
    ]);
  });

  it('renders nothing when nobody is credited', async () => {
    expect(text(await container.renderToString(Byline, { props: { byline: [] } }))).toBe('');
  });
});

describe('Timestamp', () => {
  it('gives published, updated and reading time', async () => {
    const html = await container.renderToString(Timestamp, {
      props: { published: toArticleDate('2024-06-18', NY), updated: toArticleDate('2024-06-19', NY), readingMinutes: 4 },
    });
    expect(html).toContain('<time datetime="2024-06-18">18 June 2024</time>');
    expect(html).toContain('<time datetime="2024-06-19">19 June 2024</time>');
    expect(text(html)).toBe('Published 18 June 2024 Updated 19 June 2024 4 min read');
  });

  it('leaves out what it does not have', async () => {
    const html = await container.renderToString(Timestamp, { props: { published: toArticleDate('2024-06-18', NY) } });
    expect(text(html)).toBe('Published 18 June 2024');
  });
});

describe('Headline', () => {
  it('is the h1 by default', async () => {
    expect(await container.renderToString(Headline, { props: { text: 'A & B' } })).toBe(
      '<h1 class="headline headline--1">A &amp; B</h1>',
    );
  });

  it('links from listings', async () => {
    const html = await container.renderToString(Headline, { props: { text: 'T', level: 2, href: '/articles/t/' } });
    expect(html).toBe('<h2 class="headline headline--2"><a href="/articles/t/">T</a></h2>');
  });
});

describe('PageTitle', () => {
  it('is the page title alone', async () => {
    expect(await container.renderToString(PageTitle, { props: { text: 'Tags & topics' } })).toBe(
      '<h1 class="page-title">Tags &amp; topics</h1>',
    );
  });

  it('has a label above, and the page of a listing after, in smaller type', async () => {
    const html = await container.renderToString(PageTitle, { props: { text: 'NATO', label: 'Tag', suffix: ' (page 2)' } });
    expect(html).toBe('<p class="labels">Tag</p><h1 class="page-title">NATO<span class="page-title__page"> (page 2)</span></h1>');
  });

  it('links the label when it leads somewhere', async () => {
    const html = await container.renderToString(PageTitle, { props: { text: '2024', label: 'Archive', labelPath: '/archive/' } });
    expect(html).toBe('<p class="labels"><a href="/archive/">Archive</a></p><h1 class="page-title">2024</h1>');
  });
});

describe('TagList', () => {
  it('links each tag to its page', async () => {
    const html = await container.renderToString(TagList, {
      props: { tags: [{ name: 'NATO', slug: 'nato' }, { name: '中国', slug: '中国' }] },
    });
    expect(html).toContain('<a href="/tags/nato/">NATO</a>');
    expect(html).toContain('<a href="/tags/%E4%B8%AD%E5%9B%BD/">中国</a>');
  });
});

describe('SourceNote', () => {
  it('credits and links the original, keeping the spaces between words and elements', async () => {
    const html = await container.renderToString(SourceNote, {
      props: { source: { name: 'Breitbart News', url: 'https://example.org/a' }, published: toArticleDate('2024-06-18', NY) },
    });
    expect(text(html)).toBe('Originally published by Breitbart News on 18 June 2024.');
    expect(html).toContain('<a href="https://example.org/a" rel="external noopener">Breitbart News</a>');
  });
});

describe('ReportError', () => {
  it('offers an e-mail about the article when the site gives an address', async () => {
    const html = await container.renderToString(ReportError, {
      props: { headline: 'Q&A: harbour', url: 'https://news.example.org/articles/q-a/', address: 'corrections@news.example.org' },
    });
    expect(text(html)).toBe('Seen an error? Report an error');
    expect(html).toContain('href="mailto:corrections@news.example.org?subject=Error%20report%3A%20Q%26A%3A%20harbour&amp;body=About%20https%3A%2F%2Fnews.example.org%2Farticles%2Fq-a%2F');
  });

  it('offers nothing without an address (the repository sets none)', async () => {
    expect(await container.renderToString(ReportError, { props: { headline: 'H', url: 'https://news.example.org/a/' } })).toBe('');
  });
});

describe('AgeNotice', () => {
  it('says how old, as a note', async () => {
    expect(await container.renderToString(AgeNotice, { props: { years: 2 } })).toBe('<p class="age-notice" role="note">This article is more than 2 years old</p>');
  });
});
