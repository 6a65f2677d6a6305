// The check report (核对报告, domain-rules §8.3) built from the records selected for each subject:
// the per-item verdicts, the sections (家庭基本情况, 家庭财产信息 per source, summary flags, footer) and
// what changed since the previous version. Pure: the use case loads and stores.
import {
  CHECK_OBJECTION_DAYS,
  CHECK_RESTRICTED_USE,
  type ReportFlag,
  type ReportPerson,
  type ReportSections,
  type ReportSourceTable,
  type Suspicion,
} from '../../../contracts/checks.ts';
import { DEPARTMENTS, feedSource } from '../../../contracts/feeds.ts';
import { addDays } from '../../rules/calendar.ts';
import {
  CHECK_RULES,
  type FeedItem,
  householdFacts,
  type RuleId,
  type RuleParams,
  ruleHits,
  selectRecords,
  verdict,
  windowRange,
} from './check-rules.models.ts';

export type ReportItem = FeedItem & {
  seq: number;
  normalized: Record<string, unknown>;
  suspicious: Suspicion;
  ruleHits: RuleId[];
  reasonZh: string;
  reasonEn: string;
};

export type ReportInput = {
  params: RuleParams;
  basic: Omit<ReportSections['basic'], 'members' | 'supporters'>;
  persons: (Omit<ReportPerson, 'excluded'> & { role: 'MEMBER' | 'SUPPORTER' })[];
  records: readonly FeedItem[];
  previous: { version: number; keys: readonly string[] } | null;
};

export type BuiltReport = {
  sections: ReportSections;
  items: ReportItem[];
  flags: ReportFlag[];
  suspectCount: number;
  excludesCount: number;
  objectionUntil: string;
};

/** Rules that take a person out of the household (S1 Art.7; a death record). */
const PERSON_EXCLUDING: readonly RuleId[] = ['SERVING_SENTENCE', 'DECEASED'];

/** The identity of an item across versions: the same department record for the same person. */
export const itemKey = (it: Pick<FeedItem, 'source' | 'personId' | 'recordKey'>) =>
  `${it.source}:${it.personId}:${it.recordKey}`;

/** A typed, comparable value of a record: the amount in fen where the source has one, and a label. */
export function normalise(it: FeedItem): Record<string, unknown> {
  const d = it.data;
  const n = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : 0);
  switch (it.source) {
    case 'SECURITIES':
      return { valueFen: n('stocksFen') + n('fundsFen') + n('bondsFen'), label: '证券市值合计' };
    case 'TAX':
      return { valueFen: n('incomeFen'), label: String(d.item ?? '') };
    case 'PROVIDENT_FUND':
      return { valueFen: n('monthlyFen'), label: '月缴存额' };
    case 'SOCIAL_INSURANCE':
      return { valueFen: n('pensionFen') || n('contributionBaseFen'), label: `${d.insurance}/${d.status}` };
    case 'MEDICAL_EXPENSE':
      return { valueFen: n('outOfPocketFen'), label: '个人自付' };
    case 'UTILITIES':
      return { valueFen: n('amountFen'), label: String(d.utility ?? '') };
    case 'BUSINESS_ROLE':
      return { valueFen: n('capitalFen'), label: `${d.company ?? ''} ${d.role ?? ''} ${d.status ?? ''}` };
    case 'VEHICLE':
      return { label: `${d.plate ?? ''} ${d.vehicleType ?? ''}/${d.useNature ?? ''}/${d.status ?? ''}` };
    case 'REAL_ESTATE':
      return { areaM2: n('areaM2'), label: `${d.location ?? ''} ${d.use ?? ''}` };
    case 'DEPOSITS':
      return {
        overLimit: d.personalOverLimit === true || d.householdOverLimit === true,
        label: '存款超限标识',
      };
    default:
      return {
        label: Object.values(d)
          .filter((v) => typeof v === 'string')
          .join(' '),
      };
  }
}

export function buildReport(input: ReportInput): BuiltReport {
  const p = input.params;
  const selected = selectRecords(input.records, p);
  // S1 Art.7: a member serving a sentence (or deceased) is not counted in the household, so the
  // per-capita limits use the members who remain. These two rules do not depend on household facts.
  const noFacts = householdFacts([], p, 1);
  const excludedIds = new Set(
    selected
      .filter((it) => ruleHits(it, p, noFacts).some((id) => PERSON_EXCLUDING.includes(id)))
      .map((it) => it.personId),
  );
  const memberIds = input.persons.filter((x) => x.role === 'MEMBER').map((x) => x.personId);
  const size = memberIds.filter((id) => !excludedIds.has(id)).length;
  const facts = householdFacts(selected, p, size);
  const items: ReportItem[] = selected.map((it, i) => {
    const hits = ruleHits(it, p, facts);
    const v = verdict(hits);
    return {
      ...it,
      seq: i + 1,
      normalized: normalise(it),
      suspicious: v.suspicious,
      ruleHits: hits,
      reasonZh: v.zh,
      reasonEn: v.en,
    };
  });

  const exclusion = (personId: string): ReportPerson['excluded'] => {
    const hit = items
      .filter((it) => it.personId === personId)
      .flatMap((it) => it.ruleHits)
      .find((id) => PERSON_EXCLUDING.includes(id));
    return hit ? { ruleId: hit, zh: CHECK_RULES[hit].zh, en: CHECK_RULES[hit].en } : null;
  };
  const person = ({ role: _r, ...x }: ReportInput['persons'][number]): ReportPerson => ({
    ...x,
    excluded: exclusion(x.personId),
  });

  const sources = [...new Set(items.map((it) => it.source))];
  const property: ReportSourceTable[] = sources.map((code) => {
    const src = feedSource(code);
    const dept = src ? DEPARTMENTS[src.dept] : { zh: code, en: code };
    const of = items.filter((it) => it.source === code);
    return {
      source: code,
      zh: src?.zh ?? code,
      en: src?.en ?? code,
      deptZh: dept.zh,
      deptEn: dept.en,
      level: src?.level ?? 'DISTRICT',
      window: windowRange(code, p),
      count: of.length,
      suspect: of.filter((it) => it.suspicious === 'SUSPECT').length,
      excludes: of.filter((it) => it.suspicious === 'EXCLUDES').length,
    };
  });

  const counts = new Map<RuleId, number>();
  for (const it of items) for (const id of it.ruleHits) counts.set(id, (counts.get(id) ?? 0) + 1);
  const flags: ReportFlag[] = [...counts].map(([ruleId, count]) => ({
    ruleId,
    suspicious: CHECK_RULES[ruleId].suspicious,
    zh: CHECK_RULES[ruleId].zh,
    en: CHECK_RULES[ruleId].en,
    rule: CHECK_RULES[ruleId].rule,
    count,
  }));
  const suspectCount = items.filter((it) => it.suspicious === 'SUSPECT').length;
  const excludesCount = items.filter((it) => it.suspicious === 'EXCLUDES').length;
  const objectionUntil = addDays(p.asOf, CHECK_OBJECTION_DAYS);

  const keys = items.map(itemKey);
  const changes = input.previous
    ? {
        fromVersion: input.previous.version,
        added: keys.filter((k) => !input.previous!.keys.includes(k)),
        removed: input.previous.keys.filter((k) => !keys.includes(k)),
      }
    : null;

  return {
    sections: {
      basic: {
        ...input.basic,
        members: input.persons.filter((x) => x.role === 'MEMBER').map(person),
        supporters: input.persons.filter((x) => x.role === 'SUPPORTER').map(person),
      },
      property,
      summary: { flags, suspectCount, excludesCount, changes },
      footer: {
        objectionDays: CHECK_OBJECTION_DAYS,
        objectionUntil,
        restrictedUse: CHECK_RESTRICTED_USE,
      },
    },
    items,
    flags,
    suspectCount,
    excludesCount,
    objectionUntil,
  };
}
