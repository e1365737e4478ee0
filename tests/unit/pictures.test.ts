import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BODY_PICTURE, candidateWidths, fitsShareCrop, PORTRAIT_WIDTH, THUMBNAIL } from '../../src/model/pictures';
import { ROOT } from '../support/paths';

describe.each([
  // widths, the original's width, the candidates made
  [[360, 640, 1280], 2400, [360, 640, 1280]],
  [[360, 640, 1280], 1280, [360, 640, 1280]],
  [[360, 640, 1280], 800, [360, 640, 800]],
  [[360, 640, 1280], 640, [360, 640]],
  [[360, 640, 1280], 120, [120]],
  [[192, 320], 300, [192, 300]],
])('candidateWidths(%j, %i)', (widths, original, expected) => {
  it(`is ${JSON.stringify(expected)}: nothing wider than the original, the original when it is narrower than the widest`, () => {
    expect(candidateWidths(widths, original)).toEqual(expected);
  });
});

describe.each([
  [2400, 1600, true],
  [1200, 630, true],
  [1199, 900, false],
  [1600, 629, false],
  [120, 80, false],
])('fitsShareCrop(%i, %i)', (width, height, expected) => {
  it(`is ${expected}`, () => {
    expect(fitsShareCrop(width, height)).toBe(expected);
  });
});

describe('the renditions', () => {
  it.each([
    ['body picture', BODY_PICTURE, '(min-width: 42.5rem) 40rem, calc(100vw - 2.5rem)', 1280],
    ['thumbnail', THUMBNAIL, '(min-width: 48rem) 10rem, 6rem', 320],
  ])('%s: sizes follow the layout, and the widest candidate covers the widest slot at 2×', (_, rendition, sizes, widest) => {
    expect(rendition.sizes).toBe(sizes);
    expect(Math.max(...rendition.widths)).toBe(widest);
    expect([...rendition.widths].sort((a, b) => a - b)).toEqual(rendition.widths);
  });
});

describe('the portrait width', () => {
  // A stylesheet cannot import PORTRAIT_WIDTH: every width listings.css gives the portrait is held to it here.
  it.each([
    ['.author-profile__portrait {', 'width'],
    ['.author-profile__portrait img {', 'width'],
    ['.author-profile__portrait img {', 'height'],
  ])('%s %s is PORTRAIT_WIDTH', (selector, property) => {
    const css = readFileSync(join(ROOT, 'src/styles/listings.css'), 'utf8');
    const rule = css.split('\n').find((line) => line.startsWith(selector));
    expect(rule, selector).toBeDefined();
    expect(new RegExp(`[{;] ${property}: (\\d+)px;`).exec(rule!)?.[1]).toBe(String(PORTRAIT_WIDTH));
  });
});
