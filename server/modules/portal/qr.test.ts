import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { portalUrl } from './posters.models.ts';
import { decodeQr, qrMatricesInPdf } from './qr.testkit.ts';
import { drawQr, QUIET_ZONE, qrMatrix, qrPath } from './qr.ts';

// The QR matrix builder (ISO/IEC 18004 byte mode, level M) and its vector drawing: what a phone
// reads is exactly the URL given, the symbol has 17 + 4 × version modules a side, and the drawn
// path rebuilds the same matrix.

const BASE = 'https://jiuzhu.example.gov.cn';
const URLS = [
  portalUrl(BASE, { villageCode: '370971001201' }),
  portalUrl('http://localhost:3000', { villageCode: '370971100203' }),
  portalUrl(BASE, { villageCode: '370971001201', location: '北集坡公交站' }),
  portalUrl(BASE, { location: '人民公园东门' }),
  `${BASE}/portal/policies`,
];

/** Byte-mode capacity at level M, versions 1–10 (ISO/IEC 18004 Table 7). */
const CAPACITY_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

describe('qrMatrix', () => {
  it.each(URLS)('encodes exactly the URL it is given: %s', (url) => {
    const m = qrMatrix(url);
    const read = decodeQr(m.dark);
    expect(read.text).toBe(url);
    expect(read.level).toBe('M');
    expect(read.version).toBe(m.version);
  });

  it('has 17 + 4 × version modules a side, the smallest version that holds the text at level M', () => {
    for (const [i, capacity] of CAPACITY_M.entries()) {
      const fits = qrMatrix('x'.repeat(capacity));
      expect(fits.version).toBe(i + 1);
      expect(fits.size).toBe(17 + 4 * fits.version);
      expect(fits.dark).toHaveLength(fits.size);
      expect(fits.dark.every((row) => row.length === fits.size)).toBe(true);
      if (i < CAPACITY_M.length - 1) expect(qrMatrix('x'.repeat(capacity + 1)).version).toBe(i + 2);
    }
  });

  it('the decoder notices a changed module (the round trip can fail)', () => {
    const url = URLS[0]!;
    const m = qrMatrix(url);
    const n = m.size;
    m.dark[n - 1]![n - 1] = !m.dark[n - 1]![n - 1]; // the first bit of the mode indicator
    expect(() => decodeQr(m.dark).text).toThrow(/byte-mode/);
    expect(decodeQr(qrMatrix(URLS[1]!).dark).text).not.toBe(url);
  });

  it('refuses text a byte-mode symbol would corrupt (anything but printable ASCII)', () => {
    expect(() => qrMatrix('https://x.cn/portal?at=公园')).toThrow(/ASCII/);
    expect(() => qrMatrix('')).toThrow(/ASCII/);
  });

  it('a label is percent-encoded into the URL, so the location survives the byte mode', () => {
    const url = portalUrl(BASE, { villageCode: '370971001201', location: '泰山 公交站&东' });
    expect(url).toBe(
      `${BASE}/portal?v=370971001201&at=%E6%B3%B0%E5%B1%B1%20%E5%85%AC%E4%BA%A4%E7%AB%99%26%E4%B8%9C`,
    );
    expect(decodeURIComponent(new URL(decodeQr(qrMatrix(url).dark).text).searchParams.get('at')!)).toBe(
      '泰山 公交站&东',
    );
  });
});

describe('drawing', () => {
  it('the path has one rectangle per run of dark modules and rebuilds the matrix', () => {
    const m = qrMatrix(URLS[0]!);
    const runs = m.dark.reduce(
      (sum, row) => sum + row.filter((d, c) => d && (c === 0 || !row[c - 1])).length,
      0,
    );
    expect(qrPath(m).match(/M/g)).toHaveLength(runs);
  });

  it('a drawn symbol reads back from the PDF, with a four-module quiet zone in its box', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595.28, 841.89]);
    const m = qrMatrix(URLS[2]!);
    const side = 300;
    const module = drawQr(page, m, 100, 700, side);
    expect(module * (m.size + 2 * QUIET_ZONE)).toBeCloseTo(side, 6);
    const [found, ...more] = qrMatricesInPdf(await pdf.save());
    expect(more).toHaveLength(0);
    expect(found!.dark).toEqual(m.dark);
    expect(found!.modulePt).toBeCloseTo(module, 6);
    expect(decodeQr(found!.dark).text).toBe(URLS[2]);
  });
});
