import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkProfiles } from '../../src/checks/authors';
import { checkFile } from '../../src/checks/content';
import { frontMatterYamlProblem, readMarkdown, readYaml, truncatedByComments } from '../../src/checks/front-matter';
import { textFieldPaths } from '../../src/schemas/fields';
import { pageSchema } from '../../src/schemas/page';
import { articleSchema } from '../../src/schemas/article';
import { authorSchema } from '../../src/schemas/profile';
import { TMP } from '../support/paths';

/** The problem the check reports for a Markdown file whose front matter is not YAML. */
function problem(text: string): string {
  try {
    readMarkdown(text);
  } catch (error) {
    const { field, message } = frontMatterYamlProblem(text, error);
    return `${field}: ${message}`;
  }
  return 'no problem';
}

describe('YAML errors name the field, the line and the column, in plain words', () => {
  it.each([
    ['a control character in quotes', '---\ntitle: "Bell \u0007 rings"\n---\n\nBody.\n', 'title: line 2, column 14: expected text without control characters, found U+0007'],
    ['the same file with Windows line ends', '---\r\ntitle: "Bell \u0007 rings"\r\n---\r\n\r\nBody.\r\n', 'title: line 2, column 14: expected text without control characters, found U+0007'],
    ['after a blank first line', '\n---\nsection: Asia\ntitle: "Bell \u0007 rings"\n---\n\nBody.\n', 'title: line 4, column 14:'],
    ['a quote never closed', '---\ntitle: "Never closed\nstandfirst: "A summary."\n---\n\nBody.\n', 'title: line 2, column 8: expected the closing " of this value on its line'],
    ['a single quote never closed', "---\nstandfirst: 'It is\nsection: Asia\n---\n\nBody.\n", "standfirst: line 2, column 13: expected the closing ' of this value on its line"],
    ['a list never closed', '---\ntitle: t\ntags: [NATO, China\nsection: Asia\n---\n\nBody.\n', 'tags: line 3, column 7: expected the closing ] of this list on its line'],
    ['a field given twice', '---\ntitle: t\nsection: Asia\ntitle: again\n---\n\nBody.\n', 'title: line 4, column 1: expected each field once, found this one a second time: keep one'],
    ['an unknown escape', '---\ntitle: "C:\\qfolder"\n---\n\nBody.\n', 'title: line 2, column'],
  ])('%s', (_, text, expected) => {
    expect(problem(text)).toContain(expected);
  });

  it('names a column within the line and a line within the file, whatever the error', () => {
    const texts = ['---\na: [\n---\n', '---\na: "x\n---\n', '---\n  a: 1\nb: 2\n---\n', '---\na: b: c\n---\n', '---\n- a\nb: 1\n---\n'];
    for (const text of texts) {
      expect(problem(text), text).toMatch(/expected/);
      const found = /line (\d+), column (\d+)/.exec(problem(text));
      expect(found, text).not.toBeNull();
      const [line, column] = [Number(found![1]), Number(found![2])];
      const lines = text.split('\n');
      expect(line).toBeGreaterThanOrEqual(1);
      expect(line).toBeLessThanOrEqual(lines.length);
      expect(column).toBeGreaterThanOrEqual(1);
      expect(column).toBeLessThanOrEqual(Math.max(1, [...(lines[line - 1] ?? '')].length + 1));
    }
  });
});

describe('a quote or list left open is blamed where it opens', () => {
  it.each([
    ['a single quote with an escaped apostrophe', "---\ntitle: 'Harbour''s reopening\nstandfirst: Dockers returned.\npublished: 2024-06-17\nsection: Europe\ntags: [Shipping]\n---\n\nBody.\n", "title: line 2, column 8: expected the closing ' of this value on its line"],
    ['a quote opened after a closed one', "---\ntitle: 'Harbour' reopening\n---\n\nBody.\n", 'title: line 2'],
    ['a nested caption', '---\ntitle: t\nimage:\n  credit: Staff\n  caption: "Dockers at the gate\nsection: Europe\n---\n\nBody.\n', 'image.caption: line 5, column 12: expected the closing " of this value on its line'],
    ['a quote inside a list', '---\ntitle: t\ntags: ["Shipping, Ports]\nsection: Europe\n---\n\nBody.\n', 'tags: line 3, column 8: expected the closing " of this value on its line'],
    ['a list with a comma inside quotes', '---\ntitle: t\ntags: ["Shipping, Ports", Harbours\nsection: Europe\n---\n\nBody.\n', 'tags: line 3, column 7: expected the closing ] of this list on its line'],
  ])('%s', (_, text, expected) => {
    expect(problem(text)).toContain(expected);
  });
});

const CUT = 'expected the whole value, found " #", where YAML starts a comment and drops the rest';

describe('copy YAML would cut short at a comment, in front matter', () => {
  it.each([
    ["---\ntitle: We're #1 again, says coach\nstandfirst: s\n---\n", [`title: line 2, column 14: ${CUT} ("#1 again, says coach"): put the value in double quotes`]],
    ['---\ntitle: t\nimage:\n  caption: Fans at #Euro2024 final\n---\n', ['image.caption: line 4, column 20:']],
    ['---\ntitle: "We\'re #1 again"\npublished: 2024-06-18 # corrected\n---\n', []],
    ['---\ntitle: C# for newsrooms\n---\n', []],
    // The fields a hand-kept list used to miss: a correction's text, and every other text field.
    ['---\ntitle: t\ncorrections:\n  - date: 2024-06-18\n    text: An earlier version said we were #1\n---\n', [`corrections.0.text: line 5, column 43: ${CUT} ("#1")`]],
    ['---\ncorrections:\n  - date: 2024-06-18\n    text: "Quoted #1 is whole"\n  - text: Said #2 wrongly\n    date: 2024-06-19\n---\n', [`corrections.1.text: line 5, column 16: ${CUT} ("#2 wrongly")`]],
    ['---\ntags:\n  - Top #10\n  - Shipping\n---\n', [`tags.0: line 3, column 9: ${CUT} ("#10")`]],
    ['---\nbyline:\n- Jane #Doe\n---\n', [`byline.0: line 3, column 8: ${CUT} ("#Doe")`]],
    ['---\nsource:\n  name: Agence #1\n  url: https://example.com/a#b\n---\n', [`source.name: line 3, column 16: ${CUT} ("#1")`]],
    ['---\nstandfirst: We were\n  #1 again\n---\n', [`standfirst: line 3, column 3: ${CUT} ("#1 again")`]],
    // A tab starts a comment as a space does (YAML 1.2 §6.6).
    ['---\ntitle: NATO Chief\t#1 West\n---\n', ['title: line 2, column 19: expected the whole value, found "<tab>#", where YAML starts a comment and drops the rest ("#1 West")']],
    // A block scalar keeps a # as text; a comment line is no value; a date is no text.
    ["---\nstandfirst: |\n  We're #1\n# a note\ndraft: false # for now\nupdated: 2024-06-18 # late\n---\n", []],
  ])('%j', (text, expected) => {
    const found = truncatedByComments(text, articleSchema).map(({ field, message }) => `${field}: ${message}`);
    expect(found).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(found[index]).toContain(start));
  });

  it('is right about what YAML keeps: each value it flags is cut short when read', () => {
    const text = '---\ncorrections:\n  - date: 2024-06-18\n    text: An earlier version said we were #1\n---\n';
    expect(readMarkdown(text).data).toEqual({ corrections: [{ date: '2024-06-18', text: 'An earlier version said we were' }] });
    expect(readMarkdown('---\ntitle: NATO Chief\t#1 West\n---\n').data).toEqual({ title: 'NATO Chief' });
  });
});

describe('copy YAML would cut short at a comment, in a profile', () => {
  it.each([
    ['name: Jane Roe\nrole: Correspondent #1 in Asia\nbio: b\n', [`role: line 2, column 21: ${CUT} ("#1 in Asia")`]],
    ['# A profile\nname: Jane Roe\nbio: Writes about #climate and ports\n', [`bio: line 3, column 19: ${CUT} ("#climate and ports")`]],
    ['name: Jane Roe # the author\nlinks:\n  - name: Blue #sky\n    url: https://example.com/#me\n', ['name: line 1, column 16:', 'links.0.name: line 3, column 16:']],
    ['name: Jane Roe\nrole: "No. #1"\nbio: |\n  Keeps #this\n', []],
    // A comment after a key that opens a list is no value: the list's items keep their paths.
    ['links:   # optional\n- name: Blue #sky\n  url: https://example.com/\n', ['links.0.name: line 2, column 14:']],
  ])('%j', (text, expected) => {
    const found = truncatedByComments(text, authorSchema, { whole: true }).map(({ field, message }) => `${field}: ${message}`);
    expect(found).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(found[index]).toContain(start));
  });
});

describe('text fields come from the schemas', () => {
  it.each([
    ['an article', articleSchema, ['title', 'standfirst', 'section', 'dateline', 'series', 'tags.*', 'source.name', 'byline.*', 'image.src', 'image.alt', 'image.caption', 'image.credit', 'corrections.*.text']],
    ['a profile', authorSchema, ['name', 'role', 'bio', 'image.src', 'image.alt', 'image.credit', 'links.*.name', 'expertise.*', 'fediverse']],
    ['a page', pageSchema, ['title', 'description']],
  ])('%s', (_label, schema, paths) => {
    expect(textFieldPaths(schema)).toEqual(paths);
  });
});

describe('a cut value is refused, naming file and field', () => {
  const dir = join(TMP, 'comment-cut');

  it.each([
    ['a correction text', 'corrections.0.text', '    text: An earlier version said we were #1\n'],
    ['the headline', 'title', ''],
  ])('in an article: %s', (_label, field, correction) => {
    const article = `---\ntitle: ${field === 'title' ? "We're #1" : 't'}\nstandfirst: s\npublished: 2024-06-18\nsection: World\ntags: [Testing]\n${correction ? `corrections:\n  - date: 2024-06-18\n${correction}` : ''}---\n\nBody.\n`;
    const problems = checkFile(join(dir, 'cut.md'), Buffer.from(article)).problems;
    expect(problems).toEqual([expect.objectContaining({ field, message: expect.stringContaining(CUT) })]);
  });

  it.each([
    ['bio', 'bio: Writes about #climate\n'],
    ['role', 'role: Correspondent #1\n'],
  ])('in a profile: %s', (field, line) => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const profile = { name: 'name: Jane Roe\n', role: 'role: Correspondent\n', bio: 'bio: An author.\n', [field]: line };
    writeFileSync(join(dir, 'jane-roe.yaml'), Object.values(profile).join(''));
    expect(checkProfiles(dir).problems).toEqual([{ file: relative(process.cwd(), join(dir, 'jane-roe.yaml')), field, message: expect.stringContaining(CUT) }]);
  });
});

describe('profiles are read with the core schema, as front matter is', () => {
  it('keeps a date as typed, and reads no merge keys', () => {
    expect(readYaml('bio: 2024-02-30\n<<: {role: r}\n')).toEqual({ bio: '2024-02-30', '<<': { role: 'r' } });
  });
});
