import type { StatsNote, StatsTable } from '../../../contracts/stats.ts';
import { tekunBasicFen } from '../../rules/benefits/parameters.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import { buildTable, fenToWanYuan, fenToYuan, group, ratio, TEKUN_AGE_BANDS } from './stats.models.ts';
import * as repo from './stats.repository.ts';
import type { StatsDeps } from './stats.usecases.ts';
import * as profile from './stats-profile.repository.ts';
import { inRow, note, type ReportContext, row, sumOf } from './stats-report-context.ts';

// Report A (低保, by town, one sheet per urban / rural) and report B (特困) of §12.2.

const AREAS = [
  ['urban', '城市', 'urban'],
  ['rural', '农村', 'rural'],
] as const;
const DIBAO = new Set(['DIBAO', 'DIBAO_SINGLE']);

const A_COLUMNS = [
  ...group('基本情况', [
    ['households', '保障户数', 'households', '户'],
    ['persons', '保障人数', 'persons', '人'],
    ['women', '其中：女性', 'of which women', '人'],
    ['disabled', '其中：残疾人', 'of which disabled', '人'],
    ['single', '单人保', 'single-person', '人'],
    ['singleIll', '单人保中：重病', 'single-person, serious illness', '人'],
    ['singleSevere', '单人保中：重残', 'single-person, severe disability', '人'],
  ]),
  ...group('分类情况', [
    ['elderly', '老年人', 'elderly (≥ 60)', '人'],
    ['employed', '成年人：在职', 'adults employed', '人'],
    ['flexible', '成年人：灵活就业', 'adults in flexible employment', '人'],
    ['regUnemployed', '成年人：登记失业', 'adults registered unemployed', '人'],
    ['unregUnemployed', '成年人：未登记失业', 'adults unregistered unemployed', '人'],
    ['students', '未成年人：在校生', 'minors in school', '人'],
    ['minorsOther', '未成年人：其他', 'other minors', '人'],
  ]),
  ...group('动态管理', [
    ['newHouseholds', '本期新增户数', 'new households', '户'],
    ['newPersons', '本期新增人数', 'new persons', '人'],
    ['exitHouseholds', '本期退出户数', 'exited households', '户'],
    ['exitPersons', '本期退出人数', 'exited persons', '人'],
    ['yearNew', '年累计新增', 'new this year', '人次'],
    ['yearExit', '年累计退出', 'exited this year', '人次'],
    ['gradual', '渐退中', 'in gradual exit', '户'],
  ]),
  ...group('资金支出', [
    ['paid', '本期支出', 'paid this month', '万元'],
    ['yearPaid', '年累计支出', 'paid this year', '万元'],
    ['budget', '年度预算', 'annual budget', '万元', false],
  ]),
  ...group('保障水平', [
    ['standard', '保障标准', 'standard', '元/人·月', false],
    ['standardYear', '保障标准（年）', 'standard per year', '元/人·年', false],
    ['avgLevel', '当月人均补助水平', 'average monthly payment per person', '元/人·月', false],
    ['coverage', '保障人数占户籍人口比例', 'share of the registered population', '%', false],
  ]),
];

export const A_NOTES: StatsNote[] = [
  note(
    'singleIll',
    '单人保中重病人员取卫健部门报送的重病患者名单（数据共享），确诊日期不晚于期末',
    'on the serious-illness list the health commission delivers (department data), diagnosed by the period end',
  ),
  note('budget', '系统尚无年度预算数据，暂为空', 'there is no annual budget in the data model'),
  note('coverage', '系统尚无户籍人口总数，暂为空', 'the registered population is not in the data model'),
  note(
    'persons',
    '保障人数取在保待遇核定人数；分类人数取户籍登记成员（可能不一致）；就业状况未登记的成年人不计入就业各列',
    'persons come from the entitlement household size; categories from the registry members; adults without an employment status are not counted',
  ),
  note(
    'paid',
    '支出取已审批发放批次的实发金额；无审批批次时为 0',
    'money is the net of approved payroll runs; 0 when none',
  ),
];

export async function reportA(deps: StatsDeps, r: ReportContext): Promise<StatsTable[]> {
  const s = r.resolved.scope;
  const [rolls, moves, yearMoves, paid, prof, params] = await Promise.all([
    repo.rollsAt(deps.db, s, r.asOf),
    repo.movements(deps.db, s, r.from, r.asOf),
    repo.movements(deps.db, s, r.yearFrom, r.asOf),
    repo.paidByMonth(deps.db, s, r.yearFrom, r.asOf),
    profile.dibaoProfile(deps.db, s, r.asOf),
    parametersFor(deps.db, s.county, r.asOf),
  ]);
  return AREAS.map(([area, zh, en]) => {
    const std = params.dibao.standardFen[area];
    const inArea = <T extends { area: string; scheme?: string }>(xs: T[]) =>
      xs.filter((x) => x.area === area && (x.scheme === undefined || DIBAO.has(x.scheme)));
    const monthPaid = new Map<string, number>();
    const rows = r.rows.map((u) => {
      const at = inRow(u.code);
      const rl = inArea(rolls).filter(at);
      const mv = inArea(moves).filter(at);
      const ym = inArea(yearMoves).filter(at);
      const pd = inArea(paid.filter((p) => p.scheme === 'DIBAO')).filter(at);
      const pf = prof.filter((p) => p.area === area && at(p));
      const persons = sumOf(rl, (x) => x.persons);
      const paidMonth = sumOf(
        pd.filter((p) => p.month === r.period),
        (p) => p.net_fen,
      );
      monthPaid.set(u.code, paidMonth);
      const p = (k: keyof profile.DibaoProfileRow) => sumOf(pf, (x) => Number(x[k]));
      const mvOf = (kind: 'NEW' | 'EXIT', f: 'households' | 'persons', xs = mv) =>
        sumOf(
          xs.filter((x) => x.kind === kind),
          (x) => x[f],
        );
      return row(u, {
        households: sumOf(rl, (x) => x.households),
        persons,
        women: p('women'),
        disabled: p('disabled'),
        single: sumOf(
          rl.filter((x) => x.scheme === 'DIBAO_SINGLE'),
          (x) => x.persons,
        ),
        singleIll: p('single_serious_illness'),
        singleSevere: p('single_severe_disability'),
        elderly: p('elderly'),
        employed: p('employed'),
        flexible: p('flexible'),
        regUnemployed: p('registered_unemployed'),
        unregUnemployed: p('unregistered_unemployed'),
        students: p('students'),
        minorsOther: p('minors_other'),
        newHouseholds: mvOf('NEW', 'households'),
        newPersons: mvOf('NEW', 'persons'),
        exitHouseholds: mvOf('EXIT', 'households'),
        exitPersons: mvOf('EXIT', 'persons'),
        yearNew: mvOf('NEW', 'persons', ym),
        yearExit: mvOf('EXIT', 'persons', ym),
        gradual: sumOf(rl, (x) => x.gradual),
        paid: fenToWanYuan(paidMonth),
        yearPaid: fenToWanYuan(sumOf(pd, (x) => x.net_fen)),
        budget: null,
        standard: fenToYuan(std),
        standardYear: area === 'rural' ? fenToYuan(std * 12) : null,
        avgLevel: ratio(paidMonth / 100, persons),
        coverage: null,
      });
    });
    const paidTotal = sumOf([...monthPaid.values()], (x) => x);
    return buildTable(
      { key: `A-${area}`, title: `${zh}最低生活保障情况`, titleEn: `Minimum living allowance, ${en}` },
      A_COLUMNS,
      rows,
      (t) => ({
        standard: fenToYuan(std),
        standardYear: area === 'rural' ? fenToYuan(std * 12) : null,
        avgLevel: ratio(paidTotal / 100, t.persons ?? 0),
        budget: null,
        coverage: null,
      }),
    );
  });
}

const [b1, b2, b3] = TEKUN_AGE_BANDS;
const B_COLUMNS = [
  ...group('基本情况', [
    ['persons', '供养人数', 'persons', '人'],
    ['centralized', '集中供养', 'centralised', '人'],
    ['dispersed', '分散供养', 'dispersed', '人'],
  ]),
  ...group('生活自理能力', [
    ['selfCare', '自理', 'self-care', '人'],
    ['partial', '半自理', 'partial loss', '人'],
    ['full', '全护理', 'full loss', '人'],
  ]),
  ...group('年龄', [
    ['age0', `${b1}岁以下`, `under ${b1}`, '人'],
    ['age1', `${b1}-${b2}岁`, `${b1}–${b2}`, '人'],
    ['age2', `${b2}-${b3}岁`, `${b2}–${b3}`, '人'],
    ['age3', `${b3}岁及以上`, `${b3} and over`, '人'],
  ]),
  ...group('特殊群体', [
    ['women', '女性', 'women', '人'],
    ['severe', '重度残疾人', 'severely disabled', '人'],
    ['mental', '精神疾病', 'mental illness', '人'],
  ]),
  ...group('动态管理', [
    ['newPersons', '本期新增', 'new', '人'],
    ['exitPersons', '本期退出', 'exited', '人'],
  ]),
  ...group('资金支出', [
    ['paid', '本期支出', 'paid this month', '万元'],
    ['yearPaid', '年累计支出', 'paid this year', '万元'],
  ]),
  ...group('供养标准', [
    ['basic', '基本生活标准', 'basic living standard', '元/人·月', false],
    ['care1', '照料护理标准一档（自理）', 'care standard 1', '元/人·月', false],
    ['care2', '照料护理标准二档（半自理）', 'care standard 2', '元/人·月', false],
    ['care3', '照料护理标准三档（全护理）', 'care standard 3', '元/人·月', false],
  ]),
  ...group('其他', [['commissioned', '委托照料服务覆盖人数', 'under commissioned care', '人']]),
];

export const B_NOTES: StatsNote[] = [
  note(
    'centralized',
    '集中供养人数取本期已审批发放中支付给供养服务机构的特困人员；分散供养 = 供养人数 − 集中供养',
    'centralised: 特困 persons whose monthly support this period was paid to an institution; dispersed = the rest',
  ),
  note(
    'commissioned',
    '委托照料服务覆盖人数取期末在有效照护服务合同内的特困人员（照护服务模块）',
    '特困 persons covered at the period end by a care-service contract in force (the care module)',
  ),
  note(
    'selfCare',
    '自理能力取当期在用的待遇核定等级，缺失时取人员登记的等级',
    'self-care from the entitlement in force, else the registry',
  ),
];

export async function reportB(deps: StatsDeps, r: ReportContext): Promise<StatsTable[]> {
  const s = r.resolved.scope;
  const [rolls, moves, paid, prof, params, placed, commissioned] = await Promise.all([
    repo.rollsAt(deps.db, s, r.asOf),
    repo.movements(deps.db, s, r.from, r.asOf),
    repo.paidByMonth(deps.db, s, r.yearFrom, r.asOf),
    profile.tekunProfile(deps.db, s, r.asOf),
    parametersFor(deps.db, s.county, r.asOf),
    repo.centralisedIn(deps.db, s, r.asOf),
    profile.commissionedAt(deps.db, s, r.asOf),
  ]);
  const care = params.tekun.careFen;
  return AREAS.map(([area, zh, en]) => {
    const levels = {
      basic: fenToYuan(tekunBasicFen(params, area)),
      care1: fenToYuan(care.SELF_CARE),
      care2: fenToYuan(care.PARTIAL_LOSS),
      care3: fenToYuan(care.FULL_LOSS),
    };
    const tek = <T extends { area: string; scheme: string }>(xs: T[]) =>
      xs.filter((x) => x.area === area && x.scheme === 'TEKUN');
    const rows = r.rows.map((u) => {
      const at = inRow(u.code);
      const pf = prof.filter((p) => p.area === area && at(p));
      const p = (k: keyof profile.TekunProfileRow) => sumOf(pf, (x) => Number(x[k]));
      const mv = tek(moves).filter(at);
      const pd = paid.filter((x) => x.scheme === 'TEKUN' && x.area === area && at(x));
      const persons = sumOf(tek(rolls).filter(at), (x) => x.persons);
      const centralized = sumOf(
        placed.filter((x) => x.area === area && at(x)),
        (x) => x.persons,
      );
      return row(u, {
        persons,
        centralized,
        dispersed: persons - centralized,
        selfCare: p('self_care'),
        partial: p('partial_loss'),
        full: p('full_loss'),
        age0: p('band0'),
        age1: p('band1'),
        age2: p('band2'),
        age3: p('band3'),
        women: p('women'),
        severe: p('severe_disability'),
        mental: p('mental'),
        newPersons: sumOf(
          mv.filter((x) => x.kind === 'NEW'),
          (x) => x.persons,
        ),
        exitPersons: sumOf(
          mv.filter((x) => x.kind === 'EXIT'),
          (x) => x.persons,
        ),
        paid: fenToWanYuan(
          sumOf(
            pd.filter((x) => x.month === r.period),
            (x) => x.net_fen,
          ),
        ),
        yearPaid: fenToWanYuan(sumOf(pd, (x) => x.net_fen)),
        ...levels,
        commissioned: sumOf(
          commissioned.filter((x) => x.area === area && at(x)),
          (x) => x.persons,
        ),
      });
    });
    return buildTable(
      { key: `B-${area}`, title: `${zh}特困人员救助供养情况`, titleEn: `People in extreme poverty, ${en}` },
      B_COLUMNS,
      rows,
      () => levels,
    );
  });
}
