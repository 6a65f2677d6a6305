import {
  applicationInput,
  expenditureApplicationInput,
  urgentReportInput,
} from '../../../contracts/cases.ts';
import { shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { jurisdictionFilter, requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { DEFAULT_CALENDAR, URGENT_FIRST_AID_SLA_HOURS } from '../../rules/calendar.ts';
import { charityIncomesForFacts } from '../charity/chain.usecases.ts';
import { getDivision } from '../registry/registry.repository.ts';
import { getHouseholdWithMembers } from '../registry/registry-read.repository.ts';
import { factsFromRegistry } from './assessment.ts';
import type { CaseDeps } from './case-events.usecases.ts';
import { levelOf, parseOr400, refusalError } from './case-support.ts';
import { openCase } from './case-writer.ts';
import { approvalLevelOn } from './delegation.usecases.ts';
import { transition as dibaoTransition, newDibaoCase } from './dibao.models.ts';
import { newExpenditureCase } from './expenditure.models.ts';
import { urgentColumns } from './machines.ts';
import { newTekunCase } from './tekun.models.ts';
import { newUrgentCase } from './temporary.models.ts';

// Opening a case: an application (申请) for 低保 / 单人保 / 特困 made at the town window or by the
// village assistant for the family (S1 Art.4, 6, 9; S2 Art.10), and the report of an urgent
// temporary-assistance case (§6.5). The facts start from the registry; consents are recorded on
// the case before any economic check can be requested (§2.2).

export async function createApplication(deps: CaseDeps, ctx: RequestContext, body: unknown) {
  requirePermission(ctx.actor, 'cases.write');
  const level = levelOf(ctx);
  if (level === 'county')
    throw errors.forbidden(
      '受理申请（申请由镇街窗口受理或村协理员代办）',
      'take applications (the town window or the village assistant does)',
    );
  const a = parseOr400(applicationInput, body);
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  const appliedOn = a.appliedOn ?? today;
  if (appliedOn > today)
    throw fieldError('appliedOn', '申请日期不能晚于今天', 'the application date cannot be in the future');
  if (level === 'village' && a.proxy === null)
    throw fieldError(
      'proxy',
      '村（居）代办须登记委托代办信息（S1 第六条）',
      'S1 Art.6: applying on the family’s behalf needs the proxy authorisation',
    );
  const members = await getHouseholdWithMembers(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    a.householdId,
  );
  const current = members.filter((m) => m.left_on === null);
  if (current.length === 0) throw errors.notFound('家庭', 'household', 'registry.household_not_found');
  const head = current[0]!;
  if (a.subjectPersonId !== null && !current.some((m) => m.id === a.subjectPersonId))
    throw fieldError(
      'subjectPersonId',
      '申请人不是该户的现有成员',
      'the applicant is not a current member of the household',
    );
  const facts = factsFromRegistry(
    current,
    await charityIncomesForFacts(deps.db, ctx.actor.countyCode, a.householdId, appliedOn, head.id),
  );
  const channel = level === 'village' ? 'VILLAGE_PROXY' : 'TOWN_WINDOW';
  const common = {
    scheme: a.scheme,
    stage: 'APPLICATION' as const,
    household_id: a.householdId,
    subject_person_id: a.subjectPersonId,
    town_code: head.town_code,
    village_code: head.village_code,
    area: head.urban_rural,
    channel,
    facts: facts as unknown as Record<string, unknown>,
    next_review_on: null,
    applied_on: appliedOn,
    decided_on: null,
  } as const;
  const entry = {
    type: 'APPLY',
    on: appliedOn,
    opinion: a.note ?? null,
    payload: { proxy: a.proxy, pledgeSigned: true, closeRelative: a.closeRelative, channel },
  };
  return deps.db.transaction().execute(async (trx) => {
    if (a.scheme === 'TEKUN') {
      const persons = [
        { id: a.subjectPersonId!, kind: 'APPLICANT' as const, consentSignedOn: null },
        ...a.supporterPersonIds.map((id) => ({ id, kind: 'SUPPORTER' as const, consentSignedOn: null })),
      ];
      const model = {
        ...newTekunCase({ id: 'new', persons }),
        lastEventOn: appliedOn,
        closeRelative: a.closeRelative,
      };
      return openCase(
        trx,
        ctx,
        at,
        { ...common, state: model.state, model, deadline: null, overall_due: null },
        entry,
      );
    }
    const draft = newDibaoCase({
      id: 'new',
      // §2.2: everyone whose data is checked consents; 单人保 checks the whole household (S1 Art.8).
      members: current.map((m) => ({
        id: m.id,
        consentSignedOn: null,
      })),
      approvalLevel: await approvalLevelOn(trx, ctx.actor.countyCode, head.town_code, a.scheme, appliedOn),
      closeRelative: a.closeRelative,
      recognition: a.scheme === 'DIBAO_EDGE' || a.scheme === 'RIGID',
    });
    // The application is submitted as it is made (S1 Art.4): DRAFT exists only in the pure machine.
    const submitted = dibaoTransition(
      draft,
      { type: 'SUBMIT', at: appliedOn },
      { role: ctx.actor.role, level },
      DEFAULT_CALENDAR,
    );
    if (!submitted.ok) throw refusalError(submitted);
    const model = submitted.next as unknown as Record<string, unknown>;
    return openCase(
      trx,
      ctx,
      at,
      { ...common, state: submitted.next.state, model, deadline: null, overall_due: null },
      entry,
    );
  });
}

export async function reportUrgent(deps: CaseDeps, ctx: RequestContext, body: unknown) {
  requirePermission(ctx.actor, 'cases.write');
  levelOf(ctx);
  const r = parseOr400(urgentReportInput, body);
  if (!withinJurisdiction(ctx.actor, r.villageCode)) throw errors.notFound('村（居）', 'village');
  const village = await getDivision(deps.db, r.villageCode);
  if (village?.level !== 'village' || village.county_code !== ctx.actor.countyCode)
    throw fieldError('villageCode', '村（居）不存在', 'no such village');
  const householdId = r.householdId;
  let area: 'urban' | 'rural' = village.urban_rural_code?.startsWith('1') ? 'urban' : 'rural';
  if (householdId !== null) {
    const h = await getHouseholdWithMembers(
      deps.db,
      ctx.actor.countyCode,
      jurisdictionFilter(ctx.actor),
      householdId,
    );
    if (h.length === 0) throw errors.notFound('家庭', 'household', 'registry.household_not_found');
    area = h[0]!.urban_rural;
  } else if (!r.nonLocalHukou) {
    throw fieldError(
      'householdId',
      '本地户籍的须选择家庭；非本地户籍请勾选“非本地户籍”',
      'choose the household, or mark the person as non-local',
    );
  }
  const at = deps.clock.now();
  const model = newUrgentCase({
    id: 'new',
    township: village.parent_code ?? r.villageCode.slice(0, 9),
    source: r.source,
    nonLocalHukou: r.nonLocalHukou,
    reportedAt: at.toISOString(),
    firstAidSlaHours: URGENT_FIRST_AID_SLA_HOURS,
  });
  const cols = urgentColumns(model);
  return deps.db.transaction().execute(async (trx) =>
    openCase(
      trx,
      ctx,
      at,
      {
        scheme: 'TEMP_URGENT',
        stage: 'APPLICATION',
        state: model.state,
        household_id: householdId,
        subject_person_id: null,
        town_code: r.villageCode.slice(0, 9),
        village_code: r.villageCode,
        area,
        channel:
          r.source === 'DISCOVERY'
            ? 'DISCOVERY'
            : levelOf(ctx) === 'village'
              ? 'VILLAGE_PROXY'
              : 'TOWN_WINDOW',
        model: { ...(model as unknown as Record<string, unknown>), cause: r.cause },
        facts: null,
        deadline: cols.deadline,
        overall_due: null,
        next_review_on: null,
        applied_on: shanghaiDateOf(at),
        decided_on: null,
      },
      {
        type: 'REPORT',
        on: shanghaiDateOf(at),
        opinion: r.summary,
        payload: {
          source: r.source,
          cause: r.cause,
          nonLocalHukou: r.nonLocalHukou,
          personDescription: r.personDescription ?? null,
        },
      },
    ),
  );
}

/** 支出型临时救助 (§6.3): applied for at the town like 低保; the event is assessed on its own facts. */
export async function createExpenditureApplication(deps: CaseDeps, ctx: RequestContext, body: unknown) {
  requirePermission(ctx.actor, 'cases.write');
  const level = levelOf(ctx);
  if (level === 'county')
    throw errors.forbidden(
      '受理申请（申请由镇街窗口受理或村协理员代办）',
      'take applications (the town window or the village assistant does)',
    );
  const a = parseOr400(expenditureApplicationInput, body);
  const at = deps.clock.now();
  const appliedOn = a.appliedOn ?? shanghaiDateOf(at);
  if (appliedOn > shanghaiDateOf(at))
    throw fieldError('appliedOn', '申请日期不能晚于今天', 'the application date cannot be in the future');
  const members = await getHouseholdWithMembers(
    deps.db,
    ctx.actor.countyCode,
    jurisdictionFilter(ctx.actor),
    a.householdId,
  );
  const current = members.filter((m) => m.left_on === null);
  if (current.length === 0) throw errors.notFound('家庭', 'household', 'registry.household_not_found');
  const head = current[0]!;
  const model = { ...newExpenditureCase({ id: 'new', appliedOn }), cause: a.cause };
  const known = await charityIncomesForFacts(
    deps.db,
    ctx.actor.countyCode,
    a.householdId,
    appliedOn,
    head.id,
  );
  return deps.db.transaction().execute(async (trx) =>
    openCase(
      trx,
      ctx,
      at,
      {
        scheme: 'TEMP_EXPENDITURE',
        stage: 'APPLICATION',
        state: model.state,
        household_id: a.householdId,
        subject_person_id: null,
        town_code: head.town_code,
        village_code: head.village_code,
        area: head.urban_rural,
        channel: level === 'village' ? 'VILLAGE_PROXY' : 'TOWN_WINDOW',
        model: model as unknown as Record<string, unknown>,
        facts: factsFromRegistry(current, known) as unknown as Record<string, unknown>,
        deadline: null,
        overall_due: null,
        next_review_on: null,
        applied_on: appliedOn,
        decided_on: null,
      },
      { type: 'APPLY', on: appliedOn, opinion: a.summary, payload: { cause: a.cause, pledgeSigned: true } },
    ),
  );
}
