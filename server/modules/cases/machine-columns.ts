// What a case row's worklist columns become for each machine's state (stage, deadline, review date).
import type { CaseStage } from '../../db/schema.ts';
import type * as active from './active.models.ts';
import { nextReviewDue } from './active.models.ts';
import type { Columns } from './machines.ts';
import type * as recognition from './recognition.models.ts';
import type * as tekun from './tekun.models.ts';
import type * as urgent from './temporary.models.ts';

export function recognitionColumns(n: recognition.RecognitionCase): Columns {
  return {
    state: n.state,
    stage: n.state === 'RECOGNIZED' ? 'ACTIVE' : 'CLOSED',
    deadline: null,
    overall_due: null,
    next_review_on: n.state === 'RECOGNIZED' ? n.validUntil : null,
    decided_on: n.recognizedOn,
  };
}

export function activeColumns(n: active.ActiveCase): Columns {
  return {
    state: n.state,
    stage: n.state === 'STOPPED' ? 'CLOSED' : 'ACTIVE',
    deadline: n.reviewDeadline,
    overall_due: null,
    next_review_on: n.state === 'STOPPED' ? null : nextReviewDue(n),
    decided_on: null,
  };
}

/** A 特困 case is paid while its termination is investigated and publicised (S2 Art.26). */
export function tekunStage(state: tekun.TekunState): CaseStage {
  if (state === 'REJECTED' || state === 'TERMINATED') return 'CLOSED';
  return state === 'ACTIVE' || state.startsWith('TERMINATION_') ? 'ACTIVE' : 'APPLICATION';
}

/** An urgent case's deadline is its 24-hour first-aid limit until it is paid (§6.5). */
export function urgentColumns(n: urgent.UrgentCase): Columns {
  const unpaid = n.state === 'REPORTED' || n.state === 'FIRST_AID_APPROVED';
  const shanghai = new Date(Date.parse(n.payBy) + 8 * 3_600_000).toISOString().slice(0, 10);
  return {
    state: n.state,
    stage: n.state === 'CLOSED' ? 'CLOSED' : 'APPLICATION',
    deadline: unpaid ? shanghai : null,
    overall_due: null,
    next_review_on: null,
    decided_on: null,
  };
}
