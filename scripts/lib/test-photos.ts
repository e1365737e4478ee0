/**
 * Generated test photographs, for tests, the benchmark and the screenshots: no large picture is
 * committed to the repository.
 */
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
