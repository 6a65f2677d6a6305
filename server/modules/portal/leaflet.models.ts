import type { PDFFont } from 'pdf-lib';
import { dateZh } from '../documents/documents.models.ts';
import { wrapText } from '../documents/pdf.ts';
import { NATIONAL_HOTLINE_LINE } from './posters.models.ts';
import type { CatalogueDepartment, CataloguePolicy } from './posters.repository.ts';
import { QUIET_ZONE, qrMatrix } from './qr.ts';

// The policy leaflet 明白纸 (§9.3, §9.5 码上知; S3 Art.62 publicity duty) laid out as positioned
// strings per A4 page — pure given the font's measurements, so the pagination is testable without
// drawing. Departments in catalogue order, each active policy with who qualifies, what it gives,
// how to apply and whom to call; a QR code to the portal's policy list at the end; page numbers.

export type LeafletInput = {
  countyName: string;
  bureauName: string;
  /** The print date, 'YYYY-MM-DD' (Asia/Shanghai). */
  printedOn: string;
  /** A one-department leaflet names it in the title. */
  departmentName: string | null;
  departments: readonly CatalogueDepartment[];
  policies: readonly CataloguePolicy[];
  /** `<base>/portal/policies` */
  url: string;
};
export type Tone = 'ink' | 'grey' | 'red';
export type LeafletOp =
  | { kind: 'text'; s: string; x: number; y: number; size: number; tone: Tone }
  | { kind: 'rule'; y: number }
  | { kind: 'qr'; url: string; x: number; top: number; side: number };
export type LeafletLayout = {
  pages: LeafletOp[][];
  /** Where each policy starts (its code and the 0-based page). */
  entries: { code: string; page: number }[];
};

export const PAGE: [number, number] = [595.28, 841.89];
export const MARGIN_X = 56;
export const CONTENT_WIDTH = PAGE[0] - 2 * MARGIN_X;
const TOP = PAGE[1] - 56;
export const BOTTOM = 70;
const BODY = 10.5;
const LEAD = 16;
const FIELD_INDENT = 14;
/** 4 cm: the symbol at the end of the leaflet, with its quiet zone around it. */
const QR_SYMBOL_PT = (40 / 25.4) * 72;

const FIELDS = [
  ['适用对象', 'eligibilityText'],
  ['救助内容', 'benefit'],
  ['申请方式', 'howToApply'],
  ['咨询电话', 'contact'],
] as const;

const DIGITS = '〇一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (department numbering, up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

export function layoutLeaflet(input: LeafletInput, font: PDFFont): LeafletLayout {
  const pages: LeafletOp[][] = [];
  const entries: LeafletLayout['entries'] = [];
  let ops: LeafletOp[] = [];
  let y = TOP;
  const newPage = () => {
    ops = [];
    pages.push(ops);
    y = TOP;
  };
  const fits = (h: number) => y - h >= BOTTOM;
  const put = (s: string, x: number, size: number, tone: Tone = 'ink') =>
    ops.push({ kind: 'text', s, x, y: y - size, size, tone });
  const centred = (s: string, size: number, tone: Tone = 'ink') =>
    put(s, (PAGE[0] - font.widthOfTextAtSize(s, size)) / 2, size, tone);
  const paragraph = (s: string, size: number, tone: Tone = 'ink', x = MARGIN_X, width = CONTENT_WIDTH) => {
    for (const line of wrapText(s, font, size, width)) {
      if (!fits(LEAD)) newPage();
      put(line, x, size, tone);
      y -= size + 6;
    }
  };

  newPage();
  const active = new Set(input.policies.map((p) => p.departmentCode));
  const departments = input.departments.filter((d) => active.has(d.code));
  centred(`社会救助政策明白纸${input.departmentName ? `（${input.departmentName}）` : ''}`, 22, 'red');
  y -= 34;
  const counts =
    input.policies.length > 0 ? ` · ${departments.length} 个部门 ${input.policies.length} 项政策` : '';
  centred(`${input.countyName} · 泰汇救综合救助${counts} · ${dateZh(input.printedOn)}印制`, 10, 'grey');
  y -= 22;
  if (input.policies.length > 0) {
    paragraph(
      `以下是本地现行有效的救助帮扶政策。是否符合条件以各部门审核认定为准；不清楚找谁办，请拨打 ${NATIONAL_HOTLINE_LINE}，或到所在村（社区）、镇（街道）咨询。`,
      BODY,
    );
    y -= 8;
  } else {
    y -= 20;
    centred('暂无已发布的救助政策', 16, 'red');
    y -= 30;
    paragraph(
      `${input.departmentName ? '该部门' : '本地'}尚未在综合救助政策目录中发布政策。政策发布后，本明白纸和“码上知”将自动更新；需要帮助请拨打 ${NATIONAL_HOTLINE_LINE}，或到所在村（社区）、镇（街道）咨询。`,
      BODY,
    );
  }

  const labelWidth = font.widthOfTextAtSize('适用对象：', BODY);
  const fieldWidth = CONTENT_WIDTH - FIELD_INDENT - labelWidth;
  let n = 0;
  departments.forEach((d, di) => {
    const heading = `${chineseNumber(di + 1)}、${d.name}${d.contactPhone ? `（咨询电话：${d.contactPhone}）` : ''}`;
    const policies = input.policies.filter((p) => p.departmentCode === d.code);
    policies.forEach((p, pi) => {
      const title = wrapText(`${++n}. ${p.name}`, font, 13, CONTENT_WIDTH);
      const fields = FIELDS.map(([label, key]) => ({
        label,
        lines: wrapText(p[key].trim() || '—', font, BODY, fieldWidth),
      }));
      const height = title.length * 20 + fields.reduce((h, f) => h + f.lines.length * LEAD, 0) + 10;
      const headingHeight = pi === 0 ? 34 : 0;
      // A policy stays on one page when it fits on one; a heading stays with its first policy.
      if (!fits(headingHeight + Math.min(height, TOP - BOTTOM - headingHeight))) newPage();
      if (pi === 0) {
        y -= 6;
        put(heading, MARGIN_X, 14, 'red');
        y -= 22;
        ops.push({ kind: 'rule', y: y + 2 });
        y -= 6;
      }
      entries.push({ code: p.code, page: pages.length - 1 });
      for (const line of title) {
        if (!fits(20)) newPage();
        put(line, MARGIN_X, 13);
        y -= 20;
      }
      for (const f of fields) {
        f.lines.forEach((line, k) => {
          if (!fits(LEAD)) newPage();
          if (k === 0) put(`${f.label}：`, MARGIN_X + FIELD_INDENT, BODY, 'grey');
          put(line, MARGIN_X + FIELD_INDENT + labelWidth, BODY);
          y -= LEAD;
        });
      }
      y -= 10;
    });
  });

  // The QR code to 码上知, with the address and the hotline: about 4 cm plus captions.
  const { size } = qrMatrix(input.url);
  const side = (QR_SYMBOL_PT * (size + 2 * QUIET_ZONE)) / size;
  if (!fits(side + 80)) newPage();
  y -= 10;
  centred('扫码查看最新政策，自测可享受哪些救助', 13, 'red');
  y -= 24;
  ops.push({ kind: 'qr', url: input.url, x: (PAGE[0] - side) / 2, top: y, side });
  y -= side + 4;
  centred(input.url, 8, 'grey');
  y -= 16;
  centred(`监督咨询电话：${NATIONAL_HOTLINE_LINE}`, BODY);

  const total = pages.length;
  pages.forEach((page, i) => {
    const footer = `${input.bureauName} 印制　　第 ${i + 1} 页 / 共 ${total} 页`;
    page.push({ kind: 'rule', y: 56 });
    page.push({
      kind: 'text',
      s: footer,
      x: (PAGE[0] - font.widthOfTextAtSize(footer, 9)) / 2,
      y: 40,
      size: 9,
      tone: 'grey',
    });
  });
  return { pages, entries };
}
