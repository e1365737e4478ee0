import { describe, expect, it } from 'vitest';
import { deskProblem } from '../../src/checks/desks';
import { deskFronts, DESKS, findDesk } from '../../src/model/desks';

describe('SITE.desks', () => {
  it('gives every desk a name and a slug of its own, each slug one plain URL segment', () => {
    expect(new Set(DESKS.map((desk) => desk.name.toLowerCase())).size).toBe(DESKS.length);
    expect(new Set(DESKS.map((desk) => desk.slug)).size).toBe(DESKS.length);
    for (const desk of DESKS) expect(desk.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("lists the seed article's desk", () => {
    expect(findDesk('Asia')).toEqual({ name: 'Asia', slug: 'asia' });
  });
});

describe('findDesk', () => {
  const desks = [
    { name: 'World', slug: 'world' },
    { name: 'Middle East', slug: 'middle-east' },
  ];
  it.each([
    ['World', 'world'],
    ['world', 'world'],
    [' middle\u00a0 EAST ', 'middle-east'],
    ['Wor\u200bld', 'world'],
    ['Worlds', undefined],
    ['middle-east', undefined],
    ['', undefined],
  ])('%j → %s', (name, slug) => {
    expect(findDesk(name, desks)?.slug).toBe(slug);
  });
});

describe('deskProblem', () => {
  const desks = [
    { name: 'World', slug: 'world' },
    { name: 'Politics', slug: 'politics' },
  ];
  it.each([
    ['Wrold', 'expected one of the desks World, Politics (src/site.ts), found "Wrold" (did you mean "World"?)'],
    ['Politcs', 'expected one of the desks World, Politics (src/site.ts), found "Politcs" (did you mean "Politics"?)'],
    ['Gardening', 'expected one of the desks World, Politics (src/site.ts), found "Gardening"'],
  ])('%j', (name, message) => {
    expect(deskProblem(name, desks)).toBe(message);
  });
});

describe('deskFronts', () => {
  const desks = [
    { name: 'World', slug: 'world' },
    { name: 'Politics', slug: 'politics' },
    { name: 'Europe', slug: 'europe' },
  ];
  it('keeps masthead order, drops desks without articles, and keeps each desk’s articles in the order given', () => {
    const articles = [
      { id: 'a', desk: 'Europe' },
      { id: 'b', desk: 'World' },
      { id: 'c', desk: 'Europe' },
    ];
    const fronts = deskFronts(articles, (article) => article.desk, desks);
    expect(fronts.map((front) => [front.slug, front.articles.map((article) => article.id)])).toEqual([
      ['world', ['b']],
      ['europe', ['a', 'c']],
    ]);
  });

  it('is empty for no articles', () => {
    expect(deskFronts([], () => 'World', desks)).toEqual([]);
  });
});
