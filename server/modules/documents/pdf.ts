import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { cjkFont } from '../../platform/pdf-font.ts';
import { type Doc, type PublicityDoc, WATERMARK } from './documents.models.ts';

// PDF layout of the printed documents: A4, title centred, wrapped body lines, a table for the
// publicity list, and on every page the print time and the watermark line. The CJK font is Noto Sans
// SC (SIL OFL 1.1) from the npm package @expo-google-fonts/noto-sans-sc: no network and no system
// fonts at run time; it is subset on embedding, so a one-page notice stays around 10–20 KB.

const A4: [number, number] = [595.28, 841.89];
const MARGIN_X = 60;
const TOP = A4[1] - 64;
const BOTTOM = 84;
const WIDTH = A4[0] - 2 * MARGIN_X;
const BODY = 12;
const LEADING = 21;
const GREY = rgb(0.4, 0.4, 0.4);
const INK = rgb(0.1, 0.1, 0.1);

/** Characters that may not start a line (they hang at the end of the previous one). */
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’,.;:?!)]%']);

/**
 * Greedy line breaking by measured width: CJK per character, Latin words kept whole when they fit.
 * `firstWidth` is the width of the text's first line (a first-line indent).
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number, firstWidth = width) {
  const lines: string[] = [];
  let max = firstWidth;
  for (const para of text.replace(/[\t\r]/g, ' ').split('\n')) {
    const tokens = (para.match(/[A-Za-z0-9@._\-/]+|./gsu) ?? []).flatMap((t) =>
      t.length > 1 && font.widthOfTextAtSize(t, size) > width ? [...t] : [t],
    );
    let line = '';
    for (const token of tokens) {
      if (line === '' && token === ' ') continue;
      if (line === '' || NO_LINE_START.has(token) || font.widthOfTextAtSize(line + token, size) <= max) {
        line += token;
      } else {
        lines.push(line.trimEnd());
        line = token === ' ' ? '' : token;
        max = width;
      }
    }
    lines.push(line.trimEnd());
    max = width;
  }
  return lines;
}

class Layout {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = TOP;

  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    private readonly onNewPage: () => void = () => {},
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = TOP;
    if (this.pages.length > 1) this.onNewPage();
  }

  /** Starts a new page unless `height` still fits above the footer. */
  ensure(height: number) {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(s: string, x: number, size = BODY, color = INK) {
    this.page.drawText(s, { x, y: this.y - size, size, font: this.font, color });
  }

  centred(s: string, size: number, color = INK) {
    this.text(s, (A4[0] - this.font.widthOfTextAtSize(s, size)) / 2, size, color);
    this.y -= size * 1.8;
  }

  right(s: string, size = BODY) {
    this.ensure(LEADING);
    this.text(s, A4[0] - MARGIN_X - this.font.widthOfTextAtSize(s, size), size);
    this.y -= LEADING;
  }

  /** A wrapped paragraph; `indent` leaves two full-width characters before the first line. */
  paragraph(s: string, x = MARGIN_X, width = WIDTH, indent = true) {
    const pad = indent ? this.font.widthOfTextAtSize('　　', BODY) : 0;
    wrapText(s, this.font, BODY, width, width - pad).forEach((line, i) => {
      this.ensure(LEADING);
      this.text(line, x + (i === 0 ? pad : 0));
      this.y -= LEADING;
    });
  }

  title(title: string, subtitle: string) {
    this.y -= 6;
    this.centred(title, 20);
    if (subtitle) this.centred(subtitle, 11, GREY);
    this.y -= 8;
  }

  signature(lines: readonly string[]) {
    this.y -= LEADING;
    for (const l of lines) this.right(l);
  }

  /** Print time, page number and the watermark line on every page, once the page count is known. */
  footers(printedAt: string) {
    const n = this.pages.length;
    this.pages.forEach((p, i) => {
      const size = 9;
      const meta = `打印时间：${printedAt}    第 ${i + 1} 页 / 共 ${n} 页`;
      p.drawText(meta, { x: MARGIN_X, y: 48, size, font: this.font, color: GREY });
      const w = this.font.widthOfTextAtSize(WATERMARK, 10);
      p.drawText(WATERMARK, { x: (A4[0] - w) / 2, y: 30, size: 10, font: this.font, color: GREY });
      p.drawLine({
        start: { x: MARGIN_X, y: 62 },
        end: { x: A4[0] - MARGIN_X, y: 62 },
        thickness: 0.5,
        color: GREY,
      });
    });
  }
}

async function open(title: string): Promise<{ pdf: PDFDocument; font: PDFFont }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(title);
  pdf.setProducer('Huijiu');
  pdf.setCreator('Huijiu 汇救');
  const font = await pdf.embedFont(cjkFont(), { subset: true });
  return { pdf, font };
}

/** A one-case document: title, field lines and paragraphs, signature. */
export async function renderDoc(doc: Doc): Promise<Uint8Array> {
  const { pdf, font } = await open(doc.title);
  const l = new Layout(pdf, font);
  l.title(doc.title, doc.subtitle);
  const labelWidth = font.widthOfTextAtSize('月保障金额：', BODY) + 8;
  for (const b of doc.blocks) {
    if (b.kind === 'para') {
      l.y -= 4;
      l.paragraph(b.text, MARGIN_X, WIDTH, b.indent ?? true);
      continue;
    }
    l.ensure(LEADING);
    l.text(`${b.label}：`, MARGIN_X + 24);
    l.paragraph(b.value, MARGIN_X + 24 + labelWidth, WIDTH - 24 - labelWidth, false);
  }
  l.signature(doc.signature);
  l.footers(doc.footer.printedAt);
  return pdf.save();
}

const COLUMNS = [
  { head: '序号', width: 30 },
  { head: '申请人姓名', width: 64 },
  { head: '家庭人口数', width: 62 },
  { head: '初审意见', width: 125 },
  { head: '拟保障金额', width: 84 },
  { head: '公示起止日期', width: WIDTH - 30 - 64 - 62 - 125 - 84 },
] as const;
const CELL = 10;
const CELL_LEADING = 14;

/** The village's publicity list as a table whose header repeats on every page. */
export async function renderPublicity(doc: PublicityDoc): Promise<Uint8Array> {
  const { pdf, font } = await open(doc.title);
  const row = (cells: readonly string[]) => {
    const wrapped = cells.map((c, i) => wrapText(c, font, CELL, COLUMNS[i]!.width - 8));
    const height = Math.max(...wrapped.map((w) => w.length)) * CELL_LEADING + 8;
    l.ensure(height);
    let x = MARGIN_X;
    wrapped.forEach((lines, i) => {
      const w = COLUMNS[i]!.width;
      l.page.drawRectangle({ x, y: l.y - height, width: w, height, borderColor: GREY, borderWidth: 0.5 });
      lines.forEach((s, k) => {
        l.page.drawText(s, {
          x: x + 4,
          y: l.y - 4 - CELL - k * CELL_LEADING + 2,
          size: CELL,
          font,
          color: INK,
        });
      });
      x += w;
    });
    l.y -= height;
  };
  const header = () => row(COLUMNS.map((c) => c.head));
  const l: Layout = new Layout(pdf, font, header);
  l.title(doc.title, doc.subtitle);
  l.paragraph(doc.intro);
  l.y -= 6;
  if (doc.rows.length > 0) header();
  for (const [i, r] of doc.rows.entries())
    row([String(i + 1), r.name, `${r.householdSize} 人`, r.opinion, r.proposedAmount, r.period]);
  l.y -= 10;
  for (const c of doc.closing) l.paragraph(c, MARGIN_X, WIDTH, false);
  l.signature(doc.signature);
  l.footers(doc.footer.printedAt);
  return pdf.save();
}
