import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { tooManyPixels } from '../../src/checks/media';
import { firstFrame } from '../../src/integrations/picture-service';
import {
  BODY_PICTURE,
  candidateWidths,
  widestCopy,
  encodableWidths,
  fitsShareCrop,
  PAGE_BACKGROUND,
  pictureCopies,
  PORTRAIT_WIDTH,
  REDUCED_MOTION,
  shareCardCopy,
  THUMBNAIL,
} from '../../src/model/pictures';
import { testAnimation } from '../../scripts/lib/test-photos';
import { TMP } from '../support/paths';
import { mkdirSync, writeFileSync } from 'node:fs';
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
  // the original's width and height, the crop's shape, the widest copy
  [2400, 1600, undefined, 2400],
  [320, 180, undefined, 320],
  [2400, 1600, 3 / 2, 2400],
  [320, 180, 3 / 2, 270],
  [320, 180, 16 / 9, 320],
  [100, 1000, 3 / 2, 100],
  [1000, 100, 3 / 2, 150],
])('widestCopy(%i, %i, %s)', (width, height, ratio, expected) => {
  it(`is ${expected}: never taller or wider than the original`, () => {
    expect(widestCopy(width, height, ratio)).toBe(expected);
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

describe.each([
  // format, widths, width ÷ height, what it can encode: AVIF and WebP stop at 16,383 px a side.
  ['avif', [360, 960, 1280], 1200 / 20_000, [360, 960]],
  ['webp', [360, 960, 1280], 1200 / 20_000, [360, 960]],
  ['webp', [360, 960, 1280], 1280 / 16_383, [360, 960, 1280]],
  ['webp', [360, 960, 1280], 1280 / 16_384, [360, 960]],
  ['jpg', [360, 960, 1280], 1200 / 20_000, [360, 960, 1280]],
  ['jpg', [360, 640], 400 / 70_000, [360]],
  ['jpg', [640], 400 / 70_000, []],
  ['png', [360, 640], 400 / 70_000, [360, 640]],
  ['gif', [360, 640], 360 / 65_535, [360]],
] as const)('encodableWidths(%s, %j, %f)', (format, widths, ratio, expected) => {
  it(`is ${JSON.stringify(expected)}`, () => {
    expect(encodableWidths(format, widths, ratio)).toEqual(expected);
  });
});

describe.each([
  // A still picture: AVIF and WebP, and a fallback in its own family (PNG keeps transparency).
  [{ frames: 1, format: 'jpg' }, true, [{ format: 'avif' }, { format: 'webp' }], 'jpg'],
  [{ frames: 1, format: 'png' }, true, [{ format: 'avif' }, { format: 'webp' }], 'png'],
  [{ frames: 1, format: 'webp' }, true, [{ format: 'avif' }, { format: 'webp' }], 'png'],
  // An animation: a still for readers who asked for less motion, else the animation in WebP and GIF.
  [{ frames: 4, format: 'gif' }, true, [{ format: 'avif', media: REDUCED_MOTION }, { format: 'webp' }], 'gif'],
  [{ frames: 4, format: 'webp' }, true, [{ format: 'avif', media: REDUCED_MOTION }, { format: 'webp' }], 'gif'],
  // An animation shown still (a thumbnail): only formats the service makes stills in.
  [{ frames: 4, format: 'gif' }, false, [{ format: 'avif' }], 'png'],
] as const)('pictureCopies(%j, moving: %s)', (facts, moving, sources, fallback) => {
  it(`offers ${sources.map((source) => source.format).join(', ')} and falls back to ${fallback}`, () => {
    expect(pictureCopies(facts, { moving })).toEqual({ sources, fallback });
  });
});

describe.each([
  // width, height, format, alpha, frames → the card: undefined when the original is shared as it is.
  [2400, 1600, 'jpg', false, 1, { width: 1200, height: 630 }],
  [2400, 1600, 'png', true, 1, { width: 1200, height: 630 }],
  [300, 200, 'jpg', false, 1, undefined],
  [300, 200, 'png', false, 1, undefined],
  // A transparent PNG is laid on the page's background; AVIF, WebP and GIF are not shown by every
  // card consumer: a copy, the largest 1200:630 crop the picture holds (height = width × 630 ÷ 1200).
  [300, 200, 'png', true, 1, { width: 300, height: 158 }],
  [800, 450, 'webp', false, 1, { width: 800, height: 420 }],
  [800, 450, 'avif', false, 1, { width: 800, height: 420 }],
  [640, 360, 'gif', true, 4, { width: 640, height: 336 }],
  [640, 360, 'png', false, 1, undefined],
  // Never past what JPEG encodes: a tall transparent infographic gives a card of its top.
  [1000, 70_000, 'png', true, 1, { width: 1000, height: 525 }],
  [100_000, 10, 'webp', false, 1, { width: 19, height: 10 }],
] as const)('shareCardCopy(%i × %i %s, alpha %s, %i frames)', (width, height, format, alpha, frames, card) => {
  it(`is ${card ? `a ${card.width} × ${card.height} JPEG` : 'the original'}`, () => {
    expect(shareCardCopy({ width, height, format, alpha, frames })).toEqual(card ? { copy: true, ...card } : { copy: false });
  });
});

describe('the page background transparent pictures are laid on', () => {
  it('is the light scheme’s paper in tokens.css, and the dark scheme’s backing in article.css', () => {
    const tokens = readFileSync(join(ROOT, 'src/styles/tokens.css'), 'utf8');
    const article = readFileSync(join(ROOT, 'src/styles/article.css'), 'utf8');
    expect(tokens).toContain(`--paper: light-dark(${PAGE_BACKGROUND},`);
    expect(article).toContain(`.picture--transparent { background-color: light-dark(transparent, ${PAGE_BACKGROUND}); }`);
  });
});

describe('firstFrame (the image service’s still of an animation)', () => {
  it.each(['gif', 'webp'] as const)('is one 640 × 360 frame of an animated %s, not a strip', async (format) => {
    const still = await firstFrame(await testAnimation(format, 640, 360));
    const metadata = await sharp(still!, { pages: -1 }).metadata();
    expect([metadata.format, metadata.width, metadata.height, metadata.pages ?? 1]).toEqual(['png', 640, 360, 1]);
  });

  it('leaves a picture of one frame (and an APNG, whose default image sharp reads) to the service as it is', async () => {
    expect(await firstFrame(await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer())).toBeUndefined();
    expect(await firstFrame(await testAnimation('png', 64, 36))).toBeUndefined();
  });
});

describe('tooManyPixels (what the picture service cannot read at all)', () => {
  const dir = join(TMP, 'too-many-pixels');
  mkdirSync(dir, { recursive: true });
  it.each([
    // width, height: sharp's limit is 16,383² pixels.
    [16_383, 16_383, undefined],
    [16_384, 16_384, 'expected at most 268,402,689 pixels, the most the picture service (sharp) reads, found 16,384 × 16,384 px = 268,435,456 pixels; make it smaller before publishing'],
    [100_000, 4, undefined],
  ])('%i × %i px', async (width, height, expected) => {
    const path = join(dir, `${width}x${height}.png`);
    // A PNG header is all the check reads: the pixels need not be there.
    const header = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
    header.writeUInt32BE(width, 16);
    header.writeUInt32BE(height, 20);
    writeFileSync(path, header);
    expect(await tooManyPixels(path)).toBe(expected);
  });

  it('counts an animation’s frames', async () => {
    const path = join(dir, 'loop.gif');
    writeFileSync(path, await testAnimation('gif', 640, 360));
    expect(await tooManyPixels(path)).toBeUndefined();
  });
});
