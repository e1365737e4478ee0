import { describe, expect, it } from 'vitest';
import type { Author } from '../../src/model/authors';
import { jsonLd, profilePage } from '../../src/model/metadata';

const SITE_URL = 'https://example.org/';

/** An invented profile (fixture), as toAuthors makes it; `overrides` replaces fields. */
function author(overrides: Partial<Author> = {}): Author {
  return {
    slug: 'jane-roe',
    file: 'content/authors/jane-roe.yaml',
    name: 'Jane Roe',
    role: 'Europe correspondent (fixture)',
    bio: 'An invented correspondent who exists only in tests.',
    image: undefined,
    links: [],
    expertise: [],
    fediverse: undefined,
    ...overrides,
  };
}

describe('profilePage', () => {
  it.each([
    [
      'a full profile: links as sameAs, subjects as knowsAbout',
      author({
        image: { src: {}, alt: 'A portrait (fixture)', credit: 'Fixture Studio', digest: 'd1' },
        links: [
          { name: 'Bluesky', url: 'https://bsky.app/profile/jane-roe.example' },
          { name: 'Newsletter', url: 'https://newsletter.example/jane-roe' },
        ],
        expertise: ['Shipping', 'Maritime law'],
        fediverse: '@janeroe@social.example',
      }),
      {
        '@context': 'https://schema.org',
        '@type': 'ProfilePage',
        url: 'https://example.org/authors/jane-roe/',
        mainEntity: {
          '@type': 'Person',
          name: 'Jane Roe',
          jobTitle: 'Europe correspondent (fixture)',
          description: 'An invented correspondent who exists only in tests.',
          url: 'https://example.org/authors/jane-roe/',
          sameAs: ['https://bsky.app/profile/jane-roe.example', 'https://newsletter.example/jane-roe'],
          knowsAbout: ['Shipping', 'Maritime law'],
        },
      },
    ],
    [
      'a bare profile: no portrait, links or subjects, and no empty lists for them',
      author({ slug: 'john-doe', name: 'John Doe', role: 'Political editor (fixture)', bio: 'An invented editor.' }),
      {
        '@context': 'https://schema.org',
        '@type': 'ProfilePage',
        url: 'https://example.org/authors/john-doe/',
        mainEntity: {
          '@type': 'Person',
          name: 'John Doe',
          jobTitle: 'Political editor (fixture)',
          description: 'An invented editor.',
          url: 'https://example.org/authors/john-doe/',
        },
      },
    ],
  ])('%s', (_label, profile, expected) => {
    // Read back from the JSON the page carries: a key present but undefined would pass toEqual and vanish here.
    expect(JSON.parse(jsonLd(profilePage(profile, SITE_URL)))).toStrictEqual(expected);
  });

  it("gives the portrait's address as the Person's image when the page has one", () => {
    const { mainEntity } = profilePage(author(), SITE_URL, 'https://example.org/_astro/jane-roe.abc.jpg') as { mainEntity: Record<string, unknown> };
    expect(mainEntity['image']).toBe('https://example.org/_astro/jane-roe.abc.jpg');
  });

  it('leaves out what the profile leaves out, rather than writing it empty', () => {
    const { mainEntity } = profilePage(author(), SITE_URL) as { mainEntity: Record<string, unknown> };
    expect(Object.keys(mainEntity)).toEqual(['@type', 'name', 'jobTitle', 'description', 'url']);
  });

  it('keeps text that would end the script element inert in the page', () => {
    const html = jsonLd(profilePage(author({ bio: 'Writes </script><b>bold</b> & more (fixture).' }), SITE_URL));
    expect(html).not.toContain('</script>');
    expect((JSON.parse(html) as { mainEntity: { description: string } }).mainEntity.description).toBe('Writes </script><b>bold</b> & more (fixture).');
  });
});
