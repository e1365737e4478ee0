import type { PageNumber } from '../../src/model/pagination';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, articleSlug, authorSlug, mediaParam, pageParam, paths, rebaseRootPath, rebaserFor, routePatterns, routes, slugOf, withBase } from '../../src/model/urls';

describe('withBase', () => {
  it.each([
    ['/', '/', '/'],
    ['/', 'tags/', '/tags/'],
    ['/', '/tags/nato/', '/tags/nato/'],
    ['/news/', '/tags/', '/news/tags/'],
    ['/news', 'rss.xml', '/news/rss.xml'],
    ['news', '/', '/news/'],
    ['/a/b/', '//articles/x/', '/a/b/articles/x/'],
  ])('base %s + %s → %s', (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });
});

describe('paths (base "/" under vitest)', () => {
  it.each([
    [paths.home(), '/'],
    [paths.article('nato-chief'), '/articles/nato-chief/'],
    [paths.tags(), '/tags/'],
    [paths.tag('jens-stoltenberg'), '/tags/jens-stoltenberg/'],
    [paths.tag('中国'), '/tags/%E4%B8%AD%E5%9B%BD/'],
    [paths.rss(), '/rss.xml'],
    [paths.pagefind(), '/pagefind/pagefind.js'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it.each([
    ['/articles/x/', 'https://example.org', 'https://example.org/articles/x/'],
    ['/news/rss.xml', 'https://example.org/', 'https://example.org/news/rss.xml'],
    ['/news/', new URL('https://example.org'), 'https://example.org/news/'],
  ])('%s on %s', (path, site, expected) => {
    expect(absoluteUrl(path, site)).toBe(expected);
  });
});

describe('routes (no base) and the shapes built from them', () => {
  it.each([
    [routes.home(), '/'],
    [routes.home(1), '/page/1/'],
    [routes.home(2), '/page/2/'],
    [routes.tag('中国', 3), '/tags/%E4%B8%AD%E5%9B%BD/page/3/'],
    [routes.archiveMonth('2024', '06', 2), '/archive/2024/06/page/2/'],
    [routes.media('a-story', 'maps/harbour map.png'), '/media/a-story/maps/harbour%20map.png'],
    [routes.tagRss('c-sharp'), '/tags/c-sharp/rss.xml'],
    [routes.pagefind(), '/pagefind/pagefind.js'],
    [routePatterns.tagRss, '/tags/*/rss.xml'],
    [routePatterns.media, '/media/*'],
    [routePatterns.assets, '/_astro/*'],
  ])('%s is %s', (actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each<[PageNumber, string | undefined]>([
    ['front', undefined],
    [1, 'page/1'],
    [2, 'page/2'],
  ])('page %s has the route parameter %j', (page, param) => {
    expect(pageParam(page)).toBe(param);
  });

  it('joins a media parameter from slug and file name', () => {
    expect(mediaParam('a-story', 'maps/x.png')).toBe('a-story/maps/x.png');
  });
});

describe('articleSlug', () => {
  it.each([
    ['content/articles/nato-summit.md', 'nato-summit'],
    ['deep/folder/My Story.md', 'my-story'],
    ['C:\\copy\\Harbour.MD', 'harbour'],
    ['中国新闻.md', '中国新闻'],
  ])('%s → %s', (file, slug) => {
    expect(articleSlug(file)).toBe(slug);
  });
});

describe('rebaseRootPath', () => {
  it.each([
    ['/news/', '/tags/nato/', '/news/tags/nato/'],
    ['/news/', '/news/tags/nato/', '/news/tags/nato/'],
    ['/news/', '//cdn.example.org/x.png', '//cdn.example.org/x.png'],
    ['/news/', 'https://example.org/', 'https://example.org/'],
    ['/news/', './photo.jpg', './photo.jpg'],
    ['/news/', '#note', '#note'],
  ])('under %s, %s → %s', (base, address, rebased) => {
    expect(rebaseRootPath(base, address)).toBe(rebased);
  });

  it('is not needed at the root', () => {
    expect(rebaserFor('/')).toBeUndefined();
    expect(rebaserFor('/news/')?.('/tags/')).toBe('/news/tags/');
  });
});

describe('slugOf: the one slug rule (files and tags)', () => {
  it.each([
    ['My Story', {}, 'my-story'],
    ['Zu\u0308rich', {}, 'zürich'],
    ['Zürich', {}, 'zürich'],
    ['U.S. Congress', {}, 'us-congress'],
    ['中国', {}, '中国'],
    ['🇺🇦', {}, ''],
    ['🇺🇦', { symbols: true }, '1f1fa-1f1e6'],
    ['NATO 🔥', { symbols: true }, 'nato-'],
    ['!!!', { symbols: true }, ''],
    ['-', {}, '-'],
  ])('%j %j → %j', (text, options, slug) => {
    expect(slugOf(text, options)).toBe(slug);
  });

  it('fits one path segment, ending long slugs with a digest', () => {
    const slug = slugOf('中'.repeat(200));
    expect(new TextEncoder().encode(slug).length).toBeLessThanOrEqual(255);
    expect(slug).toMatch(/^中+-[0-9a-f]{8}$/);
  });
});

describe('authorSlug', () => {
  it.each([
    ['Jane Roe.yaml', 'jane-roe'],
    ['content/authors/jane-roe.yaml', 'jane-roe'],
    ['Zu\u0308rich Section.YAML', 'zürich-section'],
  ])('%s → %s', (file, slug) => {
    expect(authorSlug(file)).toBe(slug);
  });
});
