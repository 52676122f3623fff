// A small PNG decoder for the render tests: 8-bit RGBA or RGB, not interlaced (what resvg writes), to RGBA pixels.
import { inflateSync } from 'node:zlib';

/** A decoded image: its size and its pixels, four bytes (RGBA) each, row by row. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8Array;
}

/** Returns the width and height in a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, k) => png[k] === byte)) throw new Error('not a PNG');
  if (String.fromCharCode(...png.subarray(12, 16)) !== 'IHDR') throw new Error('no IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Returns the pixels of an 8-bit, non-interlaced RGBA or RGB PNG, undoing each row's filter. */
export function decodePng(png: Uint8Array): Pixels {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const { width, height } = pngSize(png);
  const [depth, colourType, , , interlace] = png.subarray(24, 29);
  if (depth !== 8 || (colourType !== 6 && colourType !== 2) || interlace !== 0)
    throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}`);
  const channels = colourType === 6 ? 4 : 3;
  const chunks: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    if (type === 'IDAT') chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * channels;
  const rows = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[y * stride + x - channels] : 0;
      const b = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? rows[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const predictor = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter ${filter}`);
      rows[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let k = 0; k < width * height; k++) rgba.set([rows[3 * k], rows[3 * k + 1], rows[3 * k + 2], 255], 4 * k);
  return { width, height, rgba };
}

/** Returns whether the pixel at (x, y) is dark (text, axes, lines): opaque with luminance below 96. */
export function isDark(image: Pixels, x: number, y: number): boolean {
  const k = 4 * (y * image.width + x);
  const [r, g, b, a] = image.rgba.subarray(k, k + 4);
  return a > 128 && 0.299 * r + 0.587 * g + 0.114 * b < 96;
}

/** Returns whether the pixel at (x, y) is opaque white. */
export function isWhite(image: Pixels, x: number, y: number): boolean {
  const k = 4 * (y * image.width + x);
  return image.rgba[k] === 255 && image.rgba[k + 1] === 255 && image.rgba[k + 2] === 255 && image.rgba[k + 3] === 255;
}
