/**
 * Draws the tab-bar icons (首页 house, 通知 bell, 我的 person) as 81×81 PNGs, in the tab bar's two colours
 * (app.config.ts tabBar: color normal, selectedColor selected), into src/assets/tab/. Run `npx tsx
 * scripts/tools/tab-icons.ts` after changing a shape or a colour and commit the PNGs;
 * test/scripts/tools/tab-icons.test.ts fails when the committed files differ from what this draws.
 *
 * No image library or browser: the shapes are a few circles, rectangles and triangles, drawn by testing 4×4
 * points per pixel (anti-aliased edges), and a PNG is a signature plus three zlib-compressed chunks. This
 * keeps the output byte-for-byte reproducible on any machine (a browser's renderer or a library's encoder
 * version would change the bytes) and adds no dependency for 6 small files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

export const SIZE = 81;
/** The tab bar's colours in src/app.config.ts. */
export const COLORS = { normal: '#5c5c63', selected: '#b3261e' } as const;
export const OUT_DIR = path.join(__dirname, '..', '..', 'src', 'assets', 'tab');

/** A shape: whether the point (x, y), in pixels from the top left, is inside. */
type Shape = (x: number, y: number) => boolean;

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** A rectangle with round ends (radius half its height). */
const capsule = (x0: number, y0: number, x1: number, y1: number): Shape => {
  const r = (y1 - y0) / 2;
  return union(rect(x0 + r, y0, x1 - r, y1), circle(x0 + r, y0 + r, r), circle(x1 - r, y0 + r, r));
};
const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
/** The triangle a-b-c (any winding). */
const triangle = (a: [number, number], b: [number, number], c: [number, number]): Shape => {
  const side = (p: [number, number], q: [number, number], x: number, y: number) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s1 = side(a, b, x, y);
    const s2 = side(b, c, x, y);
    const s3 = side(c, a, x, y);
    return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
  };
};
function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((s) => s(x, y));
}
const minus =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);
const above =
  (shape: Shape, yMax: number): Shape =>
  (x, y) =>
    y <= yMax && shape(x, y);

const C = SIZE / 2;

/** The three icons, in the order of the tab bar. */
export const ICONS: Record<'home' | 'notices' | 'me', Shape> = {
  // A house: the roof, the walls, and a door cut out.
  home: minus(
    union(triangle([C, 9], [5, 41], [SIZE - 5, 41]), rect(15, 36, SIZE - 15, 71)),
    rect(C - 7, 50, C + 7, 72),
  ),
  // A bell: the knob, the dome, the rim and the clapper.
  notices: union(
    circle(C, 13, 4.5),
    above(circle(C, 36, 21), 36),
    triangle([C - 21, 36], [C + 21, 36], [C - 25, 58]),
    triangle([C + 21, 36], [C + 25, 58], [C - 25, 58]),
    capsule(9, 54, SIZE - 9, 63),
    circle(C, 68, 6.5),
  ),
  // A person: the head, and the shoulders as the top of an ellipse.
  me: union(circle(C, 25, 14.5), above(ellipse(C, 75, 28, 29), 72)),
};

/** The shape as straight (non-premultiplied) RGBA rows, the colour everywhere, coverage as alpha. */
function raster(shape: Shape, color: string): Buffer {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) as [number, number, number];
  const SAMPLES = 4;
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let inside = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) inside++;
        }
      }
      const o = (py * SIZE + px) * 4;
      pixels[o] = r;
      pixels[o + 1] = g;
      pixels[o + 2] = b;
      pixels[o + 3] = Math.round((inside * 255) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG of SIZE×SIZE straight-alpha pixels: each row with filter 0 (none), deflated. */
export function encodePng(rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, adaptive filters, no interlace
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon file: `home.png` (normal) and `home-active.png` (selected), and so on. */
export function renderIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const [name, shape] of Object.entries(ICONS)) {
    files.set(`${name}.png`, encodePng(raster(shape, COLORS.normal)));
    files.set(`${name}-active.png`, encodePng(raster(shape, COLORS.selected)));
  }
  return files;
}

if (require.main === module) {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [file, png] of renderIcons()) {
    writeFileSync(path.join(OUT_DIR, file), png);
    console.log(`${path.relative(process.cwd(), path.join(OUT_DIR, file))} ${png.length} bytes`);
  }
}
