import { creditCheckChar } from '../contracts/institutions.ts';
import { createUsers } from '../server/modules/admin/users.usecases.ts';
import { recordDisbursement } from '../server/modules/charity/disbursements.usecases.ts';
import { linkOrgUser, saveOrg, saveProject } from '../server/modules/charity/orgs.usecases.ts';
import {
  answerReferral,
  closeReferral,
  createReferral,
} from '../server/modules/charity/referrals.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import type { RequestContext } from '../server/platform/context.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import { addDays } from '../server/rules/calendar.ts';
import type { Services } from '../server/services.ts';
import { demoContext } from './accounts.ts';

import { DEMO_COUNTY } from './district.ts';
import type { Rng } from './random.ts';
import { DEMO_PASSWORD } from './run.ts';

const contextOf = (s: Services, username: string) => demoContext(s, username, 'demo-charity');

// 慈善帮扶 in the demo district (§9.2), after the caseload and the alerts exist: three organisations
// with an account each (charity1–3), their 2026 projects, referrals from active cases (by the village
// assistants) and from alerts (by the towns), answered within or after the due date, and help given
// — all through the use cases, the clock set to each step's day.

const ORGS = [
  { name: '泰安高新区慈善总会', type: '53', contact: '王会长', needs: ['MEDICAL', 'LIVING'] },
  { name: '高新区红十字会', type: '53', contact: '李秘书长', needs: ['MEDICAL', 'DISABILITY'] },
  { name: '泰山爱心助学基金会', type: '53', contact: '赵理事', needs: ['EDUCATION'] },
] as const;

export async function runDemoCharity(s: Services, rng: Rng): Promise<void> {
  const now0 = s.clock.now();
  const today = shanghaiDateOf(now0);
  const at = (date: string) => s.clock.set(new Date(`${date}T10:00:00+08:00`));
  const hash = await hashPassword(DEMO_PASSWORD);
  await createUsers(
    s.db,
    s.clock,
    ORGS.map((o, i) => ({
      username: `charity${i + 1}`,
      displayName: `${o.name}经办人`,
      role: 'charity',
      jurisdictionCode: DEMO_COUNTY,
      passwordHash: hash,
      mustChangePassword: false,
    })),
  );
  const district = await contextOf(s, 'district');
  // About ten weeks of referrals, inside the current year (the projects run for the calendar year).
  const yearStart = `${today.slice(0, 4)}-01-05`;
  const start = addDays(today, -75) > yearStart ? addDays(today, -75) : yearStart;
  at(start);
  const orgs: { id: string; ctx: RequestContext; projectId: string; needs: readonly string[] }[] = [];
  for (const [i, o] of ORGS.entries()) {
    const body = `${o.type}${DEMO_COUNTY}MJ${String(i + 11).padStart(7, '0')}`;
    const org = await saveOrg(s, district, null, {
      name: o.name,
      creditCode: body + creditCheckChar(body),
      contactName: o.contact,
      contactPhone: `0538-86${String(10_000 + i * 37).slice(0, 5)}`,
      address: '泰安高新区中天门大街',
    });
    await linkOrgUser(s, district, org.id, { username: `charity${i + 1}` });
    const ctx = await contextOf(s, `charity${i + 1}`);
    const year = start.slice(0, 4);
    const p = await saveProject(s, ctx, null, {
      orgId: org.id,
      name: `${year}年${o.name.replace(/^泰安高新区|^高新区|^泰山/, '')}帮扶项目`,
      description: '演示数据：面向低保、特困和低保边缘家庭的慈善帮扶',
      budgetFen: (i + 2) * 5_000_000,
      targetCategories: ['DIBAO', 'TEKUN', 'EDGE'],
      needs: [...o.needs],
      periodFrom: `${year}-01-01`,
      periodTo: `${year}-12-31`,
    });
    orgs.push({ id: org.id, ctx, projectId: p.id, needs: o.needs });
  }

  // Referrals from active 低保/特困 cases, by the assistant of the case's village.
  const cases = await s.db
    .selectFrom('assistance_case')
    .select(['id', 'village_code', 'town_code'])
    .where('county_code', '=', DEMO_COUNTY)
    .where('stage', '=', 'ACTIVE')
    .where('scheme', 'in', ['DIBAO', 'TEKUN'])
    .where('household_id', 'is not', null)
    .orderBy('case_no')
    .limit(400)
    .execute();
  const picked = cases.filter(() => rng.chance(0.06)).slice(0, 18);
  // Referrals from alerts the town has verified (a referral is the alert's disposition, §7.4).
  const alerts = await s.db
    .selectFrom('alert')
    .select(['id', 'town_code', 'verified_on'])
    .where('county_code', '=', DEMO_COUNTY)
    .where('household_id', 'is not', null)
    .where('state', '=', 'VERIFIED')
    .where('alert_type', 'in', ['SERIOUS_ILLNESS', 'DISABILITY', 'SCHOOLING'])
    .orderBy('raised_on')
    .limit(40)
    .execute();
  const sources = [
    ...picked.map((c) => ({ caseId: c.id, user: `v${c.village_code.slice(6)}` })),
    ...alerts
      .filter(() => rng.chance(0.3))
      .slice(0, 6)
      .map((a) => ({
        alertId: a.id,
        user: `town${(a.town_code ?? '').slice(6, 9)}`,
        verifiedOn: a.verified_on ?? today,
      })),
  ];
  for (const [i, src] of sources.entries()) {
    const planned = addDays(start, 5 + i * 3);
    const referredOn = 'verifiedOn' in src && src.verifiedOn > planned ? src.verifiedOn : planned;
    if (referredOn >= today) continue;
    at(referredOn);
    const org = rng.pick(orgs);
    const need = rng.pick(org.needs);
    const referrer = await contextOf(s, src.user).catch(() => district);
    const from = 'alertId' in src ? { alertId: src.alertId } : { caseId: src.caseId };
    const ref = await createReferral(s, referrer, {
      orgId: org.id,
      ...from,
      need: need as 'MEDICAL',
      description: need === 'EDUCATION' ? '子女就学费用负担重，申请助学帮扶' : '家庭成员患病，医疗支出负担重',
    }).catch(() => null);
    if (!ref) continue; // e.g. an open referral for the same need already exists
    // Most are answered within the due date; a few are left waiting (the worklist shows them red).
    if (i % 7 === 6) continue;
    at(addDays(referredOn, rng.int(1, 4)));
    if (i % 5 === 4) {
      await answerReferral(s, org.ctx, ref.id, {
        decision: 'DECLINE',
        reason: '不在本项目帮扶范围，建议转介其他组织',
      });
      continue;
    }
    await answerReferral(s, org.ctx, ref.id, { decision: 'ACCEPT', projectId: org.projectId });
    const paidOn = addDays(referredOn, rng.int(5, 12));
    if (paidOn >= today) continue;
    at(paidOn);
    const goods = need === 'DISABILITY';
    await recordDisbursement(s, org.ctx, {
      referralId: ref.id,
      kind: goods ? 'IN_KIND' : 'CASH',
      valueFen: rng.int(5, 30) * 10_000,
      ...(goods ? { itemDescription: '轮椅一台' } : {}),
      on: paidOn,
    }).catch(() => undefined);
    if (i % 3 === 0)
      await closeReferral(s, org.ctx, ref.id, { note: '帮扶资金已发放，回访家庭情况稳定' }).catch(
        () => undefined,
      );
  }
  s.clock.set(now0);
}
