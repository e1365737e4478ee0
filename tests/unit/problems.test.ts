import { describe, expect, it } from 'vitest';
import { schemaProblems } from '../../src/checks/problems';
import { readUtf8 } from '../../src/checks/utf8';
import { articleSchema } from '../../src/schemas/article';
import { authorSchema } from '../../src/schemas/profile';

describe('schemaProblems: one problem per field, for articles and profiles alike', () => {
  it.each([
    ['a profile with two unknown fields', authorSchema, { name: 'Jane', role: 'r', bio: 'b', twiter: 'x', age: 3 }, 'profile', [
      ['twiter', 'unknown field "twiter": expected only name, role, bio, image, links, expertise, fediverse'],
      ['age', 'unknown field "age": expected only name, role, bio, image, links, expertise, fediverse'],
    ]],
    ['a profile that is not a mapping', authorSchema, 'Jane', 'profile', [['profile', 'expected an author\'s profile with the fields name, role, bio, image, links, expertise, fediverse, found "Jane"']]],
    ['an unknown field inside the image', articleSchema, { image: { caption: 'c', size: 2 } }, 'front matter', [['image.size', 'unknown field "size": expected only src, alt, caption, credit, afterParagraph']]],
    ['a link without an address', authorSchema, { name: 'J', role: 'r', bio: 'b', links: [{ name: 'X' }] }, 'profile', [['links.0.url', 'expected an absolute http(s) address like https://example.com/story']]],
  ])('%s', (_label, schema, data, whole, expected) => {
    const parsed = schema.safeParse(data);
    expect(parsed.success).toBe(false);
    const found = schemaProblems(parsed.error!.issues, whole).map(({ field, message }) => [field, message]);
    for (const problem of expected) expect(found).toContainEqual(problem);
  });
});

describe('readUtf8: one reader, one message', () => {
  it.each([
    ['plain text', Buffer.from('title: Zürich\n'), { text: 'title: Zürich\n' }],
    ['a byte-order mark, dropped', Buffer.from('\uFEFFtitle: t\n'), { text: 'title: t\n' }],
    ['Latin-1', Buffer.from('name: Caf\xe9\n', 'latin1'), { problem: 'expected UTF-8 text, found a byte sequence that is not UTF-8 at byte 9 (save the file as UTF-8)' }],
    ['a cut sequence at the end', Buffer.from([0x61, 0xe4, 0xb8]), { problem: 'expected UTF-8 text, found a byte sequence that is not UTF-8 at byte 1 (save the file as UTF-8)' }],
  ])('%s', (_label, bytes, expected) => {
    expect(readUtf8(bytes)).toEqual(expected);
  });
});
