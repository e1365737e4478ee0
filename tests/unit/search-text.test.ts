import { describe, expect, it } from 'vitest';
import { searchPage } from '../../src/search/page';
import { separateWords } from '../../src/text';

describe('separateWords', () => {
  it.each([
    // Word boundaries are ICU's dictionary's (it splits 气象台, weather station, as 气象 台); queries split alike.
    ['zh-Hans', '港口管理局和气象台', '港口 管理局 和 气象 台'],
    ['ja', '中国に代償を', '中国 に 代償 を'],
    ['th', 'นาโตกล่าวว่า', 'นา โต กล่าว ว่า'],
    ['en', 'NATO chief: West should act', 'NATO chief: West should act'],
    ['ar', 'نص تجريبي', 'نص تجريبي'],
    ['en', 'Talks in 北京 ended', 'Talks in 北京 ended'],
    ['zh-Hans', '测试样稿：中文文章。', '测试 样 稿：中文 文章。'],
  ])('%s: %s → %s', (locale, text, separated) => {
    expect(separateWords(text, locale)).toBe(separated);
  });
});

describe('searchPage', () => {
  const page = searchPage({
    title: 'A <b>bold</b> claim',
    standfirst: 'Summary & more',
    html: '<p>Body text.</p><figure class="figure"><img src="./p.jpg" alt="A quay"><figcaption>Caption</figcaption></figure>',
    language: 'en',
  });

  it('holds the headline as the result title, the standfirst and the body, escaped', () => {
    expect(page).toContain('<h1 data-pagefind-meta="title">A &#x3C;b>bold&#x3C;/b> claim</h1>');
    expect(page).toContain('<p>Summary &#x26; more</p>');
    expect(page).toContain('<p>Body text.</p>');
    expect(page).toContain('<figcaption>Caption</figcaption>');
    expect(page).toContain('<main data-pagefind-body="">');
  });

  it('leaves pictures out', () => {
    expect(page).not.toContain('<img');
  });

  it('adds the separated headline where separating changes it', () => {
    const chinese = searchPage({ title: '中文文章', standfirst: '样稿', html: '<p>气象台</p>', language: 'zh-Hans' });
    expect(chinese).toContain('<h1 data-pagefind-meta="title">中文文章</h1><h2>中文 文章</h2>');
    expect(page).not.toContain('<h2>');
  });
});
