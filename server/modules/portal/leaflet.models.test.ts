import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cjkFont } from '../../platform/pdf-font.ts';
import {
  BOTTOM,
  CONTENT_WIDTH,
  chineseNumber,
  type LeafletInput,
  type LeafletOp,
  layoutLeaflet,
  MARGIN_X,
  PAGE,
} from './leaflet.models.ts';
import type { CatalogueDepartment, CataloguePolicy } from './posters.repository.ts';

// The 明白纸's layout (§9.3 catalogue, §9.5 码上知; S3 Art.62): every active policy once, grouped by
// department in catalogue order, long Chinese text wrapped inside the margins, a policy kept on one
// page when it fits, page numbers, the QR code to the portal's policy list at the end, and a clear
// page for an empty catalogue.

let font: PDFFont;
beforeAll(async () => {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  font = await pdf.embedFont(cjkFont(), { subset: true });
});

const DEPTS: CatalogueDepartment[] = [
  'CIVIL_AFFAIRS',
  'MEDICAL_INSURANCE',
  'EDUCATION',
  'HOUSING',
  'HRSS',
  'HEALTH',
  'EMERGENCY',
  'AGRICULTURE',
  'DISABLED_FEDERATION',
  'JUSTICE',
  'TRADE_UNION',
  'MASS_ORGS',
].map((code, i) => ({ code, name: `部门${i + 1}`, contactPhone: `0538-66000${String(i).padStart(2, '0')}` }));

const policy = (i: number, over: Partial<CataloguePolicy> = {}): CataloguePolicy => ({
  code: `P${String(i).padStart(3, '0')}`,
  departmentCode: DEPTS[i % DEPTS.length]!.code,
  name: `政策${i}`,
  eligibilityText:
    '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定的城乡居民家庭。',
  benefit: '按照当地低保标准与家庭人均收入的差额按月发放。',
  howToApply: '向户籍所在地镇（街道）提出申请，或通过“码上办”在线申请。',
  contact: '0538-6600000',
  ...over,
});

const input = (policies: CataloguePolicy[], over: Partial<LeafletInput> = {}): LeafletInput => ({
  countyName: '高新区',
  bureauName: '高新区民政局',
  printedOn: '2026-11-29',
  departmentName: null,
  departments: DEPTS,
  policies,
  url: 'https://jiuzhu.example.gov.cn/portal/policies',
  ...over,
});

const texts = (ops: LeafletOp[]) => ops.flatMap((o) => (o.kind === 'text' ? [o] : []));
const isFooter = (o: LeafletOp) => o.kind === 'text' && o.y === 40;

describe('layoutLeaflet', () => {
  it('lists each of the 37 policies of 12 departments exactly once, grouped by department in catalogue order', () => {
    // Policies in any order: the departments' order decides (the repository sorts them).
    const policies = Array.from({ length: 37 }, (_, i) => policy(i)).reverse();
    const layout = layoutLeaflet(input(policies), font);
    expect(layout.entries).toHaveLength(37);
    expect(new Set(layout.entries.map((e) => e.code)).size).toBe(37);
    const deptOrder = layout.entries.map((e) =>
      DEPTS.findIndex((d) => d.code === policies.find((p) => p.code === e.code)!.departmentCode),
    );
    expect(deptOrder).toEqual([...deptOrder].sort((a, b) => a - b));
    const all = layout.pages.flatMap(texts).map((t) => t.s);
    for (let n = 1; n <= 37; n++) expect(all.filter((s) => s.startsWith(`${n}. 政策`))).toHaveLength(1);
    expect(all).toContain('一、部门1（咨询电话：0538-6600000）');
    expect(all).toContain('十二、部门12（咨询电话：0538-6600011）');
    expect(layout.pages.length).toBeGreaterThan(3);
  });

  it('every line stays inside the margins and above the footer; every page is numbered "第 i 页 / 共 n 页"', () => {
    const long =
      '因病、因残、因灾等原因导致基本生活出现严重困难，经本人申请或者村（居）民委员会代为申请，'.repeat(40);
    const layout = layoutLeaflet(
      input([policy(0, { eligibilityText: long }), ...Array.from({ length: 20 }, (_, i) => policy(i + 1))]),
      font,
    );
    const n = layout.pages.length;
    layout.pages.forEach((ops, i) => {
      for (const t of texts(ops)) {
        expect(t.x).toBeGreaterThanOrEqual(MARGIN_X - 0.01);
        // Closing punctuation may hang past the right margin (it never starts a line).
        const body = t.s.replace(/[，。、；：？！）》」』”’,.;:?!)\]%]+$/u, '');
        expect(t.x + font.widthOfTextAtSize(body, t.size)).toBeLessThanOrEqual(PAGE[0] - MARGIN_X + 0.01);
        if (!isFooter(t)) expect(t.y).toBeGreaterThanOrEqual(BOTTOM);
      }
      expect(
        texts(ops)
          .filter(isFooter)
          .map((t) => t.s),
      ).toEqual([`高新区民政局 印制　　第 ${i + 1} 页 / 共 ${n} 页`]);
    });
    // The long text is wrapped, not cut: its lines put together give it back.
    const lines = layout.pages.flatMap(texts).filter((t) => t.x > MARGIN_X + 20 && long.includes(t.s));
    expect(lines.map((t) => t.s).join('')).toBe(long);
    expect(Math.max(...lines.map((t) => font.widthOfTextAtSize(t.s, t.size)))).toBeLessThanOrEqual(
      CONTENT_WIDTH,
    );
  });

  it("a policy that fits on a page is not split, and a department's heading stays with its first policy", () => {
    const layout = layoutLeaflet(input(Array.from({ length: 37 }, (_, i) => policy(i))), font);
    const pageOf = (s: string) => layout.pages.findIndex((ops) => texts(ops).some((t) => t.s === s));
    for (const [i, e] of layout.entries.entries()) {
      const ops = texts(layout.pages[e.page]!);
      const start = ops.findIndex((t) => t.s === `${i + 1}. 政策${Number(e.code.slice(1))}`);
      expect(start).toBeGreaterThanOrEqual(0);
      // Its four fields follow on the same page, before the next policy's title.
      const rest = ops.slice(start + 1);
      const next = rest.findIndex((t) => /^\d+\. /.test(t.s) || t.y === 40);
      expect(
        rest
          .slice(0, next)
          .filter((t) => /^(适用对象|救助内容|申请方式|咨询电话)：$/.test(t.s))
          .map((t) => t.s),
      ).toEqual(['适用对象：', '救助内容：', '申请方式：', '咨询电话：']);
    }
    DEPTS.forEach((d, di) => {
      const first = layout.entries.find((e) => e.code === `P${String(di).padStart(3, '0')}`)!;
      expect(pageOf(`${chineseNumber(di + 1)}、${d.name}（咨询电话：${d.contactPhone}）`)).toBe(first.page);
    });
  });

  it('ends with the QR code to the portal policy list, and leaves out departments with no active policy', () => {
    const layout = layoutLeaflet(input([policy(0), policy(1)]), font);
    const last = layout.pages.at(-1)!;
    expect(last.filter((o) => o.kind === 'qr')).toEqual([
      expect.objectContaining({ url: 'https://jiuzhu.example.gov.cn/portal/policies' }),
    ]);
    expect(layout.pages.flat().filter((o) => o.kind === 'qr')).toHaveLength(1);
    const headings = layout.pages.flatMap(texts).filter((t) => /^[一二三四五六七八九十]+、/.test(t.s));
    expect(headings.map((t) => t.s.split('（')[0])).toEqual(['一、部门1', '二、部门2']);
  });

  it('an empty catalogue prints one clear "no policies yet" page with the QR code, and refuses nothing', () => {
    const layout = layoutLeaflet(input([]), font);
    expect(layout.pages).toHaveLength(1);
    expect(layout.entries).toHaveLength(0);
    const all = texts(layout.pages[0]!).map((t) => t.s);
    expect(all).toContain('暂无已发布的救助政策');
    expect(all.some((s) => s.includes('项政策'))).toBe(false);
    expect(layout.pages[0]!.some((o) => o.kind === 'qr')).toBe(true);
  });
});

it.each([
  [1, '一'],
  [9, '九'],
  [10, '十'],
  [12, '十二'],
  [20, '二十'],
  [37, '三十七'],
])('department number %i is written %s', (n, zh) => {
  expect(chineseNumber(n)).toBe(zh);
});
