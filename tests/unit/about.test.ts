import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPages, pageClashes } from '../../src/checks/pages';
import { aboutPageNode, compareAboutPages, findRole, PAGE_ROLE_NAMES, principlesUrl, publisherNode, publisherOf } from '../../src/model/about';
import { pageSchema } from '../../src/schemas/page';
import { TMP } from '../support/paths';

const SITE_URL = 'https://news.example.org';

describe('findRole', () => {
  it.each([
    ['about', 'about'],
    [' Corrections-Policy ', 'corrections-policy'],
    ['UNNAMED-SOURCES', 'unnamed-sources'],
    ['CORRECTIONS_POLICY', 'corrections-policy'],
    ['Ownership funding', 'ownership-funding'],
    ['corrections', undefined],
    ['privacy', undefined],
    ['', undefined],
  ])('%j → %s', (typed, role) => {
    expect(findRole(typed)).toBe(role);
  });
});

describe('publisherNode: one NewsMediaOrganization, a policy only where a page holds it', () => {
  const base = {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': 'https://news.example.org/#publisher',
    name: 'Broadsheet',
    url: 'https://news.example.org/',
    logo: {
      '@type': 'ImageObject',
      url: 'https://news.example.org/logo.png',
      width: { '@type': 'QuantitativeValue', value: 512, unitCode: 'E37' },
      height: { '@type': 'QuantitativeValue', value: 512, unitCode: 'E37' },
    },
  };
  it.each([
    ['no pages: no policy property at all, none empty', [], {}],
    ['a page without a role: still none', [{ slug: 'privacy', role: undefined }], {}],
    [
      'each role its property',
      [
        { slug: 'about-us', role: 'about' },
        { slug: 'staff', role: 'masthead' },
        { slug: 'code', role: 'ethics' },
        { slug: 'fixes', role: 'corrections-policy' },
        { slug: 'checks', role: 'verification' },
        { slug: 'anonymity', role: 'unnamed-sources' },
        { slug: 'owners', role: 'ownership-funding' },
        { slug: 'diversity', role: 'diversity' },
        { slug: 'talk-to-us', role: 'feedback' },
      ],
      {
        publishingPrinciples: 'https://news.example.org/about/about-us/',
        masthead: 'https://news.example.org/about/staff/',
        ethicsPolicy: 'https://news.example.org/about/code/',
        correctionsPolicy: 'https://news.example.org/about/fixes/',
        verificationFactCheckingPolicy: 'https://news.example.org/about/checks/',
        unnamedSourcesPolicy: 'https://news.example.org/about/anonymity/',
        ownershipFundingInfo: 'https://news.example.org/about/owners/',
        diversityPolicy: 'https://news.example.org/about/diversity/',
        actionableFeedbackPolicy: 'https://news.example.org/about/talk-to-us/',
      },
    ],
    ['the contact page as a ContactPoint', [{ slug: 'contact', role: 'contact' }], { contactPoint: { '@type': 'ContactPoint', contactType: 'newsroom', url: 'https://news.example.org/about/contact/' } }],
  ] as const)('%s', (_label, pages, policies) => {
    expect(publisherNode(publisherOf(pages), SITE_URL)).toStrictEqual({ ...base, ...policies });
  });

  it.each([
    ['with an about page', [{ slug: 'about-us', role: 'about' as const }], 'https://news.example.org/about/about-us/'],
    ['without one', [{ slug: 'code', role: 'ethics' as const }], undefined],
  ])("an article's publishingPrinciples %s", (_label, pages, url) => {
    expect(principlesUrl(publisherOf(pages), SITE_URL)).toBe(url);
  });

  it.each([
    ['about', { '@type': 'AboutPage', about: { '@id': 'https://news.example.org/#publisher' } }],
    [undefined, { '@type': 'WebPage' }],
    ['ethics', { '@type': 'WebPage' }],
  ] as const)('a page with role %s is typed as such', (role, typed) => {
    expect(aboutPageNode({ slug: 'p', title: 'T', description: 'D', role }, SITE_URL)).toStrictEqual({
      '@context': 'https://schema.org',
      name: 'T',
      description: 'D',
      url: 'https://news.example.org/about/p/',
      publisher: { '@id': 'https://news.example.org/#publisher' },
      ...typed,
    });
  });
});

describe('/about/ lists pages by role, then by title', () => {
  it('in PAGE_ROLES order, pages without a role last', () => {
    const pages = [
      { slug: 'z', title: 'Privacy', role: undefined },
      { slug: 'c', title: 'Fixes', role: 'corrections-policy' as const },
      { slug: 'a', title: 'About', role: 'about' as const },
      { slug: 'y', title: 'Accessibility', role: undefined },
    ];
    expect(pages.toSorted(compareAboutPages).map((page) => page.slug)).toEqual(['a', 'c', 'y', 'z']);
    expect(PAGE_ROLE_NAMES.slice(0, 2)).toEqual(['about', 'masthead']);
  });
});

describe('pageSchema', () => {
  it.each([
    ['a role in any case', { title: 'T', description: 'D', role: 'Ethics' }, { title: 'T', description: 'D', role: 'ethics' }],
    ['no role', { title: 'T', description: 'D' }, { title: 'T', description: 'D' }],
  ])('accepts %s', (_label, data, parsed) => {
    expect(pageSchema.parse(data)).toEqual(parsed);
  });
});

describe('checkPages names the file and the field', () => {
  const dir = join(TMP, 'pages-check');
  const page = (front: string, body = 'Text.\n') => `---\n${front}---\n\n${body}`;
  const VALID = 'title: Ethics\ndescription: Our code.\n';

  it.each([
    ['a misspelt role', page(`${VALID}role: ethic\n`), 'role', 'expected one of the roles about, masthead, ethics, corrections-policy, verification, unnamed-sources, ownership-funding, contact, diversity, feedback, found "ethic" (did you mean "ethics"?)'],
    ['a role cut short', page(`${VALID}role: corrections\n`), 'role', 'expected one of the roles about, masthead, ethics, corrections-policy, verification, unnamed-sources, ownership-funding, contact, diversity, feedback, found "corrections" (did you mean "corrections-policy"?)'],
    ['a missing description', page('title: Ethics\n'), 'description', 'missing: this field is required, expected a description (one sentence) as text'],
    ['an unknown field', page(`${VALID}published: 2024-06-18\n`), 'published', 'unknown field "published": expected only title, description, role'],
    ['no front matter', 'Just text.\n', 'front matter', 'expected a front-matter block between --- lines at the top of the file, with title and description'],
    ['an empty body', page(VALID, ''), 'body', "expected the page's text after the front matter, found none"],
    [
      'a local picture',
      page(VALID, '![Our newsroom](./newsroom.jpg)\n'),
      'body',
      '"./newsroom.jpg": expected no local pictures, media files or links to files beside the page: pages publish no files of their own; put the file in public/ and link it from the site root (/picture.png), link another page by its site path (/about/ethics/), or use an https address',
    ],
    [
      'a raw link to a file beside it',
      page(VALID, '<a href="./code.pdf">the code</a>\n'),
      'body',
      '"./code.pdf": expected no local pictures, media files or links to files beside the page: pages publish no files of their own; put the file in public/ and link it from the site root (/picture.png), link another page by its site path (/about/ethics/), or use an https address',
    ],
    [
      'a link to a file beside it',
      page(VALID, 'Read [the code](./code.pdf).\n'),
      'body',
      '"./code.pdf": expected no local pictures, media files or links to files beside the page: pages publish no files of their own; put the file in public/ and link it from the site root (/picture.png), link another page by its site path (/about/ethics/), or use an https address',
    ],
  ])('%s', (_label, text, field, message) => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ethics.md'), text);
    expect(checkPages(dir)).toContainEqual({ file: relative(process.cwd(), join(dir, 'ethics.md')), field, message });
  });

  it('says what a page will not show as written: a script, a frame from an unknown host, a picture it cannot publish', () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'ethics.md'), page(VALID, 'Text.\n\n<script>alert(1)</script>\n\n<iframe src="https://evil.example/"></iframe>\n\n<img src="./raw.png" alt="Raw">\n\n<a href="&#106;avascript:x">entity</a>\n'));
    const notices: { file: string; field: string; message: string }[] = [];
    expect(checkPages(dir, notices)).toEqual([]);
    expect(notices.map((notice) => notice.field)).toEqual(['body', 'body', 'body']);
    expect(notices.map((notice) => notice.message).join('\n')).toMatch(/raw\.png[^]*script[^]*evil\.example/);
  });

  it('passes the repository\'s own pages and the newsroom fixtures\' pages', () => {
    expect(checkPages(join(process.cwd(), 'content/pages'))).toEqual([]);
    expect(checkPages(join(process.cwd(), 'tests/fixtures/corpora/newsroom/pages'))).toEqual([]);
  });

  it('refuses two pages with one role, and two files with one address, naming the other file', () => {
    expect(
      pageClashes([
        { file: 'pages/ethics.md', slug: 'ethics', role: 'ethics' },
        { file: 'pages/code.md', slug: 'code', role: 'ethics' },
        { file: 'pages/Code.md', slug: 'code', role: undefined },
      ]),
    ).toEqual([
      { file: 'pages/ethics.md', field: 'role', message: 'expected one page with the role ethics: pages/code.md has it too' },
      { file: 'pages/code.md', field: 'role', message: 'expected one page with the role ethics: pages/ethics.md has it too' },
      { file: 'pages/code.md', field: 'file', message: 'expected a unique URL: pages/Code.md also becomes /about/code/' },
      { file: 'pages/Code.md', field: 'file', message: 'expected a unique URL: pages/code.md also becomes /about/code/' },
    ]);
  });
});
