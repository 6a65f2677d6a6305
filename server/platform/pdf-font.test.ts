import zlib from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cjkFont, evenGlyphFont, shippedCjkFont } from './pdf-font.ts';

// The Chinese text of a printed poster must survive subset embedding. @pdf-lib/fontkit 1.1.1 writes
// a subset's loca in the short format without padding odd-length glyph records, which garbles every
// glyph after the first odd one (Hopding/pdf-lib#1232); the padded font avoids it.

const SAMPLE = '救助服务码上通 高新区北集坡街道东家庄村村委会 码上知政策早知道，（12349）“码上办”。';

/** The outline (as SVG path data) of every glyph of the font program embedded in a one-text PDF. */
async function embeddedGlyphs(fontBytes: Buffer): Promise<string[]> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(fontBytes, { subset: true });
  pdf.addPage().drawText(SAMPLE, { x: 10, y: 10, size: 12, font });
  const saved = await PDFDocument.load(await pdf.save());
  const descriptor = saved.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('FontFile2')) !== undefined);
  const stream = saved.context.lookup(descriptor!.get(PDFName.of('FontFile2'))) as PDFRawStream;
  const program = fontkit.create(zlib.inflateSync(Buffer.from(stream.contents)));
  return Array.from({ length: program.numGlyphs }, (_, g) => program.getGlyph(g).path.toSVG());
}

/** The same for the sample's distinct glyphs in the original font, plus .notdef. */
function originalGlyphs(): string[] {
  const original = fontkit.create(shippedCjkFont());
  const ids = new Set([0, ...original.glyphsForString(SAMPLE).map((g) => g.id)]);
  return [...ids].map((id) => original.getGlyph(id).path.toSVG());
}

describe('evenGlyphFont', () => {
  it('pads every glyph record to 4 bytes and keeps every outline', () => {
    const original = fontkit.create(shippedCjkFont());
    const even = fontkit.create(cjkFont());
    expect(even.numGlyphs).toBe(original.numGlyphs);
    const offsets = (even as unknown as { loca: { offsets: number[] } }).loca.offsets;
    expect(offsets.every((o) => o % 4 === 0)).toBe(true);
    for (const g of original.glyphsForString(SAMPLE))
      expect(even.getGlyph(g.id).path.toSVG()).toBe(g.path.toSVG());
  });

  it('a subset of the padded font carries every glyph of the text intact', async () => {
    expect((await embeddedGlyphs(cjkFont())).sort()).toEqual(originalGlyphs().sort());
  });

  it('(the library bug the padding works around is still there: drop the padding once this fails)', async () => {
    const broken = await embeddedGlyphs(shippedCjkFont()).then(
      (counts) => JSON.stringify(counts.sort()) !== JSON.stringify(originalGlyphs().sort()),
      () => true,
    );
    expect(broken).toBe(true);
  });

  it('leaves a font without TrueType outlines as it is', () => {
    const notTrueType = Buffer.alloc(12);
    expect(evenGlyphFont(notTrueType)).toBe(notTrueType);
  });
});
