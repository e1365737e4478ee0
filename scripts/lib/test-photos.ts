/**
 * Generated test photographs, for tests, the benchmark and the screenshots: no large picture is
 * committed to the repository.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/**
 * A photograph-like JPEG of `width` × `height` px: a colour gradient under texture at every scale
 * and a few hundred shapes of every size (edges and detail at every scale, as a scene has), so
 * encoders meet the kind of content a real photo gives them (a flat or pure-noise picture would
 * make byte counts meaningless). The same seed gives the same bytes.
 */
export async function testPhoto(width: number, height: number, seed = 1): Promise<Buffer> {
  let state = seed >>> 0 || 1;
  // xorshift32: cheap, seeded, good enough for a scene and its grain.
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  // Texture at every scale with less strength the finer it is (natural scenes' spectra fall off
  // roughly as 1/f): random values on ever finer grids, each enlarged smoothly to full size.
  const texture = new Float32Array(width * height * 3);
  for (let cell = 512, amplitude = 60; cell >= 1; cell /= 2, amplitude *= 0.78) {
    const [w, h] = [Math.max(1, Math.ceil(width / cell)), Math.max(1, Math.ceil(height / cell))];
    const grid = Buffer.alloc(w * h * 3);
    for (let i = 0; i < grid.length; i += 1) grid[i] = Math.floor(next() * 256);
    const layer = cell === 1 ? grid : await sharp(grid, { raw: { width: w, height: h, channels: 3 } }).resize(width, height, { kernel: 'cubic' }).raw().toBuffer();
    for (let i = 0; i < texture.length; i += 1) texture[i]! += ((layer[i]! - 128) / 128) * amplitude;
  }
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 3;
      const t = (x / width + y / height) / 2;
      pixels[at] = clamp(40 + 180 * t + texture[at]!);
      pixels[at + 1] = clamp(90 + 100 * Math.sin(6 * t + seed) + texture[at + 1]!);
      pixels[at + 2] = clamp(200 - 150 * t + texture[at + 2]!);
    }
  }
  const shapes: string[] = [];
  for (let i = 0; i < 400; i += 1) {
    // Sizes from a four-hundredth to a third of the width, smaller ones far more often.
    const r = (width / 400) * Math.pow(130, next() ** 1.5);
    const colour = `rgb(${Math.floor(next() * 256)},${Math.floor(next() * 256)},${Math.floor(next() * 256)})`;
    const [cx, cy, ry, opacity] = [next() * width, next() * height, r * (0.3 + next()), 0.15 + next() * 0.35];
    shapes.push(
      next() < 0.5
        ? `<ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${ry}" fill="${colour}" fill-opacity="${opacity}"/>`
        : `<rect x="${cx}" y="${cy}" width="${r}" height="${ry}" fill="${colour}" fill-opacity="${opacity}" transform="rotate(${next() * 90} ${cx} ${cy})"/>`,
    );
  }
  const scene = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${shapes.join('')}</svg>`);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .composite([{ input: await sharp(scene).blur(0.8).png().toBuffer() }])
    .jpeg({ quality: 85 })
    .toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

/** Frames of a test animation: `frames` flat colours, each with a bar that moves across it. */
async function animationFrames(width: number, height: number, frames: number): Promise<Buffer> {
  const pages = await Promise.all(
    Array.from({ length: frames }, (_, at) => {
      const hue = Math.round((360 * at) / frames);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="hsl(${hue},60%,45%)"/><rect x="${Math.round(((width - width / 8) * at) / Math.max(1, frames - 1))}" y="${height / 3}" width="${width / 8}" height="${height / 3}" fill="#fff"/></svg>`;
      return sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer();
    }),
  );
  return Buffer.concat(pages);
}

/**
 * An animated picture of `frames` frames of `width` × `height` px, looping, a fifth of a second
 * a frame: GIF or WebP (what sharp writes), or APNG (assembled here: sharp reads an APNG's still
 * default image only and writes none). The same arguments give the same bytes.
 */
export async function testAnimation(format: 'gif' | 'webp' | 'png', width: number, height: number, frames = 4): Promise<Buffer> {
  const raw = await animationFrames(width, height, frames);
  if (format !== 'png') {
    const strip = sharp(raw, { raw: { width, height: height * frames, channels: 3, pageHeight: height } });
    const timing = { loop: 0, delay: Array<number>(frames).fill(200) };
    return format === 'gif' ? strip.gif(timing).toBuffer() : strip.webp({ ...timing, lossless: true }).toBuffer();
  }
  // APNG (W3C PNG 3rd edition § 4.3): acTL before the first IDAT, an fcTL before each frame, and
  // frames after the first as fdAT (a sequence number, then the IDAT data).
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const u32 = (...values: number[]) => Buffer.concat(values.map((value) => { const b = Buffer.alloc(4); b.writeUInt32BE(value); return b; }));
  const u16 = (...values: number[]) => Buffer.concat(values.map((value) => { const b = Buffer.alloc(2); b.writeUInt16BE(value); return b; }));
  const frameBytes = width * height * 3;
  const pngs = await Promise.all(
    Array.from({ length: frames }, (_, at) => sharp(raw.subarray(at * frameBytes, (at + 1) * frameBytes), { raw: { width, height, channels: 3 } }).png().toBuffer()),
  );
  const chunksOf = (png: Buffer) => {
    const found: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      found.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length) });
      at += 12 + length;
    }
    return found;
  };
  let sequence = 0;
  const control = () => Buffer.concat([u32(sequence++, width, height, 0, 0), u16(1, 5), Buffer.from([0, 0])]);
  const parts: Buffer[] = [pngs[0]!.subarray(0, 8)];
  const first = chunksOf(pngs[0]!);
  parts.push(chunk('IHDR', first.find((c) => c.type === 'IHDR')!.data), chunk('acTL', u32(frames, 0)), chunk('fcTL', control()));
  for (const { data } of first.filter((c) => c.type === 'IDAT')) parts.push(chunk('IDAT', data));
  for (const png of pngs.slice(1)) {
    parts.push(chunk('fcTL', control()));
    for (const { data } of chunksOf(png).filter((c) => c.type === 'IDAT')) parts.push(chunk('fdAT', Buffer.concat([u32(sequence++), data])));
  }
  parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/**
 * A chart on a transparent background, as a newsroom's graphics tool exports it: dark axes,
 * bars and labels on nothing, `width` × `height` px PNG with an alpha channel.
 */
export async function testChart(width: number, height: number): Promise<Buffer> {
  const bars = [0.35, 0.6, 0.45, 0.8, 0.55]
    .map((value, at) => `<rect x="${(0.12 + at * 0.17) * width}" y="${(0.9 - value * 0.8) * height}" width="${0.11 * width}" height="${value * 0.8 * height}" fill="#1f3b57"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="M${0.08 * width} ${0.05 * height}V${0.9 * height}H${0.97 * width}" stroke="#111" stroke-width="${Math.max(2, width / 300)}" fill="none"/>${bars}<text x="${0.1 * width}" y="${0.08 * height}" font-family="sans-serif" font-size="${height / 14}" fill="#111">Shipments, millions</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * A tall infographic, `width` × `height` px PNG: bands of colour with a rule every 1,000 px,
 * taller than AVIF and WebP can encode at full width when `height` is over 16,383.
 */
export async function testInfographic(width: number, height: number): Promise<Buffer> {
  const bands = Array.from({ length: Math.ceil(height / 1000) }, (_, at) => `<rect y="${at * 1000}" width="${width}" height="1000" fill="hsl(${(at * 37) % 360},45%,${at % 2 ? 85 : 70}%)"/><rect y="${at * 1000}" width="${width}" height="8" fill="#222"/>`).join('');
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${bands}</svg>`), { limitInputPixels: false }).png().toBuffer();
}

/**
 * Writes the pictures tests/fixtures/corpora/newsroom-media names into `dir` (a copy of it):
 * an animated GIF, WebP and PNG (640 × 360, four frames), a 600 × 17,000 px infographic, a
 * transparent chart (1,200 × 675 PNG) and an 800 × 450 WebP photo. Made, not committed.
 */
export async function writeNewsroomMediaPictures(dir: string): Promise<void> {
  const pictures: [string, Promise<Buffer>][] = [
    ['loop.gif', testAnimation('gif', 640, 360)],
    ['loop.webp', testAnimation('webp', 640, 360)],
    ['loop.png', testAnimation('png', 640, 360)],
    ['infographic.png', testInfographic(600, 17_000)],
    ['chart.png', testChart(1200, 675)],
    ['small.webp', testPhoto(800, 450, 5).then((jpeg) => sharp(jpeg).webp().toBuffer())],
  ];
  for (const [file, bytes] of pictures) writeFileSync(join(dir, file), await bytes);
}
