import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { readLanguage } from '../../src/model/language';
import { articleSchema } from '../../src/schemas/article';
import { ROOT } from '../support/paths';
import { CAPTION, ORIGINAL_URL, PARAGRAPHS } from '../support/seed';

const SEED_FILE = join(ROOT, 'content/articles/nato-chief-west-should-impose-a-cost-on-china.md');
const seed = parseFrontmatter(readFileSync(SEED_FILE, 'utf8'));

const valid = {
  title: 'Headline',
  standfirst: 'Summary.',
  published: new Date(Date.UTC(2024, 5, 18)),
  section: 'Asia',
  tags: ['NATO'],
};

/** The first issue's field path and message, as an editor would read them. */
function problem(data: unknown): string {
  const result = articleSchema.safeParse(data);
  if (result.success) return 'valid';
  const [issue] = result.error.issues;
  return `${issue!.path.join('.')}: ${issue!.message}`;
}

describe('the seed article front matter', () => {
  const data = articleSchema.parse(seed.frontmatter);

  it('is what SOURCE.md says is known, and no more', () => {
    expect(data).toEqual({
      title: 'NATO Chief: West Should ‘Impose a Cost’ on China for Supporting Russia',
      standfirst: PARAGRAPHS[0],
      published: '2024-06-18',
      section: 'Asia',
      tags: ['NATO', 'China', 'Russia', 'Ukraine', 'Jens Stoltenberg', 'Vladimir Putin', 'Xi Jinping'],
      source: { name: 'Breitbart News', url: ORIGINAL_URL },
      image: {
        caption: CAPTION.replace(' (Kevin Dietsch/Getty Images)', ''),
        credit: 'Kevin Dietsch/Getty Images',
        afterParagraph: 4,
      },
      // Reporting, by default: the seed names no type, and is not relabelled (issue 22).
      type: 'news',
      draft: false,
    });
    expect(data).not.toHaveProperty('byline');
    expect(data).not.toHaveProperty('prominence');
    expect(data).not.toHaveProperty('series');
  });
});

describe('articleSchema', () => {
  it('accepts the minimum and fills defaults', () => {
    expect(articleSchema.parse(valid)).toEqual({ ...valid, published: '2024-06-18', type: 'news', draft: false });
  });

  it.each([
    ['a type in any case', { type: ' Analysis ' }, { type: 'analysis' }],
    ['paid content', { type: 'sponsored' }, { type: 'sponsored' }],
    ['a lead', { prominence: 'lead' }, { prominence: 'lead' }],
    ['a top story in any case', { prominence: ' Top ' }, { prominence: 'top' }],
    ['a series and part', { series: ' Harbour\u200B  Inquiry ', part: 2 }, { series: 'Harbour Inquiry', part: 2 }],
    ['a series without a part', { series: 'Harbour Inquiry' }, { series: 'Harbour Inquiry' }],
  ])('reads %s', (_, fields, expected) => {
    expect(articleSchema.parse({ ...valid, ...fields })).toMatchObject(expected);
  });

  it.each([
    ['a missing title', { ...valid, title: undefined }, 'title: missing: this field is required, expected a headline as text'],
    ['an empty title', { ...valid, title: '  ' }, 'title: expected a headline, found an empty value'],
    ['a numeric section', { ...valid, section: 7 }, 'section: expected a section name as text, found 7 (put the value in double quotes to keep it as typed)'],
    ['a type that is not listed', { ...valid, type: 'analysys' }, 'type: expected one of the types news, analysis, opinion, explainer, review, interview, obituary, letter, sponsored, found "analysys" (did you mean "analysis"?)'],
    ['a type nobody listed', { ...valid, type: 'gossip' }, 'type: expected one of the types news, analysis, opinion, explainer, review, interview, obituary, letter, sponsored, found "gossip"'],
    ['a type as a number', { ...valid, type: 3 }, 'type: expected a type like "analysis" or "opinion", found 3'],
    ['a prominence not offered', { ...valid, prominence: 'splash' }, 'prominence: expected "lead" or "top" (or leave prominence out), found "splash"'],
    ['a part without a series', { ...valid, part: 2 }, 'part: expected a series with the part: name the series this is part of, or leave part out'],
    ['a part of zero', { ...valid, series: 'Inquiry', part: 0 }, 'part: expected a part of 1 or more'],
    ['a part as text', { ...valid, series: 'Inquiry', part: 'two' }, 'part: expected a whole number, the part of the series (1, 2, …), found "two"'],
    ['a part in quotes', { ...valid, series: 'Inquiry', part: '2' }, 'part: expected a whole number, the part of the series (1, 2, …), found "2" (write the number without quotes)'],
    ['a part of .inf', { ...valid, series: 'Inquiry', part: Number.POSITIVE_INFINITY }, 'part: expected a whole number, the part of the series (1, 2, …), found Infinity'],
    ['a blank series', { ...valid, series: '  ' }, 'series: expected a series name, found an empty value'],
    ['a series of punctuation', { ...valid, series: '—' }, 'series: expected a series name with at least one letter, digit or emoji'],
    ['a section that is not listed', { ...valid, section: 'Asai' }, 'section: expected one of the sections World, Politics, Business, Europe, Americas, Asia, Middle East, Africa, Science, Technology, Local (src/site.ts), found "Asai" (did you mean "Asia"?)'],
    ['a new section nobody listed', { ...valid, section: 'Gardening' }, 'section: expected one of the sections World, Politics, Business, Europe, Americas, Asia, Middle East, Africa, Science, Technology, Local (src/site.ts), found "Gardening"'],
    ['a correction dated before publication', { ...valid, corrections: [{ date: '2024-06-17', text: 'Fixed.' }] }, 'corrections.0.date: expected a correction dated on or after the publication date (2024-06-18), found 2024-06-17'],
    ['a correction an hour before a timed publication', { ...valid, published: '2024-06-18T09:30:00-04:00', corrections: [{ date: '2024-06-18T08:30:00-04:00', text: 'Fixed.' }] }, 'corrections.0.date: expected a correction dated on or after the publication date (2024-06-18T13:30:00.000Z), found 2024-06-18T12:30:00.000Z'],
    ['a correction without text', { ...valid, corrections: [{ date: '2024-06-19' }] }, 'corrections.0.text: missing: this field is required, expected the correction text as text'],
    ['a correction with a misspelt field', { ...valid, corrections: [{ date: '2024-06-19', txt: 'Fixed.' }] }, 'corrections.0.text: missing: this field is required, expected the correction text as text'],
    ['corrections as text', { ...valid, corrections: 'Fixed.' }, 'corrections: expected a list of corrections, each with date and text (and kind, if not a correction), found "Fixed."'],
    ['an empty list of corrections', { ...valid, corrections: [] }, 'corrections: expected at least one correction, or leave the field out'],
    ['an unparsable date', { ...valid, published: '18/06/2024' }, 'published: expected the publication date as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00, found "18/06/2024"'],
    ['a standfirst of a whole transcript', { ...valid, standfirst: 'A&'.repeat(50_000) }, 'standfirst: expected a standfirst of at most 1000 characters (one or two sentences), found 100000'],
    ['no tags', { ...valid, tags: [] }, 'tags: expected at least one tag'],
    ['tags as a string', { ...valid, tags: 'NATO' }, 'tags: expected a list of tags, found "NATO"'],
    ['a tag of punctuation', { ...valid, tags: ['!!!'] }, 'tags.0: expected a tag with at least one letter, digit or emoji'],
    ['an unknown key', { ...valid, author: 'Someone' }, ': unknown field "author": expected only title, standfirst, published, updated, section, dateline, type, prominence, series, part, tags, source, byline, image, language, corrections, live, draft'],
    ['an unknown nested key', { ...valid, source: { name: 'X', url: 'https://x.org/', date: 1 } }, 'source: unknown field "date": expected only name, url'],
    ['a source that is not a set of fields', { ...valid, source: 'Reuters' }, 'source: expected the source with the fields name, url, found "Reuters"'],
    ['a relative source address', { ...valid, source: { name: 'X', url: '/story' } }, 'source.url: expected an absolute http(s) address like https://example.com/story'],
    ['a javascript: source address', { ...valid, source: { name: 'X', url: 'javascript:alert(1)' } }, 'source.url: expected an absolute http(s) address like https://example.com/story'],
    ['a picture without alt text', { ...valid, image: { src: 'p.jpg', caption: 'C' } }, 'image.alt: expected alt text describing the picture when src is given'],
    ['a fractional figure position', { ...valid, image: { caption: 'C', afterParagraph: 1.5 } }, 'image.afterParagraph: expected a whole number of paragraphs, found 1.5'],
    ['an empty byline', { ...valid, byline: [] }, 'byline: expected at least one name'],
    ['a draft flag in words', { ...valid, draft: 'yes' }, 'draft: expected true or false, found "yes"'],
    ['an update before publication', { ...valid, updated: '2024-06-17' }, 'updated: expected the update date to be on or after the publication date'],
  ])('names the field for %s', (_label, data, message) => {
    expect(problem(data)).toBe(message);
  });

  it('accepts a standfirst of 1,000 characters, counted after trimming, an emoji as one', () => {
    expect(problem({ ...valid, standfirst: ` ${'a'.repeat(1000)} ` })).toBe('valid');
    expect(problem({ ...valid, standfirst: '🚢'.repeat(1000) })).toBe('valid');
    expect(problem({ ...valid, standfirst: '🚢'.repeat(1001) })).toBe('standfirst: expected a standfirst of at most 1000 characters (one or two sentences), found 1001');
  });

  it('accepts an update on the same day and later', () => {
    expect(problem({ ...valid, updated: '2024-06-18T10:00:00-04:00' })).toBe('valid');
  });
});

describe('language', () => {
  const base = { title: 't', standfirst: 's', published: '2024-06-18', section: 'World', tags: ['x'] };
  it.each([
    ['ar', 'ar', 'rtl'],
    ['he', 'he', 'rtl'],
    ['fa', 'fa', 'rtl'],
    ['ur', 'ur', 'rtl'],
    ['zh-hans', 'zh-Hans', 'ltr'],
    ['ja', 'ja', 'ltr'],
    ['pt-br', 'pt-BR', 'ltr'],
    ['az-Arab', 'az-Arab', 'rtl'],
    ['EN', 'en', 'ltr'],
  ])('%s is the tag %s, written %s', (typed, tag, direction) => {
    const parsed = articleSchema.parse({ ...base, language: typed });
    expect(parsed.language).toBe(tag);
    expect(readLanguage(typed)).toEqual({ tag, direction });
  });

  it.each([['english'], ['en_GB'], ['xx'], [''], ['12']])('refuses %j, saying what a tag looks like', (typed) => {
    const result = articleSchema.safeParse({ ...base, language: typed });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^expected a language tag like "en", "zh-Hans" or "ar"/);
  });

  it('is optional: the site language applies', () => {
    expect(articleSchema.parse(base).language).toBeUndefined();
  });
});

describe('text that would be empty or wrong on the page', () => {
  const base = { title: 't', standfirst: 's', published: '2024-06-18', section: 'World', tags: ['x'] };
  it.each([['\u200B'], ['\u2800'], ['\u3164'], [' \u200E ']])('refuses a headline of only invisible characters %j', (title) => {
    const result = articleSchema.safeParse({ ...base, title });
    expect(result.error?.issues[0]?.message).toBe('expected a headline, found only invisible characters');
  });

  it.each([
    ['https://example.com/a b', 'https://example.com/a%20b'],
    ['https://example.com/a"b', 'https://example.com/a%22b'],
    ['https://example.com/?a=1&b=<x>', 'https://example.com/?a=1&b=%3Cx%3E'],
  ])('stores the source address %s as %s', (url, stored) => {
    expect(articleSchema.parse({ ...base, source: { name: 'Wire', url } }).source?.url).toBe(stored);
  });

  it('refuses a source address with credentials in it', () => {
    const result = articleSchema.safeParse({ ...base, source: { name: 'Wire', url: 'https://trusted.example@evil.example/' } });
    expect(result.error?.issues[0]?.message).toBe('expected an address without a user name or password in it');
  });

  it('refuses an offset that is not hours and minutes', () => {
    expect(articleSchema.safeParse({ ...base, published: '2024-06-18T09:30:00-050' }).success).toBe(false);
  });
});

describe('section and corrections', () => {
  it.each([
    ['Asia', 'Asia'],
    ['asia', 'Asia'],
    ['  Middle   East ', 'Middle East'],
    ['MIDDLE EAST', 'Middle East'],
  ])('section %j is stored as the section %j', (typed, stored) => {
    expect(articleSchema.parse({ ...valid, section: typed }).section).toBe(stored);
  });

  it.each([
    ['a day after a bare day', '2024-06-18', '2024-06-19'],
    ['the same bare day', '2024-06-18', '2024-06-18'],
    ['a bare day on the day of a timed publication', '2024-06-18T21:30:00-04:00', '2024-06-18'],
    ['a time after a timed publication', '2024-06-18T09:30:00-04:00', '2024-06-18T09:31:00-04:00'],
  ])('accepts a correction dated %s', (_label, published, date) => {
    expect(problem({ ...valid, published, corrections: [{ date, text: 'Fixed.' }] })).toBe('valid');
  });
});
