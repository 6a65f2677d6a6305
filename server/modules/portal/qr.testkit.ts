import zlib from 'node:zlib';

// Test support: reads a QR symbol back without a decoder library — from a module matrix to its
// text (ISO/IEC 18004: format information, unmasking, the zigzag placement, de-interleaving, byte
// mode), and from a PDF's content streams to the matrices drawn there by qr.ts. An undamaged
// symbol needs no error correction, so Reed–Solomon is not implemented. Versions 1–10, levels M/Q.

const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];
/** [count, total codewords, data codewords] per block group, versions 1–10 (ISO/IEC 18004 Table 9). */
const BLOCKS: Record<'M' | 'Q', readonly (readonly number[])[]> = {
  M: [
    [],
    [1, 26, 16],
    [1, 44, 28],
    [1, 70, 44],
    [2, 50, 32],
    [2, 67, 43],
    [4, 43, 27],
    [4, 49, 31],
    [2, 60, 38, 2, 61, 39],
    [3, 58, 36, 2, 59, 37],
    [4, 69, 43, 1, 70, 44],
  ],
  Q: [
    [],
    [1, 26, 13],
    [1, 44, 22],
    [2, 35, 17],
    [2, 50, 24],
    [2, 33, 15, 2, 34, 16],
    [4, 43, 19],
    [2, 32, 14, 4, 33, 15],
    [4, 40, 18, 2, 41, 19],
    [4, 36, 16, 4, 37, 17],
    [6, 43, 19, 2, 44, 20],
  ],
};
const MASKS: ((i: number, j: number) => boolean)[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

/** Modules that are not data: finders with separators, timing, alignment, format and version areas. */
function functionModules(n: number, version: number): boolean[][] {
  const f = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  const box = (r0: number, c0: number, h: number, w: number) => {
    for (let r = r0; r < r0 + h; r++) for (let c = c0; c < c0 + w; c++) f[r]![c] = true;
  };
  box(0, 0, 9, 9); // finder, separator and format information
  box(0, n - 8, 9, 8);
  box(n - 8, 0, 8, 9);
  // Alignment patterns before the timing lines: only a centre inside a finder is skipped.
  const centres = ALIGNMENT[version]!;
  for (const r of centres) for (const c of centres) if (!f[r]![c]) box(r - 2, c - 2, 5, 5);
  box(6, 0, 1, n);
  box(0, 6, n, 1);
  if (version >= 7) {
    box(0, n - 11, 6, 3);
    box(n - 11, 0, 3, 6);
  }
  return f;
}

/** The text of a symbol (byte mode), or an error naming what could not be read. */
export function decodeQr(dark: readonly (readonly boolean[])[]): {
  text: string;
  version: number;
  level: 'M' | 'Q';
} {
  const n = dark.length;
  const version = (n - 17) / 4;
  if (!Number.isInteger(version) || version < 1 || version > 10)
    throw new Error(`unsupported symbol size ${n}`);
  // Format information, first copy (row/column 8 around the top-left finder), bit i as placed.
  let bits = 0;
  for (let i = 0; i < 15; i++) {
    const r = i < 6 ? i : i < 8 ? i + 1 : n - 15 + i;
    if (dark[r]![8]) bits |= 1 << i;
  }
  const format = (bits ^ 0x5412) >> 10;
  const level = ({ 0: 'M', 3: 'Q' } as const)[(format >> 3) as 0 | 3];
  if (!level) throw new Error(`unsupported error-correction level bits ${format >> 3}`);
  const mask = MASKS[format & 7]!;
  const fn = functionModules(n, version);
  const stream: number[] = [];
  let up = true;
  for (let col = n - 1; col > 0; col -= 2) {
    if (col === 6) col--;
    for (let k = 0; k < n; k++) {
      const row = up ? n - 1 - k : k;
      for (const c of [col, col - 1]) {
        if (!fn[row]![c]) stream.push(dark[row]![c] !== mask(row, c) ? 1 : 0);
      }
    }
    up = !up;
  }
  const codewords: number[] = [];
  for (let i = 0; i + 8 <= stream.length; i += 8)
    codewords.push(stream.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  const groups = BLOCKS[level][version]!;
  const dataSizes: number[] = [];
  for (let g = 0; g < groups.length; g += 3)
    for (let b = 0; b < groups[g]!; b++) dataSizes.push(groups[g + 2]!);
  const blocks = dataSizes.map(() => [] as number[]);
  let at = 0;
  for (let i = 0; i < Math.max(...dataSizes); i++)
    dataSizes.forEach((size, b) => {
      if (i < size) blocks[b]!.push(codewords[at++]!);
    });
  const data = blocks.flat();
  const bitAt = (i: number) => (data[i >> 3]! >> (7 - (i & 7))) & 1;
  const read = (from: number, len: number) => {
    let v = 0;
    for (let i = 0; i < len; i++) v = (v << 1) | bitAt(from + i);
    return v;
  };
  if (read(0, 4) !== 0b0100) throw new Error(`not a byte-mode segment: mode ${read(0, 4)}`);
  const countBits = version < 10 ? 8 : 16;
  const length = read(4, countBits);
  const bytes = Array.from({ length }, (_, i) => read(4 + countBits + 8 * i, 8));
  return { text: Buffer.from(bytes).toString('latin1'), version, level };
}

/**
 * The QR matrices a PDF draws: every graphics block filled from axis-aligned unit-height
 * rectangles at integer module coordinates (qr.ts's path, scaled by its `cm`), rebuilt as a matrix.
 */
export function qrMatricesInPdf(pdf: Uint8Array): { dark: boolean[][]; modulePt: number }[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const found: { dark: boolean[][]; modulePt: number }[] = [];
  const streamRe = /stream\r?\n/g;
  for (let m = streamRe.exec(raw); m; m = streamRe.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const block of content.split(/\nQ\n/)) {
      const runs = [...block.matchAll(/(\d+) (\d+) m\n(\d+) \2 l\n\3 (\d+) l\n\1 \4 l\nh/g)];
      const scale = / 0 0 -([\d.]+) 0 0 cm/.exec(block);
      if (runs.length < 50 || !scale) continue;
      const cells = runs.map((r) => ({ c0: Number(r[1]), row: Number(r[2]), c1: Number(r[3]) }));
      const n = Math.max(...cells.map((c) => Math.max(c.c1, c.row + 1)));
      const dark = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
      for (const c of cells) for (let x = c.c0; x < c.c1; x++) dark[c.row]![x] = true;
      found.push({ dark, modulePt: Number(scale[1]) });
    }
  }
  return found;
}
