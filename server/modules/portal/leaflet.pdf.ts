import { type LeafletInput, layoutLeaflet, MARGIN_X, type Tone } from './leaflet.models.ts';
import { A4, closeSheet, GREY, INK, openSheet, type PrintedPdf, RED } from './posters.pdf.ts';
import { drawQr, qrMatrix } from './qr.ts';

// Draws the leaflet's layout (leaflet.models.ts) onto A4 pages.

const TONES = { ink: INK, grey: GREY, red: RED } satisfies Record<Tone, unknown>;

export async function renderLeaflet(input: LeafletInput): Promise<PrintedPdf & { entries: number }> {
  const sheet = await openSheet(
    `${input.countyName}社会救助政策明白纸${input.departmentName ? `（${input.departmentName}）` : ''}`,
  );
  const layout = layoutLeaflet(input, sheet.font);
  for (const ops of layout.pages) {
    const page = sheet.pdf.addPage(A4);
    for (const op of ops) {
      if (op.kind === 'text') sheet.text(page, op.s, op.x, op.y, op.size, TONES[op.tone]);
      else if (op.kind === 'rule')
        page.drawLine({
          start: { x: MARGIN_X, y: op.y },
          end: { x: A4[0] - MARGIN_X, y: op.y },
          thickness: 0.5,
          color: GREY,
        });
      else {
        drawQr(page, qrMatrix(op.url), op.x, op.top, op.side);
        sheet.qrTexts.push(op.url);
      }
    }
  }
  return { ...(await closeSheet(sheet)), entries: layout.entries.length };
}
