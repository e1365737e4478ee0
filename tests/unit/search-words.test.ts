import { describe, expect, it } from 'vitest';
import {
  directoryFile,
  holdsEvery,
  plainQuery,
  rarestTerm,
  readDirectoryFile,
  searchWords,
  shardsHolding,
  storedEntry,
  type DirectoryFile,
} from '../../src/search/words';

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
  [
    '657572.json',
    {
      europe: [['2026', 9]],
      eurovision: [['2024', 6]],
    },
  ],
  [
    '333836.json',
    {
      '3867': [['2024', 1]],
      '38672': [
        ['2026', 1],
        ['2025', 2],
      ],
    },
  ],
  // As the page reads a file: JSON.parse makes this an own word, not Object's.
  ['636f6e.json', JSON.parse('{"constructor":[["2025",1]]}') as DirectoryFile],
]);

describe('shardsHolding', () => {
  it.each([
    ['one word: every shard holding it, newest first, with its count', ['said'], ['2026:40', '2025:12', '2024:3']],
    ['a word being typed matches the words it begins, the largest count per shard', ['sai'], ['2026:40~', '2025:12~', '2024:5~']],
    ['words together: shards holding all, the smaller count', ['said', 'ovanako'], ['2024:1']],
    ['a short word matches itself only, not the words it begins', ['eu'], ['2025:2']],
    ['a word listed nowhere: no shard', ['zzqx'], []],
    ['a file that was not found lists nothing', ['ov'], []],
    ['no words: no shard', [], []],
    ['words that name Object’s own properties are words like any other', ['constructor'], ['2025:1']],
    [
      'one word: newest first, the shards holding it as its own or a longer word alike',
      ['3867'],
      ['2026:1~', '2025:2~', '2024:1'],
    ],
    [
      'several words: shards holding every word as its own come first, then the rest, newest first',
      ['said', '3867'],
      ['2024:1', '2026:1~', '2025:2~'],
    ],
    ['a word given twice is one word', ['3867', '3867'], ['2026:1~', '2025:2~', '2024:1']],
    ['a word being typed is nowhere its own: newest first', ['386'], ['2026:1~', '2025:2~', '2024:1~']],
  ])('%s', (_, terms, expected) => {
    // `~`: a shard holding only words some term begins, not every term as a word of its own.
    expect(
      shardsHolding(terms, files, shards).map(({ shard, articles, exact }) => `${shard}:${articles}${exact ? '' : '~'}`),
    ).toEqual(expected);
  });
});

describe('rarestTerm', () => {
  it.each([
    ['the term fewer articles hold', ['said', 'ovanako'], shards, 'ovanako'],
    ['counted in the shards given only', ['said', 'europe'], ['2024'], 'europe'],
    ['a word being typed counts every word it begins, added up', ['sai', 'eurovision'], ['2024'], 'eurovision'],
    ['a term listed nowhere is the rarest', ['said', 'zzqx'], shards, 'zzqx'],
    ['a tie goes to the longer term', ['eu', 'europe'], ['2024'], 'europe'],
    ['a tie of equal lengths goes to the earlier term', ['sain', 'said'], ['2023'], 'sain'],
    ['one term is its own rarest', ['said'], shards, 'said'],
    ['no terms: none', [], shards, undefined],
  ])('%s', (_, terms, given, expected) => {
    expect(rarestTerm(terms, files, given)).toBe(expected);
  });
});

describe('holdsEvery', () => {
  it.each([
    ['every term a word of the text', ['nato', 'china'], 'NATO chief: the West should impose a cost on China', true],
    ['one term missing', ['nato', 'russia'], 'NATO chief: the West should impose a cost on China', false],
    ['a term inside a word only is not held', ['berg'], 'Jens Stoltenberg said', false],
    [
      'words as the index reads them: no accents or capitals, one word across ’',
      ['lelysees', 'letat'],
      'L’Élysée’s plan for l’État',
      true,
    ],
    ['a word as the index does not read it', ['elysees'], 'L’Élysée’s plan for l’État', false],
    ['parts of a word split at ASCII punctuation', ['usa', 'u', 'oneill'], 'U.S.A. and O’Neill-plan', true],
    ['a number', ['1424'], 'Ulmonstad (No. 1424)', true],
    ['no terms: any text holds them', [], '', true],
    // Pagefind compares stems, but its English stems are not porter2's ("evening" is evening, not
    // even…; "added" is add…, not ad…): other forms are left to the whole query (found by a breaker).
    ['another form is not taken', ['minister'], 'the finance ministry', false],
    ['nor a word a shorter stem would take', ['evening', 'added'], 'the event, the administration', false],
    // Nor a word the term begins: Pagefind takes it only when its stem begins with the term's
    // ("policymakers" is policymak…, "policy" polici…; "running" is run…, not runn…).
    ['nor a word the term begins', ['policy'], 'the policymakers met', false],
    ['nor a word being typed', ['runn'], 'athletes were running', false],
  ])('%s', (_, terms, text, expected) => {
    expect(holdsEvery(terms, text)).toBe(expected);
  });
});

describe('the stored directory', () => {
  // Newest first, as the search page lists them: 2021 is shard 0, 2026 shard 5.
  const archive = ['2026', '2025', '2024', '2023', '2022', '2021'];
  it.each([
    ['one shard, the oldest', [[0, 7]], [0, 7], [['2021', 7]]],
    ['one shard, the newest', [[5, 40]], [5, 40], [['2026', 40]]],
    [
      'shards after the first by their step from the one before',
      [
        [3, 12],
        [5, 40],
        [6, 1],
      ],
      [3, 12, 2, 40, 1, 1],
      [
        ['2026', 40],
        ['2024', 12],
      ],
    ],
    ['none', [], [], []],
  ] as [string, [number, number][], number[], [string, number][]][])('%s', (_, listed, stored, read) => {
    expect(storedEntry(listed)).toEqual(stored);
    // Shard 6 is past the list's end: a file from a build of a larger archive, left out.
    expect(readDirectoryFile({ word: stored }, archive)).toEqual({ word: read });
  });

  it('refuses shards out of order', () => {
    expect(() =>
      storedEntry([
        [3, 1],
        [3, 2],
      ]),
    ).toThrow(RangeError);
  });

  it('reads words that name Object’s own properties as words', () => {
    const file = readDirectoryFile(JSON.parse('{"__proto__":[1,2],"constructor":[0,1]}') as Record<string, number[]>, archive);
    expect(Object.entries(file)).toEqual([
      ['__proto__', [['2022', 2]]],
      ['constructor', [['2021', 1]]],
    ]);
  });
});

describe('plainQuery', () => {
  it.each([
    ['words and spaces', 'NATO chief warns', true],
    ['punctuation, which the index drops', 'U.S. “impose a cost” — O’Neill-plan (No. 10)!', true],
    ['accents and other scripts', 'Élysée 北京 المرصد', true],
    ['an emoji, a word to Pagefind', 'tariffs 🙂', false],
    ['a currency sign', 'tax €', false],
    ['a mathematical symbol', 'a + b', false],
    ['a phrase in ASCII double quotes, which Pagefind searches as one', '"happy runner"', false],
    ['quotes inside the query are punctuation', 'he said "no" today', true],
    ['so are curly quotes around it', '“happy runner”', true],
  ])('%s', (_, query, expected) => {
    expect(plainQuery(query)).toBe(expected);
  });
});
