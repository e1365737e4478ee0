import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProfiles } from '../../src/checks/authors';

const checkAuthors = (dir: string) => checkProfiles(dir).problems;
import { bylineNames, profileIndex } from '../../src/model/authors';
import { ROOT, TMP } from '../support/paths';

const FIXTURE_PHOTO = join(ROOT, 'tests/fixtures/corpora/pictures/photo.jpg');
const VALID = 'name: Jane Roe\nrole: Correspondent (fixture)\nbio: An invented author for tests.\n';

/** A folder of profiles (file name → YAML), written afresh; returns the folder. */
function profiles(name: string, files: Record<string, string>): string {
  const dir = join(TMP, 'authors-check', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('checkAuthors', () => {
  it('passes the newsroom fixture profiles', () => {
    expect(checkAuthors(join(ROOT, 'tests/fixtures/corpora/newsroom/authors'))).toEqual([]);
  });

  it.each([
    ['an unknown field', `${VALID}twitter: "@jane"\n`, 'twitter', 'unknown field "twitter": expected only name, role, bio, image, links, expertise, fediverse'],
    ['a missing role', 'name: Jane Roe\nbio: B.\n', 'role', 'missing: this field is required, expected the author\'s role, e.g. "Asia correspondent" as text'],
    ['a link without an address', `${VALID}links:\n  - name: Bluesky\n`, 'links.0.url', 'expected an absolute http(s) address like https://example.com/story'],
    ['a javascript: link', `${VALID}links:\n  - name: X\n    url: "javascript:alert(1)"\n`, 'links.0.url', 'expected an absolute http(s) address like https://example.com/story'],
    ['a portrait without alt text', `${VALID}image:\n  src: ./jane.jpg\n`, 'image.alt', 'missing: this field is required, expected alt text as text'],
    // YAML errors in the words front matter gets (src/checks/front-matter.ts).
    ['a broken YAML quote', 'name: "Jane\nrole: R\n', 'name', 'line 1, column 7: expected the closing " of this value on its line, found none'],
    ['a list never closed', `${VALID}links: [Bluesky\n`, 'links', 'line 4, column 8: expected the closing ] of this list on its line (or a missing comma), found none'],
    ['a portrait given as a web address', `${VALID}image:\n  src: https://photos.example/jane.jpg\n  alt: Jane (fixture)\n`, 'image.src', 'picture "https://photos.example/jane.jpg": expected a picture file beside the profile, as a relative path like ./portrait.jpg'],
    // Subjects: a list of one or more, each once.
    ['an empty list of subjects', `${VALID}expertise: []\n`, 'expertise', 'expected at least one subject'],
    ['subjects as one text', `${VALID}expertise: Asia\n`, 'expertise', 'expected a list of subjects, found "Asia"'],
    ['a subject twice, in another case', `${VALID}expertise: [Shipping, shipping]\n`, 'expertise.1', 'expected each subject once, found "shipping" again (as "Shipping")'],
    ['an empty subject', `${VALID}expertise: [Shipping, ""]\n`, 'expertise.1', 'expected a subject, found an empty value'],
    // A fediverse handle is @name@host, nothing else.
    ['a handle without its leading @', `${VALID}fediverse: jane@social.example\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "jane@social.example"'],
    ['a handle without a host', `${VALID}fediverse: "@jane"\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "@jane"'],
    ['a handle whose host has no dot', `${VALID}fediverse: "@jane@localhost"\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "@jane@localhost"'],
    ['a handle with a space in the name', `${VALID}fediverse: "@ja ne@x.org"\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "@ja ne@x.org"'],
    ['a profile address instead of a handle', `${VALID}fediverse: https://social.example/@jane\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "https://social.example/@jane"'],
    ['a handle with a port', `${VALID}fediverse: "@jane@social.example:443"\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "@jane@social.example:443"'],
    ['a handle whose host is an IP address', `${VALID}fediverse: "@jane@192.0.2.1"\n`, 'fediverse', 'expected a fediverse handle like @name@host, found "@jane@192.0.2.1"'],
    ['a handle without quotes, which YAML cannot read', `${VALID}fediverse: @jane@social.example\n`, 'fediverse', 'line 4, column 12: expected a field (name: value) on this line, found text YAML cannot read'],
    ['a handle given as a number', `${VALID}fediverse: 12\n`, 'fediverse', 'expected a fediverse handle as text, found 12'],
  ])('names the field for %s', (_label, yaml, field, message) => {
    const dir = profiles('one', { 'jane-roe.yaml': yaml });
    const [problem] = checkAuthors(dir);
    expect(problem?.file).toBe(relative(process.cwd(), join(dir, 'jane-roe.yaml')));
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(message);
  });

  it.each([
    ['subjects and a handle', 'expertise: [Shipping, Maritime law]\nfediverse: "@jane@social.example"\n'],
    ['a handle with dots, digits, _ and - in the name and a deep host', 'fediverse: "@jane.roe_2-x@eu.social-1.example"\n'],
    ['subjects in flow and block style, one in non-Latin script', 'expertise:\n  - 港口\n  - "Trade, tariffs"\n'],
  ])('accepts %s', (_label, yaml) => {
    expect(checkAuthors(profiles('accepts', { 'jane-roe.yaml': `${VALID}${yaml}` }))).toEqual([]);
  });

  it('refuses a portrait that is not there, naming where it looked', () => {
    const dir = profiles('missing-portrait', { 'jane-roe.yaml': `${VALID}image:\n  src: ./jane.jpg\n  alt: Jane (fixture)\n` });
    expect(checkAuthors(dir)).toEqual([
      { file: relative(process.cwd(), join(dir, 'jane-roe.yaml')), field: 'image.src', message: `picture "./jane.jpg": expected a file at ${join(dir, 'jane.jpg')}, found none` },
    ]);
  });

  it('accepts a portrait beside the profile', () => {
    const dir = profiles('portrait', { 'jane-roe.yaml': `${VALID}image:\n  src: ./jane.jpg\n  alt: Jane (fixture)\n  credit: Fixture Studio\n` });
    copyFileSync(FIXTURE_PHOTO, join(dir, 'jane.jpg'));
    expect(checkAuthors(dir)).toEqual([]);
  });

  it('refuses two profiles with one name, and two files that slug alike, naming both', () => {
    const dir = profiles('twins', { 'jane-roe.yaml': VALID, 'jane.yaml': VALID, 'Jane Roe.yaml': VALID.replace('Jane Roe', 'Jane Roe II') });
    const found = checkAuthors(dir).map((problem) => [relative(dir, problem.file), problem.field, problem.message.split(' (also')[0]]);
    expect(found).toEqual([
      ['Jane Roe.yaml', 'file', 'expected a file name no other profile slugs alike: both would be /authors/jane-roe/'],
      ['jane-roe.yaml', 'name', 'expected a name no other profile has (in any case): a byline "Jane Roe" could not say whose page it links to'],
      ['jane-roe.yaml', 'file', 'expected a file name no other profile slugs alike: both would be /authors/jane-roe/'],
      ['jane.yaml', 'name', 'expected a name no other profile has (in any case): a byline "Jane Roe" could not say whose page it links to'],
    ]);
  });

  it.each([
    ['differing only in case', 'jane roe'],
    ['typed with a zero-width space and two spaces', 'Jane\u200b  Roe'],
  ])('refuses two profiles whose names differ only %s', (_label, other) => {
    const dir = profiles('near-twins', { 'jane-roe.yaml': VALID, 'other.yaml': VALID.replace('Jane Roe', other) });
    expect(checkAuthors(dir).map((problem) => problem.field)).toEqual(['name', 'name']);
  });

  it('refuses a profile that is not UTF-8', () => {
    const dir = profiles('latin-1', {});
    writeFileSync(join(dir, 'cafe.yaml'), Buffer.from('name: Caf\xe9 Writer\nrole: r\nbio: b\n', 'latin1'));
    expect(checkAuthors(dir).map((problem) => [problem.field, problem.message])).toEqual([['file', 'expected UTF-8 text, found a byte sequence that is not UTF-8 at byte 9 (save the file as UTF-8)']]);
  });

  it('says a .yml profile would be skipped, and ignores other files', () => {
    const dir = profiles('extensions', { 'jane-roe.yml': VALID, 'README.md': '# Profiles\n', '.hidden.yaml': 'nonsense: [' });
    expect(checkAuthors(dir).map((problem) => [relative(dir, problem.file), problem.field, problem.message])).toEqual([
      ['jane-roe.yml', 'file', 'expected the extension .yaml, found ".yml": the build reads only .yaml profiles'],
    ]);
  });
});

describe('bylineNames', () => {
  const index = profileIndex([
    { name: 'Jane Roe', slug: 'jane-roe', fediverse: '@janeroe@social.example' },
    { name: 'John Doe', slug: 'john-doe', fediverse: undefined },
  ]);
  it.each([
    [['Jane Roe'], [{ name: 'Jane Roe', author: 'jane-roe', fediverse: '@janeroe@social.example' }]],
    [['John Doe'], [{ name: 'John Doe', author: 'john-doe', fediverse: undefined }]],
    [['Jane Roe', 'Guest Writer'], [{ name: 'Jane Roe', author: 'jane-roe', fediverse: '@janeroe@social.example' }, { name: 'Guest Writer', author: undefined, fediverse: undefined }]],
    // Only an exact name links: a near miss could credit the wrong person.
    [['jane roe', 'J. Roe'], [{ name: 'jane roe', author: undefined }, { name: 'J. Roe', author: undefined }]],
    [[], []],
  ])('%j', (names, expected) => {
    expect(bylineNames(names, index)).toEqual(expected);
  });
});

describe('checkContent and damaged pictures', () => {
  it('refuses a picture cut short, in an article and in a profile, naming file and field', async () => {
    const { checkContent } = await import('../../src/checks/content');
    const sharp = (await import('sharp')).default;
    const dir = join(TMP, 'authors-check', 'truncated');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'articles'), { recursive: true });
    mkdirSync(join(dir, 'authors'), { recursive: true });
    // A noisy photo, so the cut falls inside the pixel data, not the header.
    const noise = Buffer.alloc(400 * 300 * 3);
    for (let i = 0; i < noise.length; i += 1) noise[i] = (i * 2654435761) >>> 24;
    const whole = await sharp(noise, { raw: { width: 400, height: 300, channels: 3 } }).jpeg().toBuffer();
    const cut = whole.subarray(0, Math.floor(whole.length / 3));
    writeFileSync(join(dir, 'articles', 'cut.jpg'), cut);
    writeFileSync(join(dir, 'articles', 'whole.jpg'), whole);
    writeFileSync(join(dir, 'authors', 'cut.jpg'), cut);
    const article = (src: string) =>
      `---\ntitle: T\nstandfirst: S\npublished: 2024-06-18\nsection: World\ntags: [X]\nimage:\n  src: ${src}\n  alt: A fixture photo\n  caption: C\n---\n\nBody.\n`;
    writeFileSync(join(dir, 'articles', 'cut.md'), article('./cut.jpg'));
    writeFileSync(join(dir, 'articles', 'whole.md'), article('./whole.jpg'));
    writeFileSync(join(dir, 'authors', 'jane-roe.yaml'), `${VALID}image:\n  src: ./cut.jpg\n  alt: Jane (fixture)\n`);
    const problems = await checkContent(join(dir, 'articles'), { authors: join(dir, 'authors') });
    expect(problems.map((problem) => [relative(dir, problem.file), problem.field, problem.message.split(' at ')[0]])).toEqual([
      [join('articles', 'cut.md'), 'image.src', 'picture "./cut.jpg": expected a picture that decodes whole, found a damaged or cut-short file'],
      [join('authors', 'jane-roe.yaml'), 'image.src', 'picture "./cut.jpg": expected a picture that decodes whole, found a damaged or cut-short file'],
    ]);
  });
});

describe('damagedPictures with verdicts kept between builds', () => {
  it('decodes a picture once per content: a kept verdict is used as it is, a new one is kept', async () => {
    const { damagedPictures, fileDigest } = await import('../../src/checks/media');
    const photo = join(ROOT, 'tests/fixtures/corpora/pictures/photo.jpg');
    const map = join(ROOT, 'tests/fixtures/corpora/pictures/map.png');
    const kept = new Map<string, string | null>([[fileDigest(photo), 'judged damaged by an earlier build']]);
    const store = { get: (digest: string) => kept.get(digest), set: (digest: string, verdict: string | null) => void kept.set(digest, verdict) };
    const uses = [photo, map].map((fsPath) => ({ file: 'story.md', field: 'body', source: `./${fsPath.split('/').pop()}`, fsPath }));
    const problems = await damagedPictures(uses, store);
    // The photo decodes whole, so only the kept verdict can have said otherwise: it was not decoded again.
    expect(problems.map((problem) => problem.message.split(':')[0])).toEqual(['picture "./photo.jpg"']);
    expect(kept.get(fileDigest(map))).toBeNull();
  });
});
