// What each printed document says, as plain data (pure: no I/O, no clock; times are arguments).
// The renderer (pdf.ts) only lays these lines out, so what may be printed is decided and tested here:
// the 初审公示 rows carry exactly the §2.2 minimal set, and every decision notice states the appeal
// route (§3.9; S1 Art.38, S3 Art.65).
import type { CaseScheme } from '../../db/schema.ts';
import { fenToYuanString } from '../../rules/money.ts';

/** Printed at the foot of every page (§2.2: printed personal data stays inside the district's work). */
export const WATERMARK = '仅供本行政区域内社会救助工作使用';
export const NATIONAL_HOTLINE = '12349';

export type DocumentKind = 'publicity' | 'decision' | 'certificate';

/** Field/value lines and free paragraphs, in order: all the renderer needs for a one-case document. */
export type Block =
  | { kind: 'field'; label: string; value: string }
  | { kind: 'para'; text: string; indent?: false };

export type Doc = {
  title: string;
  /** Small line under the title, e.g. the issuing village or the case number. */
  subtitle: string;
  blocks: Block[];
  /** Right-aligned signature lines at the end (issuer, date). */
  signature: string[];
  footer: { printedAt: string };
};

export const SCHEME_ZH: Record<CaseScheme, string> = {
  DIBAO: '最低生活保障',
  DIBAO_SINGLE: '最低生活保障（单人户）',
  TEKUN: '特困人员救助供养',
  DIBAO_EDGE: '低保边缘家庭救助',
  RIGID: '刚性支出困难家庭救助',
  TEMP_URGENT: '临时救助',
  TEMP_EXPENDITURE: '临时救助',
};

const shanghai = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-29 10:00（北京时间）" for an instant. */
export function printTime(at: Date): string {
  const p = Object.fromEntries(shanghai.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}（北京时间）`;
}

/** '2026-11-01' → '2026年11月'. */
export const monthZh = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月`;
/** '2026-10-05' → '2026年10月5日'. */
export const dateZh = (d: string) => `${monthZh(d)}${Number(d.slice(8, 10))}日`;
export const yuan = (fen: number) => `${fenToYuanString(fen)} 元`;

/** The issuing authority: the district bureau (county row of the divisions table + 民政局). */
export const bureauName = (countyName: string) => `${countyName}民政局`;

/** "Supervision phones": 12349 always, the county's own line when one is configured (§2.2, §2.3). */
export function supervisionPhones(localLine: string | null): string {
  const local = localLine?.trim();
  return local ? `${NATIONAL_HOTLINE}（民政服务热线）、${local}` : `${NATIONAL_HOTLINE}（民政服务热线）`;
}

// ---- 初审公示 ------------------------------------------------------------------------------------

/** One case in publicity as loaded (the name already revealed through the audited path). */
export type PublicityCase = {
  caseId: string;
  scheme: CaseScheme;
  fullName: string;
  householdSize: number;
  opinion: string | null;
  proposedAmountFen: number | null;
  firstDay: string;
  lastDay: string;
};

/** A printed row: exactly the §2.2 minimal set, nothing that identifies or describes a person further. */
export type PublicityRow = {
  name: string;
  householdSize: number;
  opinion: string;
  proposedAmount: string;
  period: string;
};

export function publicityRows(cases: readonly PublicityCase[]): PublicityRow[] {
  return [...cases]
    .sort((a, b) => a.scheme.localeCompare(b.scheme) || a.firstDay.localeCompare(b.firstDay))
    .map((c) => ({
      name: c.fullName,
      householdSize: c.householdSize,
      opinion: c.opinion?.trim() || `拟纳入${SCHEME_ZH[c.scheme]}`,
      proposedAmount: c.proposedAmountFen === null ? '—' : `每月 ${yuan(c.proposedAmountFen)}`,
      period: `${dateZh(c.firstDay)}至${dateZh(c.lastDay)}`,
    }));
}

export type PublicityDoc = {
  title: string;
  subtitle: string;
  intro: string;
  rows: PublicityRow[];
  closing: string[];
  signature: string[];
  footer: { printedAt: string };
};

/** 街道 → 街道办事处, 镇/乡 → 人民政府 (the township-level body that did the initial review). */
export const townAuthority = (townName: string) =>
  townName.endsWith('街道') ? `${townName}办事处` : `${townName}人民政府`;

export function publicityDoc(input: {
  townName: string;
  villageName: string;
  bureau: string;
  rows: PublicityRow[];
  localLine: string | null;
  printedAt: Date;
}): PublicityDoc {
  return {
    title: '社会救助初审意见公示',
    subtitle: `${input.townName} ${input.villageName}`,
    intro:
      input.rows.length === 0
        ? '本村（居）目前没有处于公示期的社会救助申请。'
        : '经乡镇人民政府（街道办事处）入户调查和初审，现将下列申请对象的初审意见予以公示。公示期为7天，自张贴次日起计算。如有异议，请在公示期内向乡镇人民政府（街道办事处）或区民政局反映。',
    rows: input.rows,
    closing: [`监督举报电话：${supervisionPhones(input.localLine)}`],
    signature: [townAuthority(input.townName), input.bureau],
    footer: { printedAt: printTime(input.printedAt) },
  };
}

// ---- 审核确认 / 不予确认通知书 ---------------------------------------------------------------------

export type DecisionInput = {
  scheme: CaseScheme;
  caseNo: string;
  applicantName: string;
  appliedOn: string;
  decidedOn: string;
  countyName: string;
  /** The township that confirmed under delegated power (§2.3, S1 Art.2 ¶2), null when the county did. */
  decidedByTown: string | null;
  outcome:
    | { approved: true; amountFen: number; startMonth: string; persons: number }
    | { approved: false; reasons: string };
  printedAt: Date;
};

/**
 * The appeal route every decision notice states (§3.9; S1 Art.38; S3 Art.65): against the district
 * bureau, to the district government or the next higher civil-affairs department; against a
 * township confirming under delegated power, to the district government.
 */
/**
 * The appeal route printed on every decision (S1 Art.38; S3 Art.65). Since the revised
 * 行政复议法 (2023, in force 2024-01-01, Art.24) reconsideration of a county department's or a
 * township's decision goes to the county-level people's government only; the former option of the
 * department one level up no longer exists. A lawsuit may be filed within 6 months (行政诉讼法 Art.46).
 */
export function appealRoute(countyName: string, _decidedByTown: string | null = null): string {
  return (
    `如对本决定不服，可以自收到本通知书之日起60日内向${countyName}人民政府申请行政复议，` +
    '也可以自收到本通知书之日起6个月内依法向人民法院提起行政诉讼。' +
    '（《最低生活保障审核确认办法》第三十八条，《社会救助暂行办法》第六十五条，《中华人民共和国行政复议法》第二十四条）'
  );
}

export function decisionDoc(d: DecisionInput): Doc {
  const scheme = SCHEME_ZH[d.scheme];
  const o = d.outcome;
  const blocks: Block[] = [
    { kind: 'para', text: `${d.applicantName}：`, indent: false },
    {
      kind: 'para',
      text: `你（户）于${dateZh(d.appliedOn)}提出的${scheme}申请，经审核，于${dateZh(d.decidedOn)}决定${o.approved ? '予以确认' : '不予确认'}。`,
    },
    { kind: 'field', label: '案件编号', value: d.caseNo },
  ];
  if (o.approved) {
    blocks.push(
      { kind: 'field', label: '保障人数', value: `${o.persons} 人` },
      { kind: 'field', label: '保障金额', value: `每月 ${yuan(o.amountFen)}` },
      { kind: 'field', label: '起始月份', value: `自${monthZh(o.startMonth)}起发放` },
      { kind: 'para', text: '家庭人口、收入、财产状况发生变化的，应当及时告知乡镇人民政府（街道办事处）。' },
    );
  } else {
    blocks.push({ kind: 'para', text: `不予确认的理由：${o.reasons.trim()}` });
  }
  blocks.push({ kind: 'para', text: appealRoute(d.countyName, d.decidedByTown) });
  return {
    title: `${scheme}${o.approved ? '审核确认通知书' : '不予确认通知书'}`,
    subtitle: `编号：${d.caseNo}`,
    blocks,
    signature: [
      d.decidedByTown ? townAuthority(d.decidedByTown) : bureauName(d.countyName),
      dateZh(d.decidedOn),
    ],
    footer: { printedAt: printTime(d.printedAt) },
  };
}

// ---- 最低生活保障证 -------------------------------------------------------------------------------

export type CertificateInput = {
  caseNo: string;
  headName: string;
  persons: number;
  amountFen: number;
  startMonth: string;
  countyName: string;
  issuedOn: string;
  printedAt: Date;
};

export function certificateDoc(c: CertificateInput): Doc {
  return {
    title: '最低生活保障证',
    subtitle: `证号：${c.caseNo}`,
    blocks: [
      { kind: 'field', label: '户主姓名', value: c.headName },
      { kind: 'field', label: '保障人数', value: `${c.persons} 人` },
      { kind: 'field', label: '月保障金额', value: yuan(c.amountFen) },
      { kind: 'field', label: '起始月份', value: monthZh(c.startMonth) },
      { kind: 'field', label: '发证机关', value: bureauName(c.countyName) },
      { kind: 'field', label: '发证日期', value: dateZh(c.issuedOn) },
      {
        kind: 'para',
        text: '本证是享受最低生活保障待遇的凭证，不得转借、涂改。家庭人口、收入、财产状况发生变化的，应当及时告知乡镇人民政府（街道办事处）。',
      },
    ],
    signature: [bureauName(c.countyName), dateZh(c.issuedOn)],
    footer: { printedAt: printTime(c.printedAt) },
  };
}
