import { describe, expect, it } from 'vitest';
import { ageNoticeText, ageNoticeYears, wholeYears } from '../../src/model/age';

const NY = 'America/New_York';
const SETTINGS = { afterYears: 1, exemptTypes: ['obituary'] as const };

describe('wholeYears, counted in the newsroom’s calendar', () => {
  it.each([
    // Published on a day (midnight in New York, 04:00 UTC in summer).
    ['a day short of the first anniversary', '2024-06-18T04:00:00Z', '2025-06-17T12:00:00Z', NY, 0],
    ['a minute before midnight of the anniversary, New York', '2024-06-18T04:00:00Z', '2025-06-18T03:59:00Z', NY, 0],
    ['midnight of the anniversary, New York', '2024-06-18T04:00:00Z', '2025-06-18T04:00:00Z', NY, 1],
    // Clocks went back between: the anniversary's midnight (EST) is an hour later in UTC than the publication's (EDT).
    ['published at midnight EDT, a year on at 23:30 EST the day before', '2024-11-03T04:00:00Z', '2025-11-03T04:30:00Z', NY, 0],
    ['published at midnight EDT, a year on at midnight EST', '2024-11-03T04:00:00Z', '2025-11-03T05:00:00Z', NY, 1],
    // A piece at 23:30 in New York: its anniversary is the next day in UTC, and already the day in Tokyo.
    ['an evening piece, when the date in UTC has turned but not in New York', '2024-06-19T03:30:00Z', '2025-06-19T00:30:00Z', NY, 0],
    ['an evening piece, at its time a year on', '2024-06-19T03:30:00Z', '2025-06-19T03:30:00Z', NY, 1],
    ['the same instants counted in Tokyo', '2024-06-18T04:00:00Z', '2025-06-18T03:59:00Z', 'Asia/Tokyo', 0],
    ['29 February is not one on 28 February', '2024-02-29T05:00:00Z', '2025-02-28T05:00:00Z', NY, 0],
    ['29 February turns one on 1 March', '2024-02-29T05:00:00Z', '2025-03-01T05:00:00Z', NY, 1],
    ['twelve years', '2012-01-01T05:00:00Z', '2024-06-18T12:00:00Z', NY, 12],
    ['a clock before publication is no age', '2025-01-01T05:00:00Z', '2024-01-01T05:00:00Z', NY, 0],
  ])('%s', (_label, published, now, zone, years) => {
    expect(wholeYears(new Date(published), new Date(now), zone)).toBe(years);
  });
});

describe('ageNoticeYears', () => {
  const piece = (published: string, type = 'news', status = 'published') => ({ published: { instant: new Date(published) }, type: type as 'news', status });
  const now = new Date('2026-11-28T00:00:00Z');
  it.each([
    ['under a year: no notice', piece('2026-01-01T05:00:00Z'), SETTINGS, undefined],
    ['a year: 1', piece('2025-11-01T04:00:00Z'), SETTINGS, 1],
    ['three years: 3', piece('2023-05-02T04:00:00Z'), SETTINGS, 3],
    ['an obituary never', piece('2020-01-15T05:00:00Z', 'obituary'), SETTINGS, undefined],
    ['a draft in a preview never', piece('2020-01-15T05:00:00Z', 'news', 'draft'), SETTINGS, undefined],
    ['with the notice from two years, at one year: none', piece('2025-11-01T04:00:00Z'), { afterYears: 2, exemptTypes: [] }, undefined],
    ['with no kind exempt, an obituary too', piece('2020-01-15T05:00:00Z', 'obituary'), { afterYears: 1, exemptTypes: [] }, 6],
  ])('%s', (_label, article, settings, years) => {
    expect(ageNoticeYears(article, now, NY, settings)).toBe(years);
  });
});

describe('ageNoticeText', () => {
  it.each([
    [1, 'en-GB', 'This article is more than 1 year old'],
    [2, 'en-GB', 'This article is more than 2 years old'],
    [12, 'en-US', 'This article is more than 12 years old'],
  ])('%i in %s → %s', (years, locale, words) => {
    expect(ageNoticeText(years, locale)).toBe(words);
  });
});
