import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import type { ReportSections, Suspicion } from '../../../contracts/checks.ts';
import { feedSource } from '../../../contracts/feeds.ts';
import { cjkFont } from '../../platform/pdf-font.ts';
import { fenToYuanString } from '../../rules/money.ts';
import { dateZh, printTime } from '../documents/documents.models.ts';
import { wrapText } from '../documents/pdf.ts';

// The check report as a PDF (核对报告, domain-rules §8.3, §2.2): header with the report number and
// version, 家庭基本情况, 家庭财产信息 per source, the summary, and on every page the objection period,
// the restricted-use line, the print number and a diagonal watermark naming who printed it and when.

const A4: [number, number] = [595.28, 841.89];
const X = 48;
const WIDTH = A4[0] - 2 * X;
const TOP = A4[1] - 56;
const BOTTOM = 80;
const SIZE = 9;
const LEAD = 13;
const GREY = rgb(0.4, 0.4, 0.4);
const INK = rgb(0.1, 0.1, 0.1);
const RED = rgb(0.75, 0.1, 0.1);
const AMBER = rgb(0.7, 0.4, 0);

export type PdfItem = {
  nameMask: string;
  personRole: 'MEMBER' | 'SUPPORTER';
  source: string;
  occurredOn: string;
  raw: Record<string, unknown>;
  suspicious: Suspicion;
  reasonZh: string;
};
export type CheckPdfInput = {
  reportNo: string;
  version: number;
  asOf: string;
  generatedAt: Date;
  purposeZh: string;
  sections: ReportSections;
  items: readonly PdfItem[];
  printNo: number;
  printedBy: string;
  printedAt: Date;
};

const VERDICT: Record<Suspicion, string> = { NONE: '正常', SUSPECT: '疑似异常', EXCLUDES: '不符合' };

/** A record's fields as "label：value", money in yuan, from the feed catalogue. */
function describe(source: string, raw: Record<string, unknown>): string {
  const src = feedSource(source);
  if (!src) return JSON.stringify(raw);
  return src.fields
    .filter((f) => raw[f.key] !== undefined && raw[f.key] !== null && f.key !== src.dateField)
    .map((f) => {
      const v = raw[f.key];
      const text =
        f.type === 'fen' && typeof v === 'number'
          ? `${fenToYuanString(v)}元`
          : f.type === 'bool'
            ? v
              ? '是'
              : '否'
            : String(v);
      return `${f.zh}：${text}`;
    })
    .join('；');
}

export async function renderCheckReport(d: CheckPdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  pdf.setTitle(`家庭经济状况核对报告 ${d.reportNo} 第${d.version}版`);
  pdf.setProducer('Huijiu');
  const font: PDFFont = await pdf.embedFont(cjkFont(), { subset: true });
  const pages: PDFPage[] = [];
  let page!: PDFPage;
  let y = TOP;
  const newPage = () => {
    page = pdf.addPage(A4);
    pages.push(page);
    y = TOP;
  };
  const ensure = (h: number) => {
    if (y - h < BOTTOM) newPage();
  };
  const text = (s: string, x: number, size = SIZE, color = INK) =>
    page.drawText(s, { x, y: y - size, size, font, color });
  const para = (s: string, size = SIZE, color = INK, indent = 0) => {
    for (const line of wrapText(s, font, size, WIDTH - indent)) {
      ensure(size + 4);
      text(line, X + indent, size, color);
      y -= size + 4;
    }
  };
  const heading = (s: string) => {
    y -= 6;
    ensure(30);
    text(s, X, 12);
    y -= 20;
  };
  /** A bordered table; `widths` in points, the last column takes what is left. */
  const table = (
    heads: string[],
    widths: number[],
    rows: { cells: string[]; color?: ReturnType<typeof rgb> }[],
  ) => {
    const ws = [...widths, WIDTH - widths.reduce((a, b) => a + b, 0)];
    const row = (cells: string[], color = INK) => {
      const wrapped = cells.map((c, i) => wrapText(c, font, SIZE, ws[i]! - 6));
      const h = Math.max(...wrapped.map((w) => w.length)) * LEAD + 6;
      ensure(h);
      let x = X;
      wrapped.forEach((lines, i) => {
        page.drawRectangle({ x, y: y - h, width: ws[i]!, height: h, borderColor: GREY, borderWidth: 0.5 });
        lines.forEach((s, k) => {
          page.drawText(s, { x: x + 3, y: y - 3 - SIZE - k * LEAD + 1, size: SIZE, font, color });
        });
        x += ws[i]!;
      });
      y -= h;
    };
    row(heads);
    for (const r of rows) row(r.cells, r.color);
    y -= 6;
  };

  newPage();
  const s = d.sections;
  text(
    '社会救助家庭经济状况核对报告',
    (A4[0] - font.widthOfTextAtSize('社会救助家庭经济状况核对报告', 18)) / 2,
    18,
  );
  y -= 30;
  para(
    `报告编号：${d.reportNo}　第 ${d.version} 版　核对事由：${d.purposeZh}　核对基准日：${dateZh(d.asOf)}　生成时间：${printTime(d.generatedAt)}`,
  );
  para(
    `案件编号：${s.basic.caseNo}　户编号：${s.basic.householdNo ?? '—'}　所在村（居）：${s.basic.villageCode}`,
  );

  heading('一、家庭基本情况');
  const personRows = (list: ReportSections['basic']['members']) =>
    list.map((m) => ({
      cells: [
        m.nameMask,
        m.idMask,
        m.relationCode ?? '—',
        `${m.consentSignedOn} ${m.consentRef}`,
        m.excluded ? `不计入家庭成员：${m.excluded.zh}` : '计入',
      ],
      ...(m.excluded ? { color: RED } : {}),
    }));
  table(
    ['姓名', '身份证号', '关系', '授权核对书', '家庭成员认定'],
    [60, 110, 40, 130],
    personRows(s.basic.members),
  );
  if (s.basic.supporters.length > 0) {
    para('赡养、抚养、扶养义务人（法定义务人）：');
    table(
      ['姓名', '身份证号', '关系', '授权核对书', '认定'],
      [60, 110, 40, 130],
      personRows(s.basic.supporters),
    );
  }
  para(
    s.basic.integrity.length === 0
      ? '诚信信息：无不良诚信记录。'
      : `诚信信息：${s.basic.integrity.map((i) => `${i.foundOn} ${i.kind === 'FRAUD' ? '骗取救助' : '批评教育'}${i.obtainedFen ? ` ${fenToYuanString(i.obtainedFen)}元` : ''} ${i.note}`).join('；')}`,
  );

  heading('二、家庭财产信息');
  if (s.property.length === 0) para('各部门未反馈该家庭成员的相关记录。');
  for (const t of s.property) {
    const range = t.window.from ? `${t.window.from} 至 ${t.window.to}` : `截至 ${t.window.to} 的最新记录`;
    para(
      `${t.deptZh} · ${t.zh}（${range}；${t.count} 条，疑似 ${t.suspect} 条，不符合 ${t.excludes} 条）`,
      10,
    );
    table(
      ['姓名', '日期', '记录内容', '核对结果'],
      [60, 62, 200],
      d.items
        .filter((i) => i.source === t.source)
        .map((i) => ({
          cells: [
            `${i.nameMask}${i.personRole === 'SUPPORTER' ? '（义务人）' : ''}`,
            i.occurredOn,
            describe(i.source, i.raw),
            i.suspicious === 'NONE' ? VERDICT.NONE : `${VERDICT[i.suspicious]}：${i.reasonZh}`,
          ],
          ...(i.suspicious === 'EXCLUDES'
            ? { color: RED }
            : i.suspicious === 'SUSPECT'
              ? { color: AMBER }
              : {}),
        })),
    );
  }

  heading('三、核对结果摘要');
  if (s.summary.flags.length === 0) para('未发现疑似异常事项。');
  for (const f of s.summary.flags)
    para(`· ${VERDICT[f.suspicious]}：${f.zh}（${f.count} 条；依据 ${f.rule}）`);
  if (s.summary.changes)
    para(
      `与第 ${s.summary.changes.fromVersion} 版相比：新增记录 ${s.summary.changes.added.length} 条，不再出现 ${s.summary.changes.removed.length} 条。`,
    );

  // Footer and watermark on every page, once the page count is known.
  const mark = `${d.printedBy} ${printTime(d.printedAt)} ${s.footer.restrictedUse}`;
  const mw = font.widthOfTextAtSize(mark, 14);
  pages.forEach((p, i) => {
    for (let wy = -200; wy < A4[1]; wy += 150)
      for (let wx = -100; wx < A4[0]; wx += mw + 60)
        p.drawText(mark, { x: wx, y: wy, size: 14, font, color: GREY, opacity: 0.18, rotate: degrees(30) });
    p.drawLine({ start: { x: X, y: 64 }, end: { x: A4[0] - X, y: 64 }, thickness: 0.5, color: GREY });
    const lines = [
      `异议期：如对核对结果有异议，请自报告生成之日起 ${s.footer.objectionDays} 日内（至 ${dateZh(s.footer.objectionUntil)}）提出并提供证明材料。`,
      `${s.footer.restrictedUse}，不得用于其他用途。　第 ${d.printNo} 次打印　打印人：${d.printedBy}　第 ${i + 1} 页 / 共 ${pages.length} 页`,
    ];
    lines.forEach((l, k) => {
      p.drawText(l, { x: X, y: 50 - k * 14, size: 8, font, color: GREY });
    });
  });
  return pdf.save();
}
