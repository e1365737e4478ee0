import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagSlug } from '../../src/model/tags';
import { articleSlug, SEGMENT_BYTES, segmentSlug } from '../../src/model/urls';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

// The handed inputs: a tag of 86 Chinese characters (258 bytes) and a 311-character Latin tag
// passed the check, then the render died with ENAMETOOLONG.
const CHINESE_86 = '北大西洋公约组织秘书长斯托尔滕贝格表示西方应当让中国为支持俄罗斯付出代价'.repeat(3).slice(0, 86);
const LATIN_311 = `${'Secretary General Jens Stoltenberg on sanctions '.repeat(7)}end`.slice(0, 311);

describe('segmentSlug', () => {
  it.each([
    ['nato', 'nato'],
    ['a'.repeat(SEGMENT_BYTES), 'a'.repeat(SEGMENT_BYTES)],
  ])('keeps a slug that fits: %s', (slug, kept) => {
    expect(segmentSlug(slug)).toBe(kept);
  });

  it.each([
    ['86 Chinese characters', CHINESE_86],
    ['311 Latin characters', LATIN_311.toLowerCase().replace(/ /g, '-')],
    ['201 ASCII letters', 'a'.repeat(201)],
  ])('shortens %s to one path segment, stably, at a character boundary', (_, slug) => {
    const short = segmentSlug(slug);
    expect(bytes(short)).toBeLessThanOrEqual(SEGMENT_BYTES);
    expect(short).toMatch(/-[0-9a-f]{8}$/);
    expect(slug.startsWith(short.slice(0, -9))).toBe(true);
    expect(segmentSlug(slug)).toBe(short);
    expect(short).not.toContain('\uFFFD');
  });

  it('keeps long slugs that begin alike apart', () => {
    expect(segmentSlug(`${'x'.repeat(300)}-one`)).not.toBe(segmentSlug(`${'x'.repeat(300)}-two`));
  });
});

describe('every path segment from copy fits a file name', () => {
  it.each([
    ['the 86-character Chinese tag', CHINESE_86],
    ['the 311-character Latin tag', LATIN_311],
  ])('%s', (_, tag) => {
    expect(bytes(tagSlug(tag))).toBeLessThanOrEqual(SEGMENT_BYTES);
    expect(tagSlug(tag)).not.toBe('');
  });

  it('holds for any tag and any file name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }), (text) => {
        expect(bytes(tagSlug(text))).toBeLessThanOrEqual(SEGMENT_BYTES);
        expect(bytes(articleSlug(`content/articles/${text}.md`))).toBeLessThanOrEqual(SEGMENT_BYTES);
      }),
      { numRuns: 500 },
    );
  });
});
