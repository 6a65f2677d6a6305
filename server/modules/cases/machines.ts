// One entry point over the pure state machines: turns an API event (contracts/case-events.ts) into
// the machine's event, runs the transition and says what the case row becomes (state, stage,
// deadlines). Pure: the amounts, the calendar and today's date are passed in.
import type { z } from 'zod';
import type {
  activeEvent,
  dibaoApplicationEvent,
  expenditureEvent,
  MachineName,
  recognitionEvent,
  tekunEvent,
  urgentEvent,
} from '../../../contracts/case-events.ts';
import type { CaseStage } from '../../db/schema.ts';
import type { HolidayCalendar } from '../../rules/calendar.ts';
import * as active from './active.models.ts';
import * as dibao from './dibao.models.ts';
import * as expenditure from './expenditure.models.ts';
import { activeColumns, recognitionColumns, tekunStage, urgentColumns } from './machine-columns.ts';
import type { Actor, Outcome, Refusal } from './procedure.models.ts';
import * as recognition from './recognition.models.ts';
import * as tekun from './tekun.models.ts';
import * as urgent from './temporary.models.ts';

export { activeColumns, recognitionColumns, urgentColumns };

export type ApiEvent =
  | z.output<typeof dibaoApplicationEvent>
  | z.output<typeof activeEvent>
  | z.output<typeof tekunEvent>
  | z.output<typeof urgentEvent>
  | z.output<typeof expenditureEvent>
  | z.output<typeof recognitionEvent>;

export type MachineEnv = {
  cal: HolidayCalendar;
  /** The event's date, 'YYYY-MM-DD' (Asia/Shanghai). */
  on: string;
  /** The event's instant, ISO, for the hour-based urgent machine. */
  atIso: string;
  /** Amount fixed by the rules engine for CONFIRM / CHANGE_AMOUNT, fen. */
  amountFen?: number;
  urgentParams: urgent.UrgentParams;
  expenditureParams?: expenditure.ExpenditureParams;
  spotCheck?: { rate: number; seed: string; selected: boolean };
  /** Model member id for a person id (the machines use person ids directly). */
};

export type Columns = {
  state: string;
  stage: CaseStage;
  deadline: string | null;
  overall_due: string | null;
  next_review_on: string | null;
  decided_on: string | null;
};

export type Applied = {
  ok: true;
  model: Record<string, unknown>;
  columns: Columns;
  effects: { type: string; [k: string]: unknown }[];
};

export const RECORD_ONLY = new Set(['RECORD_NEIGHBOUR_VISIT', 'RECORD_LETTER', 'NOTE']);

export type { MachineName } from '../../../contracts/case-events.ts';
export { EVENT_UNIONS as EVENT_SCHEMAS, machineOf } from '../../../contracts/case-events.ts';

const strip = <E extends { opinion?: string | undefined; attachments?: unknown }>(e: E) => {
  const { opinion: _o, attachments: _a, ...rest } = e;
  return rest;
};

/** The machine's acceptance as what the case row becomes. */
function accepted<S>(r: Outcome<S, unknown> | Refusal, columns: (next: S) => Columns): Applied | Refusal {
  if (!r.ok) return r;
  return {
    ok: true,
    model: r.next as unknown as Record<string, unknown>,
    columns: columns(r.next),
    effects: r.effects as Applied['effects'],
  };
}

export function applyToModel(
  machine: MachineName,
  model: Record<string, unknown>,
  e: ApiEvent,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  switch (machine) {
    case 'dibao':
      return dibaoStep(
        model as unknown as dibao.DibaoCase,
        e as z.output<typeof dibaoApplicationEvent>,
        actor,
        env,
      );
    case 'active':
      return activeStep(model as unknown as active.ActiveCase, e as z.output<typeof activeEvent>, actor, env);
    case 'tekun':
      return tekunStep(model as unknown as tekun.TekunCase, e as z.output<typeof tekunEvent>, actor, env);
    case 'urgent':
      return urgentStep(model as unknown as urgent.UrgentCase, e as z.output<typeof urgentEvent>, actor, env);
    case 'recognition':
      return recognitionStep(
        model as unknown as recognition.RecognitionCase,
        e as z.output<typeof recognitionEvent>,
        actor,
        env,
      );
    case 'expenditure':
      return expenditureStep(
        model as unknown as expenditure.ExpenditureCase,
        e as z.output<typeof expenditureEvent>,
        actor,
        env,
      );
  }
}

function recognitionStep(
  c: recognition.RecognitionCase,
  e: z.output<typeof recognitionEvent>,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  if (e.type !== 'REVOKE' && e.type !== 'EXPIRE')
    throw new Error('record-only events do not reach the machine');
  const me: recognition.RecognitionEvent =
    e.type === 'REVOKE' ? { type: 'REVOKE', at: env.on, reasons: e.reasons } : { type: 'EXPIRE', at: env.on };
  const r = recognition.transition(c, me, actor);
  return accepted(r, recognitionColumns);
}

function expenditureStep(
  c: expenditure.ExpenditureCase,
  e: z.output<typeof expenditureEvent>,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  if (e.type === 'RECORD_NEIGHBOUR_VISIT' || e.type === 'RECORD_LETTER' || e.type === 'NOTE')
    throw new Error('record-only events do not reach the machine');
  if (!env.expenditureParams) throw new Error('expenditure parameters are required');
  const me = { ...strip(e), at: env.on } as expenditure.ExpenditureEvent;
  const r = expenditure.transition(c, me, actor, env.expenditureParams);
  return accepted(r, (n) => ({
    state: n.state,
    stage: n.state === 'CLOSED' || n.state === 'REJECTED' ? 'CLOSED' : 'APPLICATION',
    deadline: null,
    overall_due: null,
    next_review_on: null,
    decided_on: n.state === 'APPROVED' || n.state === 'REJECTED' ? env.on : null,
  }));
}

function dibaoStep(
  c: dibao.DibaoCase,
  e: z.output<typeof dibaoApplicationEvent>,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  const at = env.on;
  let me: dibao.DibaoEvent;
  switch (e.type) {
    case 'PUBLISH':
      me = { type: 'PUBLISH', postedOn: at };
      break;
    case 'RECORD_CONSENT':
      me = { type: 'RECORD_CONSENT', at, memberId: e.personId };
      break;
    case 'RECORD_INVESTIGATION':
      me = { type: 'RECORD_INVESTIGATION', at, investigators: e.investigators, visitMode: e.visitMode };
      break;
    case 'RECORD_COUNTY_HOME_VISIT':
      me = { type: 'RECORD_COUNTY_HOME_VISIT', at, investigators: e.investigators };
      break;
    case 'CONFIRM':
      me = { type: 'CONFIRM', at, monthlyAmountFen: env.amountFen ?? 0 };
      break;
    case 'DRAFT_OPINION':
    case 'NEW_OPINION':
      me = { type: e.type, at, opinion: e.opinion ?? '' };
      break;
    case 'RECORD_NEIGHBOUR_VISIT':
    case 'RECORD_LETTER':
    case 'NOTE':
      throw new Error('record-only events do not reach the machine');
    default:
      me = { ...strip(e), at } as dibao.DibaoEvent;
  }
  const r = dibao.transition(c, me, actor, env.cal);
  return accepted(r, (n) => {
    const closed = ['CLOSED_REJECTED', 'REJECTED', 'TERMINATED'].includes(n.state);
    return {
      state: n.state,
      stage: closed ? 'CLOSED' : 'APPLICATION',
      deadline: n.deadline,
      overall_due: n.overallDue,
      next_review_on: null,
      decided_on: n.decidedOn,
    };
  });
}

function activeStep(
  c: active.ActiveCase,
  e: z.output<typeof activeEvent>,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  const at = env.on;
  let me: active.ActiveEvent;
  switch (e.type) {
    case 'CHANGE_AMOUNT':
      me = { type: 'CHANGE_AMOUNT', decidedOn: at, newAmountFen: env.amountFen ?? -1, reason: e.reason };
      break;
    case 'STOP':
      me = {
        type: 'STOP',
        decidedOn: at,
        reason: e.reason,
        writtenReasons: e.writtenReasons,
        ...(e.obtainedFen === undefined ? {} : { obtainedFen: e.obtainedFen }),
      };
      break;
    case 'RECORD_JOB_REFUSAL':
    case 'RECORD_JOB_ACCEPTED':
      me = { type: e.type, at, memberId: e.personId };
      break;
    case 'RECORD_DEATH':
      me = { type: 'RECORD_DEATH', at, diedOn: e.diedOn, lastMember: e.lastMember };
      break;
    case 'RECORD_NEIGHBOUR_VISIT':
    case 'RECORD_LETTER':
    case 'NOTE':
      throw new Error('record-only events do not reach the machine');
    default:
      me = { ...strip(e), at } as active.ActiveEvent;
  }
  const r = active.transition(c, me, actor);
  return accepted(r, activeColumns);
}

function tekunStep(
  c: tekun.TekunCase,
  e: z.output<typeof tekunEvent>,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  const at = env.on;
  let me: tekun.TekunEvent;
  switch (e.type) {
    case 'PUBLISH':
      me = { type: 'PUBLISH', postedOn: at };
      break;
    case 'PROPOSE_TERMINATION':
      me = { type: 'PROPOSE_TERMINATION', postedOn: at, findings: e.findings };
      break;
    case 'RECORD_CONSENT':
      me = { type: 'RECORD_CONSENT', at, personId: e.personId };
      break;
    case 'RECORD_INVESTIGATION':
      me = { type: 'RECORD_INVESTIGATION', at, investigators: e.investigators };
      break;
    case 'RECORD_SPOT_CHECK': {
      const s = env.spotCheck ?? { rate: tekun.TEKUN_MIN_SPOT_CHECK_RATE, seed: '', selected: false };
      me = { type: 'RECORD_SPOT_CHECK', at, ...s, ...(e.passed === undefined ? {} : { passed: e.passed }) };
      break;
    }
    case 'DRAFT_OPINION':
      me = { type: 'DRAFT_OPINION', at, opinion: e.opinion ?? '' };
      break;
    case 'SET_SUPPORT_MODE':
      me = {
        type: 'SET_SUPPORT_MODE',
        at,
        mode: e.mode,
        institutionId: e.institutionId ?? null,
        reason: e.reason,
      };
      break;
    case 'RECORD_NEIGHBOUR_VISIT':
    case 'RECORD_LETTER':
    case 'NOTE':
      throw new Error('record-only events do not reach the machine');
    default:
      me = { ...strip(e), at } as tekun.TekunEvent;
  }
  const r = tekun.transition(c, me, actor, env.cal);
  return accepted(r, (n) => ({
    state: n.state,
    stage: tekunStage(n.state),
    deadline: n.deadline,
    overall_due: null,
    next_review_on: null,
    decided_on: n.decidedOn,
  }));
}

function urgentStep(
  c: urgent.UrgentCase,
  e: z.output<typeof urgentEvent>,
  actor: Actor,
  env: MachineEnv,
): Applied | Refusal {
  if (e.type === 'RECORD_NEIGHBOUR_VISIT' || e.type === 'RECORD_LETTER' || e.type === 'NOTE')
    throw new Error('record-only events do not reach the machine');
  const me = { ...strip(e), at: env.atIso } as urgent.UrgentEvent;
  const r = urgent.transition(c, me, actor, env.urgentParams);
  return accepted(r, urgentColumns);
}
