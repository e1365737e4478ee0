import { describe, expect, it } from 'vitest';
import { directoryFile, searchWords, shardsHolding, type DirectoryFile } from '../../src/search/words';

describe.each([
  ['plain English', 'The NATO chief said', ['the', 'nato', 'chief', 'said']],
  ['accents dropped, any script kept', 'Élysée Zürich Москва', ['elysee', 'zurich', 'москва']],
  // Pagefind 1.6 splits at white space only, drops what is not a letter, digit or underscore, and
  // also indexes the parts ASCII punctuation splits a word into (found by trying its index).
  ['typographic punctuation joins, as Pagefind reads it', 'West’s “cost”—China, 2024.', ['wests', 'costchina', '2024']],
  [
    'ASCII punctuation: the whole and its parts',
    "U.S.A. O'Neill rock-'n'-roll",
    ['usa', 'u', 's', 'a', 'oneill', 'o', 'neill', 'rocknroll', 'rock', 'n', 'roll'],
  ],
  ['digits are words, separators dropped', 'No. 10 in 1,000', ['no', '10', 'in', '1000', '1', '000']],
  ['underscores are part of a word', 'snake_case', ['snake_case', 'snake', 'case']],
  ['compatibility forms kept, as Pagefind keeps them', 'ﬁnancial ｔｅｓｔ', ['ﬁnancial', 'ｔｅｓｔ']],
  ['separated Chinese stays split', '中文 文章', ['中文', '文章']],
  ['nothing but punctuation', '— … ?', []],
])('searchWords: %s', (_, text, words) => {
  it(`reads ${JSON.stringify(text)}`, () => expect(searchWords(text)).toEqual(words));
});

describe.each([
  ['a long word: its first three letters', 'stoltenberg', '73746f.json'],
  ['a word of three', 'sto', '73746f.json'],
  ['a short word: itself', 'eu', '6575.json'],
  ['non-ASCII: UTF-8 bytes', 'москва', 'd0bcd0bed181.json'],
  ['an astral character counts as one', '𝔘𝔫𝔦', 'f09d9498f09d94abf09d94a6.json'],
])('directoryFile: %s', (_, word, file) => {
  it(`files ${word} in ${file}`, () => expect(directoryFile(word)).toBe(file));
});

describe('shardsHolding', () => {
  const shards = ['2026', '2025', '2024'];
  const files = new Map<string, DirectoryFile>([
    [
      '736169.json',
      {
        said: [
          ['2026', 40],
          ['2025', 12],
          ['2024', 3],
        ],
        saint: [['2024', 5]],
      },
    ],
    ['6f76.json', {}],
    ['6f7661.json', { ovanako: [['2024', 1]] }],
    ['6575.json', { eu: [['2025', 2]] }],
    ['657572.json', { europe: [['2026', 9]] }],
    // As the page reads a file: JSON.parse makes this an own word, not Object's.
    ['636f6e.json', JSON.parse('{"constructor":[["2025",1]]}') as DirectoryFile],
  ]);

  it.each([
    ['one word: every shard holding it, newest first, with its count', ['said'], ['2026:40', '2025:12', '2024:3']],
    ['a word being typed matches the words it begins, the largest count per shard', ['sai'], ['2026:40', '2025:12', '2024:5']],
    ['words together: shards holding all, the smaller count', ['said', 'ovanako'], ['2024:1']],
    ['a short word matches itself only, not the words it begins', ['eu'], ['2025:2']],
    ['a word listed nowhere: no shard', ['zzqx'], []],
    ['a file that was not found lists nothing', ['ov'], []],
    ['no words: no shard', [], []],
    ['words that name Object’s own properties are words like any other', ['constructor'], ['2025:1']],
  ])('%s', (_, terms, expected) => {
    expect(shardsHolding(terms, files, shards).map(({ shard, articles }) => `${shard}:${articles}`)).toEqual(expected);
  });
});
