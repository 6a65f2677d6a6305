import fontkit from '@pdf-lib/fontkit';
import { type Color, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { cjkFont } from '../../platform/pdf-font.ts';
import { wrapText } from '../documents/pdf.ts';
import { NATIONAL_HOTLINE_LINE, PORTAL_MODULES, type PosterPage } from './posters.models.ts';
import { drawQr, QUIET_ZONE, qrMatrix } from './qr.ts';

// The printed QR poster of 救助服务码上通 (§9.5): A4 portrait, one page per village or location —
// the title band, the place, a QR code whose symbol is 9 cm wide (quiet zone around it), the
// address under it, the three modules, and the public phone lines. No personal data (§2.2).

export const A4: [number, number] = [595.28, 841.89];
/** 9 cm: the symbol's width without its quiet zone (at least 8 cm, to scan from a step back). */
export const QR_SYMBOL_PT = (90 / 25.4) * 72;
export const RED = rgb(0.72, 0.11, 0.11);
export const INK = rgb(0.1, 0.1, 0.1);
export const GREY = rgb(0.4, 0.4, 0.4);
const WHITE = rgb(1, 1, 1);
const PALE = rgb(0.99, 0.95, 0.93);

/** A PDF being written, which also keeps every string it draws and every text it encodes as a QR code. */
export type Sheet = {
  pdf: PDFDocument;
  font: PDFFont;
  texts: string[];
  qrTexts: string[];
  text(page: PDFPage, s: string, x: number, baseline: number, size: number, color?: Color): void;
  centred(page: PDFPage, s: string, baseline: number, size: number, color?: Color): void;
};
export type PrintedPdf = { bytes: Uint8Array; pageCount: number; texts: string[]; qrTexts: string[] };

export async function openSheet(title: string): Promise<Sheet> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  pdf.setProducer('Huijiu');
  pdf.setCreator('Huijiu 汇救');
  const font = await pdf.embedFont(cjkFont(), { subset: true });
  const texts: string[] = [];
  const sheet: Sheet = {
    pdf,
    font,
    texts,
    qrTexts: [],
    text(page, s, x, baseline, size, color = INK) {
      texts.push(s);
      page.drawText(s, { x, y: baseline, size, font, color });
    },
    centred(page, s, baseline, size, color = INK) {
      sheet.text(page, s, (A4[0] - font.widthOfTextAtSize(s, size)) / 2, baseline, size, color);
    },
  };
  return sheet;
}

export async function closeSheet(sheet: Sheet): Promise<PrintedPdf> {
  const bytes = await sheet.pdf.save();
  return { bytes, pageCount: sheet.pdf.getPageCount(), texts: sheet.texts, qrTexts: sheet.qrTexts };
}

/** A QR code centred on the page, its box's top at `top`; returns the box's bottom. */
export function centredQr(sheet: Sheet, page: PDFPage, url: string, top: number, symbolPt: number): number {
  const m = qrMatrix(url, 'M');
  const side = (symbolPt * (m.size + 2 * QUIET_ZONE)) / m.size;
  drawQr(page, m, (A4[0] - side) / 2, top, side);
  sheet.qrTexts.push(url);
  return top - side;
}

function placeLines(p: PosterPage): [string, string | null] {
  const village = [p.townName, p.villageName].filter(Boolean).join(' · ');
  if (p.location) return [p.location, village ? `${p.countyName} · ${village}` : p.countyName];
  return [village || p.countyName, village ? p.countyName : null];
}

function drawPoster(sheet: Sheet, p: PosterPage) {
  const { font } = sheet;
  const page = sheet.pdf.addPage(A4);
  const [W, H] = A4;
  page.drawRectangle({ x: 0, y: H - 170, width: W, height: 170, color: RED });
  sheet.centred(page, '救助服务码上通', H - 78, 42, WHITE);
  const [place, under] = placeLines(p);
  const sizeToFit = (text: string, size: number) =>
    Math.min(size, (W - 88) / font.widthOfTextAtSize(text, 1));
  sheet.centred(page, place, H - 122, sizeToFit(place, 20), WHITE);
  if (under) sheet.centred(page, under, H - 150, sizeToFit(under, 13), WHITE);

  // The address under the code, for typing it in: a location's label readable, not percent-encoded.
  const urlLines = wrapText(decodeURI(p.url), font, 8, W - 88);
  let y = centredQr(sheet, page, p.url, H - 190, QR_SYMBOL_PT) - 12;
  for (const line of urlLines) {
    sheet.centred(page, line, y, 8, GREY);
    y -= 11;
  }
  sheet.centred(page, '微信或手机相机扫一扫，即可了解政策、查询公示、在线申请', y - 11, 13);

  // The three modules, side by side in framed boxes.
  const gap = 12;
  const boxW = (W - 2 * 44 - 2 * gap) / 3;
  const boxTop = y - 29;
  const boxH = 112;
  PORTAL_MODULES.forEach((m, i) => {
    const x = 44 + i * (boxW + gap);
    page.drawRectangle({
      x,
      y: boxTop - boxH,
      width: boxW,
      height: boxH,
      color: PALE,
      borderColor: RED,
      borderWidth: 1,
    });
    const centre = (s: string, baseline: number, size: number, color: Color) =>
      sheet.text(page, s, x + (boxW - font.widthOfTextAtSize(s, size)) / 2, baseline, size, color);
    centre(m.name, boxTop - 30, 22, RED);
    centre(m.motto, boxTop - 52, 13, INK);
    wrapText(m.line, font, 10, boxW - 20).forEach((line, k) => {
      sheet.text(page, line, x + 10, boxTop - 74 - k * 14, 10, GREY);
    });
  });

  const phones = `监督咨询电话：${NATIONAL_HOTLINE_LINE}${p.bureauLine ? `　${p.bureauName}：${p.bureauLine}` : ''}`;
  for (const [k, line] of wrapText(phones, font, 13, W - 88).entries())
    sheet.centred(page, line, boxTop - boxH - 34 - k * 20, 13);
  page.drawLine({ start: { x: 44, y: 62 }, end: { x: W - 44, y: 62 }, thickness: 0.5, color: GREY });
  sheet.centred(page, `${p.bureauName} 制`, 44, 10, GREY);
}

/** One PDF with a page per poster (a village, a town's villages, or a free location). */
export async function renderPosters(title: string, pages: readonly PosterPage[]): Promise<PrintedPdf> {
  const sheet = await openSheet(title);
  for (const p of pages) drawPoster(sheet, p);
  return closeSheet(sheet);
}
