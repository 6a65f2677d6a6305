import type { PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import qrcode from 'qrcode-generator';

// QR codes for the printed posters and the leaflet, drawn as vector paths (crisp at any print size).
// The matrix comes from qrcode-generator (JIS X 0510 / ISO/IEC 18004) in byte mode. Its byte mode
// keeps only the low 8 bits of each UTF-16 unit, so the text must be ASCII: the portal URLs are,
// since their labels are percent-encoded (posters.models.ts portalUrl).

/** M restores ≈15 % of a damaged symbol: enough for a poster indoors or under a bus-stop cover. */
export type QrLevel = 'M' | 'Q';
export type QrMatrix = {
  text: string;
  /** 1–40; the symbol has 17 + 4 × version modules a side. */
  version: number;
  level: QrLevel;
  size: number;
  /** dark[row][col], row 0 at the top. */
  dark: boolean[][];
};

/** ISO/IEC 18004 §6.3.8: a light margin of four modules around the symbol. */
export const QUIET_ZONE = 4;

export function qrMatrix(text: string, level: QrLevel = 'M'): QrMatrix {
  if (!/^[\x20-\x7e]+$/.test(text))
    throw new Error(`a QR text must be printable ASCII (percent-encode it first): ${JSON.stringify(text)}`);
  const qr = qrcode(0, level);
  qr.addData(text, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  const dark = Array.from({ length: size }, (_, r) =>
    Array.from({ length: size }, (_, c) => qr.isDark(r, c)),
  );
  return { text, version: (size - 17) / 4, level, size, dark };
}

/**
 * The dark modules as one SVG path in module units (origin top-left, y down): each horizontal run
 * of dark modules in a row is one rectangle, so a symbol is a few hundred subpaths and one fill.
 */
export function qrPath(m: Pick<QrMatrix, 'size' | 'dark'>): string {
  const parts: string[] = [];
  m.dark.forEach((row, r) => {
    let c = 0;
    while (c < m.size) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (c < m.size && row[c]) c++;
      parts.push(`M${start} ${r}h${c - start}v1h${start - c}z`);
    }
  });
  return parts.join('');
}

/**
 * Draws the symbol with its quiet zone in a square of `side` points whose top-left corner is at
 * (x, top) in page coordinates. Returns the side of one module, in points.
 */
export function drawQr(page: PDFPage, m: QrMatrix, x: number, top: number, side: number): number {
  const module = side / (m.size + 2 * QUIET_ZONE);
  page.drawRectangle({ x, y: top - side, width: side, height: side, color: rgb(1, 1, 1) });
  page.drawSvgPath(qrPath(m), {
    x: x + QUIET_ZONE * module,
    y: top - QUIET_ZONE * module,
    scale: module,
    color: rgb(0, 0, 0),
    borderWidth: 0,
  });
  return module;
}
