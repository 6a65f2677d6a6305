import { describe, expect, it } from 'vitest';
import {
  appealRoute,
  certificateDoc,
  decisionDoc,
  type PublicityCase,
  printTime,
  publicityRows,
  supervisionPhones,
} from './documents.models.ts';
import { renderDoc, renderPublicity } from './pdf.ts';

// What the documents say (§2.2 publicity fields, §3.9 appeal route) and that they render offline.

const AT = new Date('2026-11-29T02:05:00Z');

describe('document contents', () => {
  it('keeps only the §2.2 fields in a publicity row, whatever the loaded case carries', () => {
    const loaded = {
      caseId: 'c1',
      scheme: 'TEKUN',
      fullName: '孙特困',
      householdSize: 1,
      opinion: null,
      proposedAmountFen: null,
      firstDay: '2026-12-01',
      lastDay: '2026-12-07',
      idNumber: '370902197005120011',
      address: '某路 1 号',
    } as PublicityCase;
    const [row] = publicityRows([loaded]);
    expect(row).toEqual({
      name: '孙特困',
      householdSize: 1,
      opinion: '拟纳入特困人员救助供养',
      proposedAmount: '—',
      period: '2026年12月1日至2026年12月7日',
    });
  });

  it('prints 12349 and the local line only when the county has one', () => {
    expect(supervisionPhones(null)).toBe('12349（民政服务热线）');
    expect(supervisionPhones('0538-1234567')).toBe('12349（民政服务热线）、0538-1234567');
  });

  it('states the appeal route on approvals and rejections, and the print time in Beijing time', () => {
    const base = {
      scheme: 'DIBAO' as const,
      caseNo: 'DB-370971-2026-000001',
      applicantName: '赵一',
      appliedOn: '2026-09-25',
      decidedOn: '2026-10-12',
      countyName: '高新区',
      decidedByTown: null,
      printedAt: AT,
    };
    const yes = decisionDoc({
      ...base,
      outcome: { approved: true, amountFen: 52_000, startMonth: '2026-11-01', persons: 2 },
    });
    const no = decisionDoc({ ...base, outcome: { approved: false, reasons: '收入超标' } });
    for (const d of [yes, no]) expect(d.blocks.at(-1)).toEqual({ kind: 'para', text: appealRoute('高新区') });
    // 行政复议法 (2023) Art.24: to the district government only; 6 months for a lawsuit.
    expect(appealRoute('高新区')).toMatch(/60日内向高新区人民政府申请行政复议.*6个月内.*行政诉讼/);
    expect(appealRoute('高新区')).not.toContain('上一级民政部门');
    expect(yes.blocks).toContainEqual({ kind: 'field', label: '保障金额', value: '每月 520.00 元' });
    expect(no.title).toBe('最低生活保障不予确认通知书');
    expect(printTime(AT)).toBe('2026-11-29 10:05（北京时间）');
    expect(yes.signature[0]).toBe('高新区民政局');
    // A township confirming under delegated power (§2.3) signs the notice; review goes to the district.
    const town = decisionDoc({
      ...base,
      decidedByTown: '东城街道',
      outcome: { approved: false, reasons: '收入超标' },
    });
    expect(town.signature[0]).toBe('东城街道办事处');
    expect(town.blocks.at(-1)).toMatchObject({
      text: expect.stringContaining('60日内向高新区人民政府申请行政复议'),
    });
  });

  it('renders A4 PDFs with the embedded CJK font and wraps long text onto more pages', async () => {
    const cert = certificateDoc({
      caseNo: 'DB-370971-2026-000001',
      headName: '赵一',
      persons: 2,
      amountFen: 52_000,
      startMonth: '2026-11-01',
      countyName: '高新区',
      issuedOn: '2026-11-29',
      printedAt: AT,
    });
    const bytes = await renderDoc(cert);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(60_000);
    const rows = Array.from({ length: 40 }, (_, i) => ({
      name: `申请人${i}`,
      householdSize: 3,
      opinion: '拟纳入低保，家庭人均收入低于当地最低生活保障标准，符合条件'.repeat(2),
      proposedAmount: '每月 520.00 元',
      period: '2026年12月1日至2026年12月7日',
    }));
    const pdf = await renderPublicity({
      title: '社会救助初审意见公示',
      subtitle: '测试镇 测试村',
      intro: '说明',
      rows,
      closing: ['监督举报电话：12349'],
      signature: ['高新区民政局'],
      footer: { printedAt: printTime(AT) },
    });
    const { PDFDocument } = await import('pdf-lib');
    expect((await PDFDocument.load(pdf)).getPageCount()).toBeGreaterThan(1);
  });
});
