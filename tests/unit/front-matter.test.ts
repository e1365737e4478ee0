import { describe, expect, it } from 'vitest';
import { frontMatterYamlProblem, readMarkdown, truncatedByComments } from '../../src/checks/front-matter';

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

describe('copy YAML would cut short at a comment', () => {
  it.each([
    ["---\ntitle: We're #1 again, says coach\nstandfirst: s\n---\n", ["title: line 2, column 14: expected the whole value, found \" #\", where YAML starts a comment and drops the rest (\"#1 again, says coach\"): put the value in double quotes"]],
    ['---\ntitle: t\nimage:\n  caption: Fans at #Euro2024 final\n---\n', ['image.caption: line 4, column 20:']],
    ['---\ntitle: "We\'re #1 again"\npublished: 2024-06-18 # corrected\n---\n', []],
    ['---\ntitle: C# for newsrooms\n---\n', []],
  ])('%j', (text, expected) => {
    const found = truncatedByComments(text).map(({ field, message }) => `${field}: ${message}`);
    expect(found).toHaveLength(expected.length);
    expected.forEach((start, index) => expect(found[index]).toContain(start));
  });
});
