import type { Dimension, ScoresInput } from '../contracts/grassroots.ts';
import { monthBounds } from '../server/modules/grassroots/assessment.models.ts';
import {
  confirmMany,
  listMonth,
  openMonth,
  saveScoresMany,
} from '../server/modules/grassroots/assessment.usecases.ts';
import { postsOn } from '../server/modules/grassroots/grassroots.repository.ts';
import { appointPost, recordComplaint } from '../server/modules/grassroots/roster.usecases.ts';
import { createTraining, recordAttendance } from '../server/modules/grassroots/trainings.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import type { RequestContext } from '../server/platform/context.ts';
import type { Services } from '../server/services.ts';
import { contextOfUser } from './accounts.ts';
import { DEMO_COUNTY, demoDivisions } from './district.ts';
import type { Rng } from './random.ts';

// The grassroots network of the demo district (§9.6), after cases, feeds and monitoring so that the
// metrics have alerts and reviews to count: a post for each of the 116 villages (about one in five
// with a previous holder in the history), twelve training sessions in 2026 with attendance, and the
// monthly 德能勤绩廉 assessment of every assistant for each month of 2026 that has ended — opened,
// scored with reasons and confirmed by the town officers through the use cases, with the clock just
// after the month's end (a month is assessed once it is over).

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕';
const GIVEN = '志国建华明丽红霞军平伟芳秀英海燕玉兰春梅立新晓东文静振德学成桂荣金凤';
const END_REASONS = ['村两委换届', '调任村委会其他岗位', '个人原因辞任', '外出务工辞任'];
const ABSENT = ['入户核查低保家庭', '病假', '陪同群众办理临时救助', '参加镇防汛值班'];
const TOPICS = [
  '低保审核确认办法解读',
  '特困人员认定与照料护理',
  '低收入人口动态监测预警核实',
  '临时救助“先行救助”操作规范',
  '入户调查与家庭经济状况核对',
  '救助资金监管与廉政风险防控',
];
const REASONS: Record<Dimension, [string, string, string]> = {
  de: ['政治立场坚定，服务群众热情周到', '遵守纪律，服务态度较好', '服务意识有待加强，群众反映耐心不足'],
  neng: ['政策掌握准确，入户核查规范', '业务较熟悉，个别材料需补正', '政策理解不到位，需加强学习'],
  qin: ['按时走访困难群众，全月在岗', '走访基本按时，偶有延误', '走访不及时，存在缺勤'],
  ji: ['预警核实及时，台账完整', '完成月度工作任务', '任务完成率偏低，台账不全'],
  lian: ['无优亲厚友等违规情况', '廉洁自律，无违规', '提醒注意优亲厚友风险'],
};

const clamp = (n: number) => Math.max(40, Math.min(100, Math.round(n)));
const name = (rng: Rng) =>
  `${rng.pick([...SURNAMES])}${rng.pick([...GIVEN])}${rng.chance(0.6) ? rng.pick([...GIVEN]) : ''}`;

async function contexts(s: Services): Promise<Map<string, RequestContext>> {
  const users = await s.db
    .selectFrom('app_user')
    .selectAll()
    .where('county_code', '=', DEMO_COUNTY)
    .where('role', 'in', ['district_officer', 'town_officer'])
    .execute();
  return new Map(users.map((u) => [u.jurisdiction_code, contextOfUser(u, 'demo-grassroots')]));
}

export async function runDemoGrassroots(s: Services, rng: Rng): Promise<void> {
  const real0 = Date.now();
  const now0 = s.clock.now();
  const today = shanghaiDateOf(now0);
  const ctx = await contexts(s);
  const district = ctx.get(DEMO_COUNTY);
  if (!district) throw new Error('demo grassroots: the district account is missing');
  const townCtx = (code: string) => ctx.get(code.slice(0, 9)) ?? district;
  const { villages, towns } = demoDivisions();
  const accounts = new Map(
    (
      await s.db
        .selectFrom('app_user')
        .select(['id', 'jurisdiction_code'])
        .where('role', '=', 'village_assistant')
        .where('county_code', '=', DEMO_COUNTY)
        .execute()
    ).map((u) => [u.jurisdiction_code, u.id]),
  );

  // The roster: the current holder signs in with the village's assistant account.
  for (const v of villages) {
    const c = townCtx(v.code12);
    const base = { villageCode: v.code12, userId: null, replaceCurrent: false };
    let fromOn = `${rng.pick(['2021', '2022', '2023'])}-0${rng.int(1, 9)}-01`;
    if (rng.chance(0.2)) {
      await appointPost(s, c, { ...base, holderName: name(rng), fromOn });
      fromOn = `${rng.pick(['2024', '2025'])}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
      await appointPost(s, c, {
        ...base,
        userId: accounts.get(v.code12) ?? null,
        holderName: name(rng),
        fromOn,
        replaceCurrent: true,
        endReason: rng.pick(END_REASONS),
      });
    } else
      await appointPost(s, c, {
        ...base,
        userId: accounts.get(v.code12) ?? null,
        holderName: name(rng),
        fromOn,
      });
  }

  // Twelve sessions in 2026: the district's each quarter, the towns' in between; the roll is taken
  // for the sessions already held.
  const townCodes = towns.map((t) => t.code12.slice(0, 9));
  for (let month = 1; month <= 12; month++) {
    const heldOn = `2026-${String(month).padStart(2, '0')}-${String(rng.int(8, 26)).padStart(2, '0')}`;
    const atDistrict = month % 3 === 1;
    const town = townCodes[(month - 1) % townCodes.length] as string;
    const c = atDistrict ? district : townCtx(town);
    const { id } = await createTraining(s, c, {
      level: atDistrict ? 'DISTRICT' : 'TOWN',
      townCode: atDistrict ? null : town,
      title: `${atDistrict ? '全区协理员轮训：' : '协理员业务培训：'}${TOPICS[(month - 1) % TOPICS.length]}`,
      heldOn,
      place: atDistrict ? '区民政局四楼会议室' : '镇（街道）便民服务中心会议室',
      trainer: atDistrict ? '区民政局社会救助科' : '镇（街道）民政办',
      hours: atDistrict ? 4 : 2,
      content: '政策解读、案例分析、系统操作演示',
      materials: [{ title: '民政部社会救助政策文件', url: 'https://www.mca.gov.cn/' }],
    });
    if (heldOn >= today) continue;
    const scope = atDistrict
      ? { county: DEMO_COUNTY, column: 'county_code' as const, value: DEMO_COUNTY }
      : { county: DEMO_COUNTY, column: 'town_code' as const, value: town };
    const expected = await postsOn(s.db, scope, heldOn);
    await recordAttendance(s, c, id, {
      records: expected.map((p) => {
        const present = rng.chance(0.9);
        return { postId: p.id, present, absenceReason: present ? null : rng.pick(ABSENT) };
      }),
    });
  }

  // Each assistant has a level that drifts a little month to month; 廉 is rarely marked down.
  const level = new Map<string, number>();
  for (let month = 1; month <= 12; month++) {
    const m = `2026-${String(month).padStart(2, '0')}`;
    const next = month === 12 ? '2027-01-01' : `2026-${String(month + 1).padStart(2, '0')}-01`;
    if (next > today) break;
    s.clock.set(new Date(`${next}T09:00:00+08:00`));
    const posts = await postsOn(
      s.db,
      { county: DEMO_COUNTY, column: 'county_code', value: DEMO_COUNTY },
      monthBounds(m).last,
    );
    for (const p of posts)
      if (rng.chance(0.01))
        await recordComplaint(s, townCtx(p.village_code), {
          postId: p.id,
          receivedOn: `${m}-${String(rng.int(1, 28)).padStart(2, '0')}`,
          channel: rng.pick(['HOTLINE_12349', 'VISIT', 'LETTER'] as const),
          summary: '群众反映协理员办事拖延、解释政策不耐心',
          substantiated: rng.chance(0.6),
          finding: '镇（街道）民政办约谈核实，已反馈来电人',
        });
    for (const t of townCodes) {
      const c = townCtx(t);
      await openMonth(s, c, m);
      const own = await listMonth(s, c, m);
      const items = own.map((p) => {
        const lv = clamp((level.get(p.postId) ?? 78 + rng.next() * 16) + (rng.next() - 0.5) * 4);
        level.set(p.postId, lv);
        const score = (d: Dimension): { score: number; reason: string } => {
          const spread = { de: 3, neng: 6, qin: 7, ji: 8, lian: 0 }[d];
          const v =
            d === 'lian'
              ? rng.chance(0.93)
                ? rng.int(95, 100)
                : rng.int(80, 92)
              : clamp(lv + (d === 'de' ? 4 : 0) + (rng.next() - 0.5) * 2 * spread);
          const band = v >= 90 ? 0 : v >= 80 ? 1 : 2;
          return { score: v, reason: REASONS[d][band] };
        };
        const scores = {
          de: score('de'),
          neng: score('neng'),
          qin: score('qin'),
          ji: score('ji'),
          lian: score('lian'),
        };
        return { postId: p.postId, scores: scores satisfies ScoresInput };
      });
      await saveScoresMany(s, c, m, items);
      await confirmMany(s, c, m, null);
    }
  }
  s.clock.set(new Date(now0.getTime() + (Date.now() - real0)));
}
