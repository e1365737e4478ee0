import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent, checkFile, type ContentProblem } from '../../src/checks/content';
import { pictureFileName } from '../../src/checks/media';
import { ROOT, TMP } from '../support/paths';

const BROKEN = join(ROOT, 'tests/fixtures/broken');
const DATE = 'expected the publication date as a date like 2024-06-18 or a date and time like 2024-06-18T09:30:00-04:00';
const FIELDS = 'expected only title, standfirst, published, updated, section, dateline, type, prominence, series, part, tags, source, byline, image, language, corrections, live, draft';

/** Every broken article, the field it must be blamed on, and what the message must say. */
const EXPECTED: [file: string, field: string, message: string][] = [
  ['missing-title.md', 'title', 'missing: this field is required, expected a headline as text'],
  ['empty-title.md', 'title', 'expected a headline, found an empty value'],
  ['missing-standfirst.md', 'standfirst', 'missing: this field is required, expected a standfirst (the summary under the headline) as text'],
  ['missing-published.md', 'published', `missing: this field is required, ${DATE}`],
  ['unparsable-date.md', 'published', `${DATE}, found "18/06/2024"`],
  ['impossible-date.md', 'published', `${DATE}, found "2024-02-30": February 2024 has 29 days`],
  ['updated-before-published.md', 'updated', 'expected the update date to be on or after the publication date'],
  // The handed input: a missing section used to read as if it held something of the wrong kind.
  ['missing-section.md', 'section', 'missing: this field is required, expected a section name as text'],
  ['numeric-section.md', 'section', 'expected a section name as text, found 42 (put the value in double quotes to keep it as typed)'],
  ['missing-tags.md', 'tags', 'missing: this field is required, expected a list of tags'],
  ['empty-tags.md', 'tags', 'expected at least one tag'],
  ['tags-as-text.md', 'tags', 'expected a list of tags, found "Testing"'],
  ['punctuation-tag.md', 'tags.0', 'expected a tag with at least one letter, digit or emoji'],
  ['unknown-field.md', 'author', `unknown field "author": ${FIELDS}`],
  // The handed input: a misspelt field names the field it probably is.
  ['misspelt-field.md', 'standfrist', `unknown field "standfrist" (did you mean "standfirst"?): ${FIELDS}`],
  ['misspelt-field.md', 'standfirst', 'missing: this field is required, expected a standfirst (the summary under the headline) as text'],
  ['relative-source-url.md', 'source.url', 'expected an absolute http(s) address like https://example.com/story'],
  ['javascript-source-url.md', 'source.url', 'expected an absolute http(s) address like https://example.com/story'],
  ['source-without-name.md', 'source.name', 'expected the source publication name as text'],
  ['source-unknown-field.md', 'source.date', 'unknown field "date": expected only name, url'],
  ['empty-byline.md', 'byline', 'expected at least one name'],
  ['byline-as-text.md', 'byline', 'expected a list of names, found "Jane Roe"'],
  ['image-without-caption.md', 'image.caption', 'missing: this field is required, expected a caption as text'],
  ['image-without-alt.md', 'image.alt', 'expected alt text describing the picture when src is given'],
  ['image-file-missing.md', 'image.src', 'picture "./no-such-photo.jpg": expected a file at'],
  ['figure-past-the-end.md', 'image.afterParagraph', "expected at most 1 (the body's paragraph count), found 3"],
  ['figure-negative-position.md', 'image.afterParagraph', 'expected a whole number of paragraphs, 0 or more'],
  ['draft-as-words.md', 'draft', 'expected true or false, found "yes"'],
  ['empty-body.md', 'body', 'expected the article text below the front matter, found nothing'],
  ['no-front-matter.md', 'front matter', 'expected a front-matter block between --- lines at the top of the file'],
  ['broken-yaml.md', 'title', 'line 2, column 8: expected the closing ] of this list on its line (or a missing comma), found none'],
  // The handed input: a control character inside a quoted title, with the line, field and column it is at.
  ['control-character-in-title.md', 'title', 'line 2, column 32: expected text without control characters, found U+0007, which YAML does not allow inside quotes: delete it'],
  ['unclosed-quote.md', 'title', 'line 2, column 8: expected the closing " of this value on its line, found none'],
  ['skipped-time.md', 'published', 'expected the publication date as a time that happened in America/New_York, found "2024-03-10 02:30": clocks went forward that night and skipped it. Give the offset it was meant in, e.g. 2024-03-10T02:30:00-05:00'],
  ['repeated-time.md', 'published', 'which happened twice: clocks went back that night. Give its offset: 2024-11-03T01:30:00-04:00 for the first, 2024-11-03T01:30:00-05:00 for the second'],
  ['body-image-missing.md', 'body', 'picture "./no-such-map.png": expected a file at'],
  ['latin-1.md', 'file', 'expected UTF-8 text, found a byte sequence that is not UTF-8 at byte 15'],
  ['duplicate-slug.md', 'file', 'expected a unique URL: tests/fixtures/broken/folder/duplicate-slug.md also becomes /articles/duplicate-slug/'],
  ['folder/duplicate-slug.md', 'file', 'expected a unique URL: tests/fixtures/broken/duplicate-slug.md also becomes /articles/duplicate-slug/'],
  ['tag-c-sharp.md', 'tags', 'expected tags that keep their own page: "C#" (U+0043 U+0023) and "C" (U+0043) would share /tags/c/'],
  ['tag-c.md', 'tags', 'expected tags that keep their own page: "C" (U+0043) and "C#" (U+0043 U+0023) would share /tags/c/'],
  ['unknown-type.md', 'type', 'expected one of the types news, analysis, opinion, explainer, review, interview, obituary, letter, sponsored, found "analysys" (did you mean "analysis"?)'],
  ['part-without-series.md', 'part', 'expected a series with the part: name the series this is part of, or leave part out'],
  // Two pieces claiming one part, each naming the other, though one fails for another reason too.
  ['part-clash-a.md', 'part', 'expected one piece per part of a series: tests/fixtures/broken/part-clash-b.md also claims part 2 of "Harbour Inquiry" (renumber one of them)'],
  ['part-clash-b.md', 'part', 'expected one piece per part of a series: tests/fixtures/broken/part-clash-a.md also claims part 2 of "harbour inquiry" (renumber one of them)'],
  ['part-clash-b.md', 'section', 'found "Asai" (did you mean "Asia"?)'],
];

describe('checkContent on a corpus of broken articles', async () => {
  const previous = process.cwd();
  process.chdir(ROOT);
  const problems: ContentProblem[] = await checkContent(BROKEN).finally(() => process.chdir(previous));
  const at = (file: string) => relative(ROOT, join(BROKEN, file));

  it('covers at least 30 broken files', () => {
    expect(new Set(EXPECTED.map(([file]) => file)).size).toBeGreaterThanOrEqual(30);
  });

  it.each(EXPECTED)('%s: blames %s', (file, field, message) => {
    const found = problems.filter((problem) => problem.file === at(file) && problem.field === field);
    expect(found.map((problem) => problem.message).join('\n')).toContain(message);
  });

  it('reports nothing it was not expected to', () => {
    const expected = new Set(EXPECTED.map(([file, field]) => `${at(file)} ${field}`));
    expect(problems.map((problem) => `${problem.file} ${problem.field}`).filter((key) => !expected.has(key))).toEqual([]);
  });

  it('finds nothing wrong with the real content', async () => {
    expect(await checkContent(join(ROOT, 'content/articles'))).toEqual([]);
  });
});

describe('picture paths', () => {
  it.each([
    ['./harbour%20map.png', './harbour map.png'],
    ['harbour%20map.png', 'harbour map.png'],
    ['maps/harbour%20map.png', 'maps/harbour map.png'],
    ['./harbour map.png', './harbour map.png'],
    ['./caf%C3%A9.jpg', './café.jpg'],
    ['./100%.png', './100%.png'],
  ])('%s names the file %s', (source, file) => {
    expect(pictureFileName(source)).toBe(file);
  });

  it('agree with the render: every way of writing a path in the real-copy corpus finds its file', async () => {
    expect(await checkContent(join(ROOT, 'tests/fixtures/corpora/real-copy'))).toEqual([]);
  });
});

describe('files and pictures the build could not use', () => {
  const dir = join(TMP, 'check-files');
  const article = (extra = '', body = 'Text.') =>
    `---\ntitle: "T"\nstandfirst: "S"\npublished: 2024-06-18\nsection: World\ntags: [X]\n${extra}---\n\n${body}\n`;
  // A whole picture (the check decodes every pixel), from the picture fixtures.
  const PNG = readFileSync(join(ROOT, 'tests/fixtures/corpora/pictures/map.png'));
  const problems = async () => (await checkContent(dir)).map((p) => `${relative(dir, join(ROOT, p.file))} ${p.field}: ${p.message}`);

  beforeEach(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  });

  it.each([
    ['pic.apng', PNG, 'expected a picture in JPEG, PNG, WebP, AVIF or GIF'],
    ['pic.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>'), 'expected a picture in JPEG, PNG, WebP, AVIF or GIF'],
    ['pic.heic', Buffer.alloc(32), 'expected a picture in JPEG, PNG, WebP, AVIF or GIF'],
    ['fake.png', Buffer.from('this is not a png, it is an error page'), 'expected a PNG picture at'],
    ['empty.jpg', Buffer.alloc(0), 'expected a JPEG picture at'],
  ])('refuses %s, saying why', async (name, bytes, message) => {
    writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'story.md'), article('', `![A picture](./${name})`));
    expect((await problems()).join('\n')).toContain(`story.md body: picture "./${name}": ${message}`);
  });

  const MP3 = readFileSync(join(ROOT, 'tests/fixtures/corpora/newsroom-media/interview.mp3'));
  it.each([
    // The files an <audio> or <video> names are checked like pictures: there, of their kind, what they say they are.
    ['<audio src="./talk.mp3"></audio>', [], 'file "./talk.mp3": expected a file at'],
    ['<audio src="./talk.mp3"></audio>', [['talk.mp3', Buffer.from('<html>error page</html>')]], 'file "./talk.mp3": expected a file of type audio/mpeg at'],
    ['<audio src="./talk.flac"></audio>', [['talk.flac', MP3]], 'file "./talk.flac": expected a sound or video file in MP4, M4A, WebM, MP3, Ogg or WAV, or a WebVTT track'],
    ['<video controls>\n<source src="./clip.webm" type="video/webm">\n</video>', [], 'file "./clip.webm": expected a file at'],
    ['<video src="./clip.webm" poster="./still.jpg"></video>', [['clip.webm', readFileSync(join(ROOT, 'tests/fixtures/corpora/newsroom-media/clip.webm'))]], 'picture "./still.jpg": expected a file at'],
    ['<audio src="../other/talk.mp3"></audio>', [], "file \"../other/talk.mp3\": expected a file in the article's folder or below it"],
  ] as [string, [string, Buffer][], string][])('checks the files of %s', async (body, files, message) => {
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    writeFileSync(join(dir, 'story.md'), article('', body));
    expect((await problems()).join('\n')).toContain(`story.md body: ${message}`);
  });

  it('publishes a sound file that is what it says, and a remote one untouched', async () => {
    writeFileSync(join(dir, 'talk.mp3'), MP3);
    writeFileSync(join(dir, 'story.md'), article('', '<audio src="./talk.mp3"></audio>\n\n<audio src="https://cdn.example/a.mp3"></audio>'));
    expect(await problems()).toEqual([]);
  });

  it('refuses a folder whose name looks like a picture', async () => {
    mkdirSync(join(dir, 'dir.jpg'));
    writeFileSync(join(dir, 'story.md'), article('image: { src: "./dir.jpg", alt: a, caption: c }\n'));
    expect((await problems()).join('\n')).toContain('story.md image.src: picture "./dir.jpg": expected a file at');
  });

  it('does not decode %2F into a folder the build would not find', async () => {
    mkdirSync(join(dir, 'img'));
    writeFileSync(join(dir, 'img', 'deep.png'), PNG);
    writeFileSync(join(dir, 'story.md'), article('', '![A picture](./img%2Fdeep.png)'));
    expect((await problems()).join('\n')).toContain('picture "./img%2Fdeep.png": expected a file name without "%"');
  });

  it('refuses a file name with "%", which the site could not publish under its name', async () => {
    writeFileSync(join(dir, '100%.png'), PNG);
    writeFileSync(join(dir, 'story.md'), article('', '<audio src="./100%.ogg"></audio>\n\n![A picture](./100%25.png)'));
    const found = (await problems()).join('\n');
    expect(found).toContain('file "./100%.ogg": expected a file name without "%"');
    expect(found).toContain('picture "./100%25.png": expected a file name without "%"');
  });

  // The build looks a picture up byte for byte (Astro's import): a name typed composed does not
  // find the file a Mac saved decomposed, so the check says so rather than let the build fail.
  it('names a picture whose name the file system keeps decomposed (as a Mac writes it) while the copy types it composed', async () => {
    writeFileSync(join(dir, 'Foto\u0301.png'), PNG);
    writeFileSync(join(dir, 'story.md'), article('', '![A picture](./Fot\u00f3.png)'));
    expect((await problems()).join('\n')).toContain('found one whose name has the same letters stored another way (accents decomposed, as a Mac writes names): rename the file');
  });

  it('finds a picture named exactly as the copy types it, decomposed or not', async () => {
    writeFileSync(join(dir, 'Foto\u0301.png'), PNG);
    writeFileSync(join(dir, 'story.md'), article('', '![A picture](./Foto\u0301.png)'));
    expect(await problems()).toEqual([]);
  });

  it('names files the build would skip: a wrong-case extension, a pattern character', async () => {
    writeFileSync(join(dir, 'Upper.MD'), article());
    writeFileSync(join(dir, 'q?uery.md'), article());
    expect(await problems()).toEqual([
      'Upper.MD file: expected the extension .md in lower case, found ".MD": the build reads only .md files',
      'q?uery.md file: expected a file name without ? * [ ] { } or !, which the build reads as a pattern and so never builds the file',
    ]);
  });

  it('checks an article reached through a symbolic link, as the build reads it', async () => {
    writeFileSync(join(TMP, 'outside.md'), article('bogus: x\n'));
    symlinkSync(join(TMP, 'outside.md'), join(dir, 'linked.md'));
    expect((await problems()).join('\n')).toContain('linked.md bogus: unknown field "bogus"');
  });
});

describe('paid content marked to lead', () => {
  const file = (prominence: string, type: string) =>
    Buffer.from(['---', 'title: T', 'standfirst: S', 'published: 2024-06-18', 'section: Asia', `type: ${type}`, `prominence: ${prominence}`, 'tags: [X]', '---', '', 'Body.', ''].join('\n'));

  it.each([
    ['lead', 'sponsored', ['prominence: paid content never leads the front page or stands among its top stories, so "lead" is not followed: it is listed in its section\'s row']],
    ['top', 'Sponsored', ['prominence: paid content never leads the front page or stands among its top stories, so "top" is not followed: it is listed in its section\'s row']],
    ['lead', 'analysis', []],
  ])('marked %s as %s: a notice, and no problem', (prominence, type, notices) => {
    const result = checkFile(join(TMP, 'paid.md'), file(prominence, type));
    expect(result.problems).toEqual([]);
    expect((result.notices ?? []).map((notice) => `${notice.field}: ${notice.message}`)).toEqual(notices);
  });
});

describe('one pass lists every problem of a file', () => {
  it('reports a section typo, a correction before publication and a correction with a picture together', () => {
    const text = [
      '---',
      'title: T',
      'standfirst: S',
      'published: 2024-06-18',
      'section: Eurpoe',
      'tags: [X]',
      'corrections:',
      '  - date: 2024-06-17',
      '    text: Fixed.',
      '  - date: 2024-06-19',
      '    text: "See ![map](./map.png)."',
      '---',
      '',
      'Body.',
      '',
    ].join('\n');
    const { problems } = checkFile('story.md', Buffer.from(text));
    expect(problems.map((problem) => problem.field)).toEqual(['section', 'corrections.0.date', 'corrections.1.text']);
  });

  // Whatever the check finds first, the body's pictures and files are still looked for (issue 21 point 5).
  const BODY = '![Map](./missing-map.png)\n\n<video src="./missing.mp4"></video>';
  it.each([
    ['a YAML error', '---\ntitle: "oops\nstandfirst: S\n---\n\n' + BODY, 'title'],
    ['no front matter', BODY, 'front matter'],
    ['a byte that is not UTF-8', '---\ntitle: "T\xff"\nstandfirst: S\npublished: 2024-06-18\nsection: World\ntags: [X]\n---\n\n' + BODY, 'file'],
    ['a date the schema refuses', '---\ntitle: T\nstandfirst: S\npublished: 18/06/2024\nsection: World\ntags: [X]\n---\n\n' + BODY, 'published'],
  ])('after %s, still names the body’s missing picture and video', (_, text, first) => {
    const { problems } = checkFile(join(TMP, 'nowhere', 'story.md'), Buffer.from(text, 'latin1'));
    expect(problems.map((problem) => `${problem.field}: ${problem.message.split(' at ')[0]}`)).toEqual([
      expect.stringMatching(new RegExp(`^${first}: `)),
      'body: picture "./missing-map.png": expected a file',
      'body: file "./missing.mp4": expected a file',
    ]);
  });

  it('after a refused date, still looks for the lead picture and still reads the tags', () => {
    const text = '---\ntitle: T\nstandfirst: S\npublished: 18/06/2024\nsection: World\ntags: [Cyber security]\nimage:\n  src: ./missing-lead.jpg\n  alt: A\n  caption: C\n---\n\nBody.\n';
    const result = checkFile(join(TMP, 'nowhere', 'story.md'), Buffer.from(text));
    expect(result.problems.map((problem) => problem.field)).toEqual(['published', 'image.src']);
    expect(result.article).toEqual({ slug: 'story', tags: ['Cyber security'] });
  });

  it("reports an empty body with the file's other problems: the lead picture is still looked for", () => {
    const text = ['---', 'title: T', 'standfirst: S', 'published: 2024-06-18', 'section: World', 'tags: [X]', 'image:', '  src: ./missing.jpg', '  alt: A', '  caption: C', '---', ''].join('\n');
    const { problems } = checkFile(join(TMP, 'nowhere', 'story.md'), Buffer.from(text));
    expect(problems.map((problem) => `${problem.field}: ${problem.message.split(' at ')[0]}`)).toEqual([
      'body: expected the article text below the front matter, found nothing',
      'image.src: picture "./missing.jpg": expected a file',
    ]);
  });
});
