import { describe, expect, it } from 'vitest';
import { sectionProblem } from '../../src/checks/sections';
import { sectionFronts, SECTIONS, findSection } from '../../src/model/sections';

describe('SITE.sections', () => {
  it('gives every section a name and a slug of its own, each slug one plain URL segment', () => {
    expect(new Set(SECTIONS.map((section) => section.name.toLowerCase())).size).toBe(SECTIONS.length);
    expect(new Set(SECTIONS.map((section) => section.slug)).size).toBe(SECTIONS.length);
    for (const section of SECTIONS) expect(section.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("lists the seed article's section", () => {
    expect(findSection('Asia')).toEqual({ name: 'Asia', slug: 'asia' });
  });
});

describe('findSection', () => {
  const sections = [
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
    expect(findSection(name, sections)?.slug).toBe(slug);
  });
});

describe('sectionProblem', () => {
  const sections = [
    { name: 'World', slug: 'world' },
    { name: 'Politics', slug: 'politics' },
  ];
  it.each([
    ['Wrold', 'expected one of the sections World, Politics (src/site.ts), found "Wrold" (did you mean "World"?)'],
    ['Politcs', 'expected one of the sections World, Politics (src/site.ts), found "Politcs" (did you mean "Politics"?)'],
    ['Gardening', 'expected one of the sections World, Politics (src/site.ts), found "Gardening"'],
  ])('%j', (name, message) => {
    expect(sectionProblem(name, sections)).toBe(message);
  });
});

describe('sectionFronts', () => {
  const sections = [
    { name: 'World', slug: 'world' },
    { name: 'Politics', slug: 'politics' },
    { name: 'Europe', slug: 'europe' },
  ];
  it('keeps masthead order, drops sections without articles, and keeps each section’s articles in the order given', () => {
    const articles = [
      { id: 'a', section: 'Europe' },
      { id: 'b', section: 'World' },
      { id: 'c', section: 'Europe' },
    ];
    const fronts = sectionFronts(articles, (article) => article.section, sections);
    expect(fronts.map((front) => [front.slug, front.articles.map((article) => article.id)])).toEqual([
      ['world', ['b']],
      ['europe', ['a', 'c']],
    ]);
  });

  it('is empty for no articles', () => {
    expect(sectionFronts([], () => 'World', sections)).toEqual([]);
  });
});
