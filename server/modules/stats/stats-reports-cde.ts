import { AGGREGATION, type StatsNote, type StatsTable } from '../../../contracts/stats.ts';
import { buildTable, fenToWanYuan, group, ratio } from './stats.models.ts';
import * as repo from './stats.repository.ts';
import { fetchKpiSources, kpisOf, type StatsDeps } from './stats.usecases.ts';
import * as profile from './stats-profile.repository.ts';
import { inRow, note, type ReportContext, row, sumOf } from './stats-report-context.ts';

// Reports C (临时救助), D (低收入人口, de-duplicated) and E (the press-release KPIs) of §12.2.

const C_COLUMNS = [
  ...group('救助情况', [
    ['events', '救助人次', 'person-times', '人次'],
    ['households', '救助户次', 'household-times', '户次'],
    ['urgent', '急难型', 'urgent', '人次'],
    ['expenditure', '支出型', 'expenditure', '人次'],
  ]),
  ...group('救助对象类别', [
    ['ofDibao', '低保对象', '低保 households', '人次'],
    ['ofTekun', '特困人员', '特困 persons', '人次'],
    ['ofEdge', '低保边缘', '低保边缘 households', '人次'],
    ['ofOther', '其他', 'other', '人次'],
    ['nonLocal', '非本地户籍', 'non-local 户籍', '人次'],
  ]),
  ...group('先行救助', [
    ['firstAid', '先行救助人次', 'first aid', '人次'],
    ['firstAidAmount', '先行救助金额', 'first-aid amount', '万元'],
  ]),
  ...group('审批层级', [
    ['township', '乡镇审批', 'township approval', '人次'],
    ['district', '区级审批', 'district approval', '人次'],
  ]),
  ...group('资金', [
    ['amount', '支出', 'paid', '万元'],
    ['avgLevel', '平均救助水平', 'average per person-time', '元/人次', false],
    ['reserve', '备用金余额', 'reserve fund balance', '万元'],
  ]),
  ...group('转介', [['referrals', '转介', 'referrals', '人次']]),
];

export const C_NOTES: StatsNote[] = [
  note(
    'events',
    '一次救助事件计一人次：急难型以先行救助发放计，支出型以每次分阶段发放计；后续追加救助只计金额',
    'one payment event is one person-time (first aid, each staged disbursement); follow-up payments add to the amount only',
  ),
  note(
    'nonLocal',
    '支出型救助未记录户籍地，按本地计',
    'expenditure cases do not record the 户籍 place and count as local',
  ),
  note('township', '急难型先行救助由乡镇审批；支出型按审批层级', 'urgent first aid is approved by the town'),
];

export async function reportC(deps: StatsDeps, r: ReportContext): Promise<StatsTable[]> {
  const s = r.resolved.scope;
  const [temp, refs, reserve] = await Promise.all([
    profile.temporaryEvents(deps.db, s, r.from, r.asOf),
    profile.referrals(deps.db, s, r.from, r.asOf),
    profile.reserveBalances(deps.db, s, r.asOf),
  ]);
  const rows = r.rows.map((u) => {
    const at = inRow(u.code);
    const t = temp.filter(at);
    const n = (k: keyof profile.TempRow) => sumOf(t, (x) => Number(x[k]));
    const events = n('events');
    const amount = n('amount_fen');
    const byStatus = n('of_dibao') + n('of_tekun') + n('of_edge');
    return row(u, {
      events,
      households: n('households'),
      urgent: sumOf(
        t.filter((x) => x.kind === 'TEMP_URGENT'),
        (x) => x.events,
      ),
      expenditure: sumOf(
        t.filter((x) => x.kind === 'TEMP_EXPENDITURE'),
        (x) => x.events,
      ),
      ofDibao: n('of_dibao'),
      ofTekun: n('of_tekun'),
      ofEdge: n('of_edge'),
      ofOther: Math.max(0, events - byStatus),
      nonLocal: n('non_local'),
      firstAid: n('first_aid'),
      firstAidAmount: fenToWanYuan(n('first_aid_fen')),
      township: n('township'),
      district: n('district'),
      amount: fenToWanYuan(amount),
      avgLevel: ratio(amount / 100, events),
      // A village scope still shows its town's fund: the fund is kept per town.
      reserve: fenToWanYuan(sumOf(reserve.filter(at), (x) => x.balance_fen)),
      referrals: sumOf(refs.filter(at), (x) => x.n),
    });
  });
  const amountFen = sumOf(temp, (x) => x.amount_fen);
  return [
    buildTable(
      { key: 'C', title: '临时救助情况', titleEn: 'Temporary assistance' },
      C_COLUMNS,
      rows,
      (tot) => ({ avgLevel: ratio(amountFen / 100, tot.events ?? 0) }),
    ),
  ];
}

const D_COLUMNS = [
  ...group('低收入人口（去重）', [
    ['households', '户数', 'households', '户'],
    ['persons', '人数', 'persons', '人'],
  ]),
  ...group('分类人数', [
    ['dibao', '低保对象', '低保', '人'],
    ['tekun', '特困人员', '特困', '人'],
    ['edge', '低保边缘家庭成员', '低保边缘', '人'],
    ['rigid', '刚性支出困难家庭成员', '刚性支出', '人'],
    ['antiPoverty', '防止返贫监测对象', 'anti-poverty monitoring', '人'],
    ['illness', '因病致贫重病患者', 'serious illness', '人'],
    ['other', '其他', 'other', '人'],
  ]),
  ...group('动态监测', [
    ['alerts', '预警生成', 'alerts raised', '户次'],
    ['verified', '预警核实', 'alerts verified', '户次'],
    ['closedOnTime', '按时办结', 'closed on time', '户次'],
    ['discovered', '主动发现新纳入', 'newly included through discovery', '户'],
  ]),
];

export const D_NOTES: StatsNote[] = [
  note(
    'antiPoverty',
    '防止返贫监测对象、因病致贫重病患者、其他困难人员取自动态监测人口（部门数据比对时同步），按期末有效的记录计，含尚未在系统登记的人员',
    'from the monitored population (synced at each comparison run), as held at the period end, including persons not in the registry',
  ),
  note(
    'alerts',
    '预警各列为统计期内生成、核实和按时办结（在核实期限内核实并已办结）的预警条数，按承办镇街统计',
    'alerts raised, verified, and closed having been verified by their due date within the period, by the town that handles them',
  ),
  note(
    'persons',
    '户数、人数按人员去重：同一人属于多个类别只计一次；分类人数为该类别户的在册成员',
    'persons are de-duplicated across categories; category counts are the members of that category’s households',
  ),
];

export async function reportD(deps: StatsDeps, r: ReportContext): Promise<StatsTable[]> {
  const s = r.resolved.scope;
  const [low, moves, alerts] = await Promise.all([
    profile.lowIncome(deps.db, s, r.asOf),
    repo.movements(deps.db, s, r.from, r.asOf),
    profile.alertFlow(deps.db, s, r.from, r.asOf),
  ]);
  const rows = r.rows.map((u) => {
    const l = low.filter(inRow(u.code));
    const a = alerts.filter(inRow(u.code));
    const of = (category: string, f: 'households' | 'persons' = 'persons') =>
      sumOf(
        l.filter((x) => x.category === category),
        (x) => x[f],
      );
    return row(u, {
      households: of('ALL', 'households'),
      persons: of('ALL'),
      dibao: of('DIBAO'),
      tekun: of('TEKUN'),
      edge: of('DIBAO_EDGE'),
      rigid: of('RIGID'),
      antiPoverty: of('RURAL_REVITALIZATION_MONITORED'),
      illness: of('ILLNESS_IMPOVERISHED'),
      other: of('OTHER'),
      alerts: sumOf(a, (x) => x.raised),
      verified: sumOf(a, (x) => x.verified),
      closedOnTime: sumOf(a, (x) => x.closed_on_time),
      discovered: sumOf(
        moves.filter((m) => m.kind === 'NEW' && m.channel === 'DISCOVERY' && inRow(u.code)(m)),
        (m) => m.households,
      ),
    });
  });
  return [
    buildTable({ key: 'D', title: '低收入人口情况', titleEn: 'Low-income population' }, D_COLUMNS, rows),
  ];
}

const E_COLUMNS = [
  ...group('期末在保', [
    ['dibaoHouseholds', '城乡低保户数', '低保 households', '户'],
    ['dibaoPersons', '城乡低保人数', '低保 persons', '人'],
    ['tekunPersons', '特困人员', '特困 persons', '人'],
  ]),
  ...group('年内新增', [
    ['newDibaoHouseholds', '新增低保户数', 'new 低保 households', '户'],
    ['newDibaoPersons', '新增低保人数', 'new 低保 persons', '人'],
    ['newTekunPersons', '新增特困人员', 'new 特困 persons', '人'],
  ]),
  ...group('临时救助', [
    ['tempEvents', '临时救助', 'temporary assistance', '人次'],
    ['tempAmount', '临时救助金', 'temporary assistance paid', '万元'],
  ]),
  ...group('年内发放（已审批批次）', [
    ['paidDibao', '低保金', '低保 paid', '万元'],
    ['paidTekun', '特困供养金', '特困 paid', '万元'],
    ['paidTemporary', '临时救助金（批次）', 'temporary paid through payroll', '万元'],
  ]),
  ...group('动态监测', [['monitored', '低收入人口监测人数', 'monitored low-income persons', '人']]),
];

export const E_NOTES: StatsNote[] = [
  note(
    'aggregation',
    `汇集部门 ${AGGREGATION.departments} 个、政策 ${AGGREGATION.policies} 项：政策目录尚未建模，取自新闻发布会（常量）`,
    `${AGGREGATION.departments} departments / ${AGGREGATION.policies} policies: a documented constant until the policy catalogue exists`,
  ),
  note(
    'coordinatorRanking',
    '民政协理员考核排名尚未建模，暂不输出',
    'the coordinator ranking is not modelled yet',
  ),
  note(
    'tempAmount',
    '临时救助金取案件发放记录（先行救助、分阶段发放、追加）；低保金、特困供养金取已审批发放批次',
    'temporary assistance from the case payment events; 低保 / 特困 from approved payroll runs',
  ),
];

export async function reportE(deps: StatsDeps, r: ReportContext): Promise<StatsTable[]> {
  const src = await fetchKpiSources(deps.db, r.resolved.scope, r.yearFrom, r.asOf);
  const rows = r.rows.map((u) => {
    const k = kpisOf(src, inRow(u.code));
    return row(u, {
      dibaoHouseholds: k.dibaoHouseholds,
      dibaoPersons: k.dibaoPersons,
      tekunPersons: k.tekunPersons,
      newDibaoHouseholds: k.newDibaoHouseholds,
      newDibaoPersons: k.newDibaoPersons,
      newTekunPersons: k.newTekunPersons,
      tempEvents: k.tempEvents,
      tempAmount: fenToWanYuan(k.tempAmountFen),
      paidDibao: fenToWanYuan(k.paidFen.DIBAO),
      paidTekun: fenToWanYuan(k.paidFen.TEKUN),
      paidTemporary: fenToWanYuan(k.paidFen.TEMPORARY),
      monitored: k.monitoredPersons,
    });
  });
  return [buildTable({ key: 'E', title: '社会救助主要指标', titleEn: 'Key figures' }, E_COLUMNS, rows)];
}
