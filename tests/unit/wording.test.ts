import { describe, expect, it } from 'vitest';
import { listingFeedTitle } from '../../src/feeds/channels';
import { ARTICLES, countOf } from '../../src/model/wording';

describe('countOf', () => {
  it.each([
    [0, 'en-GB', '0 articles'],
    [1, 'en-GB', '1 article'],
    [2, 'en-GB', '2 articles'],
    [12000, 'en-GB', '12,000 articles'],
    [12000, 'de-DE', '12.000 articles'],
  ])('%d in %s → %s', (count, locale, words) => {
    expect(countOf(count, ARTICLES, locale)).toBe(words);
  });
});

describe('listingFeedTitle', () => {
  it.each([
    ['Asia', 'Broadsheet: Asia'],
    ['Jane Roe', 'Broadsheet: Jane Roe'],
    ['C#', 'Broadsheet: C#'],
  ])('%s → %s', (name, title) => {
    expect(listingFeedTitle(name)).toBe(title);
  });
});
