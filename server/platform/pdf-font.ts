import fs from 'node:fs';
import { createRequire } from 'node:module';

// @pdf-lib/fontkit 1.1.1 (a stale fork of fontkit 1.7) writes a subset's `loca` table in the short
// format, which stores offsets halved, without padding the glyph records to an even length: after
// the first odd-length glyph every later glyph is read from the wrong byte and prints blank or as
// garbage (Hopding/pdf-lib#1232; fixed upstream in foliojs/fontkit#191, fontkit 1.8). Noto Sans SC
// has odd-length glyphs, so a subset-embedded Chinese text loses most of its characters.
// Workaround without changing the library: rewrite the font once so that every glyph record has an
// even length (padded to 4 bytes, as the TrueType spec recommends); every subset of it is then
// correct in either loca format.

const u16 = (b: Buffer, at: number) => b.readUInt16BE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32BE(at);
const pad4 = (n: number) => (n + 3) & ~3;

function checksum(b: Buffer): number {
  const padded = b.length % 4 === 0 ? b : Buffer.concat([b, Buffer.alloc(4 - (b.length % 4))]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The same TrueType font with every glyph record padded to a multiple of 4 bytes and a long `loca`. */
export function evenGlyphFont(font: Buffer): Buffer {
  const numTables = u16(font, 4);
  const tables = new Map<string, Buffer>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = font.toString('latin1', rec, rec + 4);
    const offset = u32(font, rec + 8);
    tables.set(tag, font.subarray(offset, offset + u32(font, rec + 12)));
  }
  const head = tables.get('head');
  const maxp = tables.get('maxp');
  const loca = tables.get('loca');
  const glyf = tables.get('glyf');
  if (!head || !maxp || !loca || !glyf) return font; // not a TrueType-outline font: nothing to fix
  const longLoca = head.readInt16BE(50) === 1;
  const numGlyphs = u16(maxp, 4);
  const offsetAt = (i: number) => (longLoca ? u32(loca, 4 * i) : 2 * u16(loca, 2 * i));

  const records: Buffer[] = [];
  const newLoca = Buffer.alloc(4 * (numGlyphs + 1));
  let at = 0;
  for (let g = 0; g < numGlyphs; g++) {
    const record = glyf.subarray(offsetAt(g), offsetAt(g + 1));
    const length = pad4(record.length);
    newLoca.writeUInt32BE(at, 4 * g);
    records.push(record, Buffer.alloc(length - record.length));
    at += length;
  }
  newLoca.writeUInt32BE(at, 4 * numGlyphs);
  const newHead = Buffer.from(head);
  newHead.writeInt16BE(1, 50); // indexToLocFormat: long
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment: not recomputed (PDF viewers ignore it)
  tables.set('head', newHead);
  tables.set('loca', newLoca);
  tables.set('glyf', Buffer.concat(records));

  const tags = [...tables.keys()].sort();
  const directory = Buffer.alloc(12 + 16 * tags.length);
  font.copy(directory, 0, 0, 12);
  const bodies: Buffer[] = [];
  let offset = directory.length;
  tags.forEach((tag, i) => {
    const body = tables.get(tag)!;
    const rec = 12 + 16 * i;
    directory.write(tag, rec, 'latin1');
    directory.writeUInt32BE(checksum(body), rec + 4);
    directory.writeUInt32BE(offset, rec + 8);
    directory.writeUInt32BE(body.length, rec + 12);
    bodies.push(body, Buffer.alloc(pad4(body.length) - body.length));
    offset += pad4(body.length);
  });
  return Buffer.concat([directory, ...bodies]);
}

// The CJK font of every printed document is Noto Sans SC (SIL OFL 1.1) from the npm package
// @expo-google-fonts/noto-sans-sc: no network and no system fonts at run time.
const FONT_FILE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let original: Buffer | undefined;
let fixed: Buffer | undefined;

/** The font file as shipped (≈10 MB), read once per process. */
export function shippedCjkFont(): Buffer {
  original ??= fs.readFileSync(createRequire(import.meta.url).resolve(FONT_FILE));
  return original;
}

/** The CJK font of the printed documents, safe to embed as a subset (computed once per process). */
export function cjkFont(): Buffer {
  fixed ??= evenGlyphFont(shippedCjkFont());
  return fixed;
}
