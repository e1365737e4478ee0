/**
 * Generated test photographs, for tests, the benchmark and the screenshots: no large picture is
 * committed to the repository.
 */
import sharp from 'sharp';

/**
 * A photograph-like JPEG of `width` × `height` px: a diagonal colour gradient under seeded noise,
 * so encoders meet detail the way they do in a real photo (a flat picture would compress to
 * almost nothing and make byte counts meaningless). The same seed gives the same bytes.
 */
export async function testPhoto(width: number, height: number, seed = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed >>> 0 || 1;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // xorshift32: cheap, seeded, good enough for grain.
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const grain = ((state >>> 0) % 48) - 24;
      const at = (y * width + x) * 3;
      const t = (x / width + y / height) / 2;
      pixels[at] = clamp(40 + 180 * t + grain);
      pixels[at + 1] = clamp(90 + 100 * Math.sin(6 * t + seed) + grain);
      pixels[at + 2] = clamp(200 - 150 * t + grain);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

function clamp(value: number): number {
  return Math.max(0, Math.min(255, Math.round(value)));
}

