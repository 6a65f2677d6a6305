import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, errors } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { benefitStartMonth, CalendarCoverageError, DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { insertEntitlement } from '../entitlements/entitlements.repository.ts';
import { placementColumns } from '../institutions/institutions.usecases.ts';
import { onIntegrityEffects } from '../integrity/integrity.usecases.ts';
import { recordInvestigatedIncomes } from '../registry/investigated-incomes.ts';
import { getHouseholdWithMembers } from '../registry/registry-read.repository.ts';
import { parametersFor } from '../standards/standards.usecases.ts';
import { citedCheckReport, onCheckEffects } from '../verification/check-requests.usecases.ts';
import { newActiveCase } from './active.models.ts';
import {
  type Assessment,
  assessCase,
  type CaseFacts,
  investigatedIncomes,
  parseFacts,
} from './assessment.ts';
import { caseNotFound, levelOf, parseOr400, refusalError, storeAttachments } from './case-support.ts';
import { recordTransition } from './case-writer.ts';
import * as repo from './cases.repository.ts';
import type { DibaoCase } from './dibao.models.ts';
import {
  type ApiEvent,
  type Applied,
  activeColumns,
  applyToModel,
  EVENT_SCHEMAS,
  machineOf,
  RECORD_ONLY,
  recognitionColumns,
} from './machines.ts';
import { newRecognition } from './recognition.models.ts';
import { onReserveFundEffects } from './reserve-fund.usecases.ts';
import { TEKUN_MIN_SPOT_CHECK_RATE } from './tekun.models.ts';

// Recording an event on a case (申请受理、调查、公示、审核确认、动态管理、临时救助): validate the event
// for the case's machine, lock the case, run the pure transition, and write the new snapshot, the
// timeline entry, any entitlement version, consent, attachment or reserve-fund entry in one
// transaction. A refusal changes nothing and says why in Chinese and English.

export type CaseDeps = { db: Database; clock: Clock };
type SpotDraw = { rate: number; seed: string; selected: boolean };

const notEligible = (a: Extract<Assessment, { eligible: false }>) =>
  refusalError({
    ok: false,
    code: 'NOT_ELIGIBLE',
    zh: `按核定的家庭经济状况不符合条件：${a.failures.map((f) => f.zh).join('；')}`,
    en: `the assessed household does not qualify: ${a.failures.map((f) => f.en).join('; ')}`,
    details: { failures: a.failures },
  });

export async function recordCaseEvent(
  deps: CaseDeps,
  ctx: RequestContext,
  caseId: string,
  body: unknown,
  expectedVersion?: number,
): Promise<{ version: number; state: string; stage: string }> {
  return deps.db
    .transaction()
    .execute((trx) => recordCaseEventIn(trx, deps, ctx, caseId, body, expectedVersion));
}

/** The same inside a caller's transaction (a portal objection recorded with its feedback, one commit). */
export async function recordCaseEventIn(
  trx: Transaction<DB>,
  deps: CaseDeps,
  ctx: RequestContext,
  caseId: string,
  body: unknown,
  expectedVersion?: number,
): Promise<{ version: number; state: string; stage: string }> {
  requirePermission(ctx.actor, 'cases.write');
  const level = levelOf(ctx);
  const actor = { role: ctx.actor.role, level };
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  const today = shanghaiDateOf(at);
  // One locked read of the case: the machine, the event's shape and the parameters all follow from it.
  const row = await repo.lockCase(trx, county, caseId);
  if (!row || !withinJurisdiction(ctx.actor, row.village_code)) throw caseNotFound();
  const machine = machineOf(row.scheme, row.stage);
  if (!machine || row.stage === 'CLOSED')
    throw refusalError({
      ok: false,
      code: 'CASE_CLOSED',
      zh: '案件已办结，不能再操作',
      en: 'the case is closed',
    });
  const e = parseOr400(EVENT_SCHEMAS[machine], body) as ApiEvent;
  const on = e.at ?? today;
  if (on > today)
    throw errors.validation([
      { field: 'at', message: '日期不能晚于今天', messageEn: 'the date cannot be in the future' },
    ]);
  if (e.type === 'ACCEPT' && row.channel === 'PORTAL') await refuseDuplicateAcceptance(trx, row);
  if (expectedVersion !== undefined && row.version !== expectedVersion)
    throw errors.conflict(
      'cases.version_conflict',
      '案件已被他人更新，请刷新后重试',
      'the case was changed by someone else; reload and try again',
      { current: row.version },
    );
  // Only temporary assistance reads parameters on every step (the township's approval limit, caps).
  const temp =
    machine === 'urgent' || machine === 'expenditure' ? await parametersFor(trx, county, on) : null;
  const limitFen = temp?.temporary.townshipApprovalLimitFen ?? 0;
  const expenditureParams = temp
    ? {
        townshipApprovalLimitFen: limitFen,
        // §15: the general cap per event is months × the urban monthly standard × household size.
        generalCapFen:
          temp.temporary.generalCapMonths *
          temp.dibao.standardFen.urban *
          Math.max(1, (row.facts as CaseFacts | null)?.personIds.length ?? 1),
        prevYearPerCapitaIncomeFen: temp.prevYearDisposableIncomeFenPerYear[row.area],
        publicityRequired: false,
      }
    : undefined;
  const attachments = await storeAttachments(trx, ctx, row.id, e.attachments ?? [], at);
  const entry = {
    type: e.type,
    on,
    opinion: e.opinion ?? null,
    payload: payloadOf(e),
    attachments,
  };
  if (RECORD_ONLY.has(e.type)) {
    await recordTransition(trx, ctx, at, row, { state: row.state, model: row.model }, entry);
    return { version: row.version + 1, state: row.state, stage: row.stage };
  }

  const facts = row.facts as CaseFacts | null;
  let newFacts: CaseFacts | undefined;
  let parsedFacts: ReturnType<typeof parseFacts> | undefined;
  let assessment: Extract<Assessment, { eligible: true }> | undefined;
  if ((e.type === 'RECORD_INVESTIGATION' || e.type === 'CHANGE_AMOUNT') && e.facts) {
    // A migrated case has no facts yet: the review's facts describe the household's current members.
    const personIds = facts?.personIds ?? (await currentMemberIds(trx, row));
    newFacts = { personIds, household: e.facts };
    parsedFacts = parseFacts(newFacts, on, row.area);
  }
  const decides = (e.type === 'CONFIRM' && machine !== 'urgent') || e.type === 'CHANGE_AMOUNT';
  if (decides) {
    const basisFacts = newFacts ?? facts;
    if (!basisFacts)
      throw refusalError({
        ok: false,
        code: 'NO_FACTS',
        zh: '案件没有核定的家庭经济状况',
        en: 'the case has no assessed facts',
      });
    const assessedOn = (row.model as { acceptedOn?: string | null }).acceptedOn ?? row.applied_on;
    // The amount paid from the month after the decision uses the standard in force then (S1 Art.21).
    const from = benefitStartMonth(on);
    const a = assessCase(
      row.scheme,
      basisFacts,
      row.area,
      assessedOn,
      await parametersFor(trx, county, from),
      row.subject_person_id,
    );
    if (!a.eligible) throw notEligible(a);
    assessment = a;
  }
  // S2 Art.16: the county spot-checks at least 30 % of 特困 cases, drawn at random when the county
  // review starts. The draw (seed and result) is kept on the case, so asking again cannot re-draw.
  let spotCheck = (row.model as { spotDraw?: SpotDraw }).spotDraw;
  if (machine === 'tekun' && e.type === 'START_COUNTY_REVIEW') {
    const seed = crypto.randomBytes(8).toString('hex');
    const draw = crypto.createHash('sha256').update(`${seed}:${row.id}`).digest().readUInt32BE(0) / 2 ** 32;
    spotCheck = { rate: TEKUN_MIN_SPOT_CHECK_RATE, seed, selected: draw < TEKUN_MIN_SPOT_CHECK_RATE };
  }
  const r = withCalendar(() =>
    applyToModel(machine, row.model, e, actor, {
      cal: DEFAULT_CALENDAR,
      on,
      atIso: at.toISOString(),
      ...(assessment ? { amountFen: assessment.amountFen } : {}),
      ...(spotCheck ? { spotCheck } : {}),
      urgentParams: { townshipApprovalLimitFen: limitFen },
      ...(expenditureParams ? { expenditureParams } : {}),
    }),
  );
  if (!r.ok) throw refusalError(r);
  if (machine === 'tekun' && spotCheck) r.model = { ...r.model, spotDraw: spotCheck };
  const result = await afterTransition(trx, at, row, r, assessment, on, e.type);
  if (e.type === 'RECORD_CONSENT')
    await repo.insertConsent(trx, {
      county_code: county,
      case_id: row.id,
      person_id: e.personId,
      kind: machine === 'tekun' && !facts?.personIds.includes(e.personId) ? 'SUPPORTER' : 'MEMBER',
      signed_on: on,
      document_ref: e.documentRef,
      recorded_by: ctx.actor.userId,
      recorded_at: at,
    });
  const placed = r.effects.find((x) => x.type === 'SUPPORT_MODE_SET') as
    | { mode: 'DISPERSED' | 'CENTRALISED'; institutionId: string | null }
    | undefined;
  const placement = placed
    ? await placementColumns(trx, county, row.id, placed.mode, placed.institutionId)
    : {};
  await onReserveFundEffects(trx, ctx, at, row, r.effects, on);
  await onIntegrityEffects(trx, ctx, at, row, r.effects, on);
  // REQUEST_CHECK opens the county's check request (§8.3) in this same transaction.
  await onCheckEffects(trx, ctx, at, row, r.model, r.effects, on);
  await recordTransition(
    trx,
    ctx,
    at,
    row,
    { ...result.columns, ...placement, model: result.model, ...(newFacts ? { facts: newFacts } : {}) },
    {
      ...entry,
      payload: {
        ...entry.payload,
        effects: r.effects,
        ...(assessment ? { amountFen: assessment.amountFen, breakdown: assessment.breakdown } : {}),
        // §2.5: the decision cites the check report version it relied on (when the case has one).
        ...(decides && e.type === 'CONFIRM' ? await citedCheckReport(trx, row) : {}),
        ...(r.effects.some((x) => x.type === 'REFERRAL_CHECK')
          ? { referral: await referralCheck(trx, row, newFacts ?? facts, on) }
          : {}),
        ...(spotCheck && (e.type === 'START_COUNTY_REVIEW' || e.type === 'RECORD_SPOT_CHECK')
          ? { spotCheck }
          : {}),
      },
    },
  );
  // The household file takes the incomes the investigation found (一户一档).
  if (newFacts && parsedFacts && row.household_id)
    await recordInvestigatedIncomes(trx, ctx, at, {
      householdId: row.household_id,
      caseId: row.id,
      caseNo: row.case_no,
      incomes: investigatedIncomes(newFacts, parsedFacts),
    });
  return { version: row.version + 1, state: result.columns.state, stage: result.columns.stage };
}

async function currentMemberIds(trx: Transaction<DB>, row: repo.CaseRow): Promise<string[]> {
  if (!row.household_id) return [];
  const members = await getHouseholdWithMembers(
    trx,
    row.county_code,
    { column: 'county_code', value: row.county_code },
    row.household_id,
  );
  return members.filter((m) => m.left_on === null).map((m) => m.id);
}

/**
 * After a 特困 termination (§5.5): would the household qualify for 低保 on its assessed facts? The
 * answer is kept on the timeline for the town to follow up (低保 application or temporary assistance).
 */
async function referralCheck(trx: Transaction<DB>, row: repo.CaseRow, facts: CaseFacts | null, on: string) {
  if (!facts) return { dibao: null, note: '无核定家庭经济状况，请入户核实后转介' };
  try {
    const a = assessCase('DIBAO', facts, row.area, on, await parametersFor(trx, row.county_code, on), null);
    return a.eligible
      ? {
          dibao: { eligible: true, amountFen: a.amountFen },
          note: '按核定情况符合低保条件，建议转介申请低保',
        }
      : { dibao: { eligible: false, failures: a.failures }, note: '不符合低保条件，如遇急难可申请临时救助' };
  } catch {
    return { dibao: null, note: '家庭经济状况资料不完整，请入户核实后转介' };
  }
}

/** A deadline in a year without a holiday notice is refused with the calendar's own explanation. */
function withCalendar<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof CalendarCoverageError)
      throw new AppError('cases.calendar_not_covered', 409, err.messageZh, err.messageEn, { year: err.year });
    throw err;
  }
}

/** What the event said, without the attachments' content (kept in case_attachment). */
function payloadOf(e: ApiEvent): Record<string, unknown> {
  const {
    attachments: _a,
    opinion: _o,
    type: _t,
    at: _at,
    ...rest
  } = e as ApiEvent & Record<string, unknown>;
  return rest;
}

/**
 * Decisions that open or change payment: an approved 低保 application becomes an active case with
 * its first entitlement from the month after the decision; 特困 support starts the same way; an
 * amount change adds an entitlement version.
 */
async function afterTransition(
  trx: Transaction<DB>,
  at: Date,
  row: repo.CaseRow,
  r: Applied,
  assessment: Extract<Assessment, { eligible: true }> | undefined,
  on: string,
  eventType: string,
): Promise<Pick<Applied, 'model' | 'columns'>> {
  const starts = r.effects.find((x) => x.type === 'BENEFIT_STARTS' || x.type === 'SUPPORT_STARTS');
  const b = assessment?.basis ?? null;
  if (assessment && b && (starts || eventType === 'CHANGE_AMOUNT')) {
    const current = await trx
      .selectFrom('entitlement')
      .select('version')
      .where('county_code', '=', row.county_code)
      .where('case_id', '=', row.id)
      .where('is_current', '=', true)
      .executeTakeFirst();
    const from =
      (starts?.from as string | undefined) ??
      (r.model as { amountEffectiveFrom?: string }).amountEffectiveFrom ??
      benefitStartMonth(on);
    await insertEntitlement(trx, {
      county_code: row.county_code,
      case_id: row.id,
      version: (current?.version ?? 0) + 1,
      effective_from: from,
      amount_fen: assessment.amountFen,
      method: b.method,
      area: b.area,
      household_size: b.method === 'GAP' ? b.householdSize : 1,
      net_income_fen: b.method === 'GAP' ? b.netIncomeFen : 0,
      income_months: b.method === 'GAP' ? b.incomeMonths : 1,
      care_level: b.method === 'TEKUN_SUPPORT' ? b.careLevel : null,
      breakdown: assessment.breakdown,
      source: starts ? 'DECISION' : 'ADJUSTMENT',
      recalc_run_id: null,
      created_at: at,
    });
  }
  if (starts && (row.scheme === 'DIBAO' || row.scheme === 'DIBAO_SINGLE') && assessment) {
    const app = r.model as unknown as DibaoCase;
    const activeModel = newActiveCase({
      id: row.case_no,
      approvalLevel: app.approvalLevel,
      stability: 'STABLE',
      confirmedOn: on,
      amountFen: assessment.amountFen,
    });
    return {
      model: { ...(activeModel as unknown as Record<string, unknown>), application: app },
      columns: { ...activeColumns(activeModel), decided_on: on },
    };
  }
  if (r.effects.some((x) => x.type === 'RECOGNIZED')) {
    const rec = newRecognition(row.scheme === 'RIGID' ? 'RIGID' : 'DIBAO_EDGE', on);
    return {
      model: { ...(rec as unknown as Record<string, unknown>), application: r.model },
      columns: recognitionColumns(rec),
    };
  }
  return { model: r.model, columns: r.columns };
}

/**
 * An online application waits at SUBMITTED outside the one-open-case rule (migration 0024, so that the
 * portal never tells whether a household has a case); accepting it is where the rule applies. A
 * household with another case of the scheme in progress or in force gets 不予受理 instead.
 */
async function refuseDuplicateAcceptance(
  trx: Transaction<DB>,
  row: {
    county_code: string;
    id: string;
    household_id: string | null;
    scheme: string;
    subject_person_id: string | null;
  },
) {
  if (row.household_id === null) return;
  const other = await repo.otherOpenCase(
    trx,
    row.county_code,
    row.id,
    row.household_id,
    row.scheme,
    row.subject_person_id,
  );
  if (other)
    throw errors.conflict(
      'cases.duplicate_application',
      `该户已有同类案件 ${other.case_no} 在办或在保，本网上申请不能受理，请作“不予受理”处理`,
      `the household already has case ${other.case_no} of this scheme in progress or in force; record “not accepted” for this online application`,
      { caseNo: other.case_no },
    );
}
