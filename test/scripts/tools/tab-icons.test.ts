import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { COLORS, renderIcons, SIZE } from '../../../scripts/tools/tab-icons';

const SRC = path.join(__dirname, '..', '..', '..', 'src');

type TabBar = {
  color: string;
  selectedColor: string;
  list: { pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }[];
};

/** src/app.config.ts's tabBar, as Taro evaluates the file (defineAppConfig is a global there). */
function tabBar(): TabBar {
  const g = globalThis as { defineAppConfig?: (c: unknown) => unknown };
  g.defineAppConfig = (config) => config;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated after the global exists
  return (require('../../../src/app.config') as { default: { tabBar: TabBar } }).default.tabBar;
}

/** Width, height, bit depth and colour type from the IHDR chunk, and the pixels (RGBA rows, filter 0). */
function readPng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString('ascii', 12, 16)).toBe('IHDR');
  const ihdr = {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    bitDepth: png[24],
    colorType: png[25],
  };
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { ...ihdr, rows: inflateSync(Buffer.concat(idat)) };
}

/** The distinct colours of the pixels that show (alpha above 0), as #rrggbb. */
function visibleColors(rows: Buffer, width: number): Set<string> {
  const colors = new Set<string>();
  const stride = width * 4 + 1;
  for (let y = 0; y * stride < rows.length; y++) {
    expect(rows[y * stride]).toBe(0);
    for (let x = 0; x < width; x++) {
      const o = y * stride + 1 + x * 4;
      if (rows[o + 3]! > 0)
        colors.add(`#${[0, 1, 2].map((k) => rows[o + k]!.toString(16).padStart(2, '0')).join('')}`);
    }
  }
  return colors;
}

const bar = tabBar();
const icons = bar.list.flatMap((item) => [
  { item: item.text, file: item.iconPath, color: bar.color },
  { item: item.text, file: item.selectedIconPath, color: bar.selectedColor },
]);

test('the tab bar has its three tabs, each with both icons, in the colours the script draws with', () => {
  expect(bar.list.map((i) => i.text)).toEqual(['首页', '通知', '我的']);
  expect(icons.every((i) => typeof i.file === 'string')).toBe(true);
  expect(COLORS).toEqual({ normal: bar.color, selected: bar.selectedColor });
});

test.each(icons)('$item: $file is an 81×81 RGBA PNG in $color, under 40 KB', ({ file, color }) => {
  const full = path.join(SRC, file!);
  expect(existsSync(full)).toBe(true);
  const png = readFileSync(full);
  expect(png.length).toBeLessThan(40 * 1024); // WeChat's limit for a tab-bar icon
  const { width, height, bitDepth, colorType, rows } = readPng(png);
  expect({ width, height, bitDepth, colorType }).toEqual({
    width: 81,
    height: 81,
    bitDepth: 8,
    colorType: 6,
  });
  expect(SIZE).toBe(81);
  expect([...visibleColors(rows, width)]).toEqual([color]);
});

test('the committed icons are what scripts/tools/tab-icons.ts draws (run it after changing a shape)', () => {
  const drawn = renderIcons();
  expect([...drawn.keys()].sort()).toEqual(icons.map((i) => path.basename(i.file!)).sort());
  for (const { file } of icons) {
    expect(readFileSync(path.join(SRC, file!)).equals(drawn.get(path.basename(file!))!)).toBe(true);
  }
});
