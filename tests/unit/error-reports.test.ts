import { describe, expect, it } from 'vitest';
import { errorAddressProblem, errorReportLink } from '../../src/model/error-reports';

describe('errorReportLink', () => {
  it.each([
    [
      'a plain headline',
      'Council passes budget',
      'https://news.example.org/articles/budget/',
      'mailto:corrections@news.example.org?subject=Error%20report%3A%20Council%20passes%20budget&body=About%20https%3A%2F%2Fnews.example.org%2Farticles%2Fbudget%2F%0A%0AWhat%20is%20wrong%2C%20and%20how%20do%20you%20know%3F%0A',
    ],
    [
      'a headline with & ? # and quotes, which must not end the subject',
      'Q&A: “Why?” #1',
      'https://news.example.org/articles/q-a/',
      'mailto:corrections@news.example.org?subject=Error%20report%3A%20Q%26A%3A%20%E2%80%9CWhy%3F%E2%80%9D%20%231&body=About%20https%3A%2F%2Fnews.example.org%2Farticles%2Fq-a%2F%0A%0AWhat%20is%20wrong%2C%20and%20how%20do%20you%20know%3F%0A',
    ],
  ])('%s', (_label, headline, url, link) => {
    expect(errorReportLink('corrections@news.example.org', headline, url)).toBe(link);
  });

  it('keeps the headline and address through a mail program’s decoding', () => {
    const link = new URL(errorReportLink('corrections@news.example.org', 'Q&A: “Why?” #1', 'https://news.example.org/a/'));
    expect(link.pathname).toBe('corrections@news.example.org');
    expect(link.searchParams.get('subject')).toBe('Error report: Q&A: “Why?” #1');
    expect(link.searchParams.get('body')).toContain('https://news.example.org/a/');
  });

  it.each([['not an address'], ['a@b'], ['a@b.org?cc=someone@else.org'], ['a@b.org,c@d.org'], ['mailto:corrections@b.org'], ['']])('refuses %j as the address', (address) => {
    expect(() => errorReportLink(address, 'H', 'https://x.org/')).toThrow(`SITE.errorReportsTo: expected one e-mail address like corrections@example.org (no "mailto:"), found "${address}"`);
  });
});

describe('errorAddressProblem: what the content check says of the setting', () => {
  it.each([
    ['corrections@news.example.org', undefined],
    ['mailto:corrections@news.example.org', 'expected one e-mail address like corrections@example.org (no "mailto:"), found "mailto:corrections@news.example.org"'],
    ['corrections at news', 'expected one e-mail address like corrections@example.org (no "mailto:"), found "corrections at news"'],
  ])('%j', (address, problem) => {
    expect(errorAddressProblem(address)).toBe(problem);
  });
});
