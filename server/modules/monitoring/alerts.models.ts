import type { AlertState, Disposition, VerifyMethod } from '../../../contracts/alerts.ts';

// The alert state machine of domain-rules §7.4 (S6 §三(四)), pure:
//   GENERATED ─assign─▶ ASSIGNED ─verify (visit / phone / data)─▶ VERIFIED
//   ─▶ POLICY_DELIVERED | APPLICATION_STARTED | PUSHED_TO_DEPT | CHARITY_REFERRED | CASE_CONFERENCE | TERMINATION_REVIEW
//      | DISMISSED ─close (feedback)─▶ CLOSED
// Escalation (overdue, not verified by the due date) keeps the state and moves the assignee up one
// level: village → town → district (§2.3: the town does the first review, the county confirms).

export type Level = 'village' | 'town' | 'county';
export type AssigneeLevel = 'VILLAGE' | 'TOWN' | 'DISTRICT';

export type AlertSnapshot = {
  state: AlertState;
  raisedOn: string;
  dueOn: string;
  verifiedOn: string | null;
  assigneeLevel: AssigneeLevel;
  escalatedOn: string | null;
  /** The person is in the registry with a current household (an application can be started). */
  householdId: string | null;
};

export type AlertCommand =
  | { type: 'ASSIGN'; on: string; level: AssigneeLevel; code: string }
  | { type: 'VERIFY'; on: string; method: VerifyMethod; findings: string }
  | { type: 'DISPOSE'; on: string; disposition: Disposition }
  | { type: 'CLOSE'; on: string; feedback: string }
  | { type: 'ESCALATE'; on: string };

export type Refusal = { ok: false; code: string; zh: string; en: string };
export type Applied = { ok: true; next: AlertSnapshot };

const refuse = (code: string, zh: string, en: string): Refusal => ({ ok: false, code, zh, en });

export const DISPOSED_STATES: readonly AlertState[] = [
  'POLICY_DELIVERED',
  'APPLICATION_STARTED',
  'PUSHED_TO_DEPT',
  'CHARITY_REFERRED',
  'CASE_CONFERENCE',
  'TERMINATION_REVIEW',
  'DISMISSED',
];

/**
 * Dispositions a village assistant may record (§2.3: the village assists; it delivers a policy and
 * helps the family apply). Pushing to a department, the county's 一事一议, a termination review and a
 * dismissal are decisions of the town (初审) or the county (S6 §三(四)).
 */
const VILLAGE_DISPOSITIONS: readonly Disposition[] = [
  'POLICY_DELIVERED',
  'APPLICATION_STARTED',
  'CHARITY_REFERRED',
];

export function transition(a: AlertSnapshot, cmd: AlertCommand, actor: { level: Level }): Applied | Refusal {
  if (cmd.on < a.raisedOn)
    return refuse(
      'alerts.date_before_raise',
      '日期不能早于预警生成日期',
      'the date is before the alert was raised',
    );
  switch (cmd.type) {
    case 'ASSIGN':
      if (a.state !== 'GENERATED' && a.state !== 'ASSIGNED')
        return refuse(
          'alerts.not_assignable',
          '预警已核实，不能再分派',
          'the alert is verified; it cannot be reassigned',
        );
      return { ok: true, next: { ...a, state: 'ASSIGNED', assigneeLevel: cmd.level } };
    case 'VERIFY':
      if (a.state !== 'ASSIGNED')
        return refuse(
          'alerts.not_verifiable',
          '只有已分派的预警可以核实',
          'only an assigned alert can be verified',
        );
      return { ok: true, next: { ...a, state: 'VERIFIED', verifiedOn: cmd.on } };
    case 'DISPOSE': {
      if (a.state !== 'VERIFIED')
        return refuse(
          'alerts.verify_first',
          '请先核实（入户、电话或数据核实）再处置',
          'verify the alert before disposing of it',
        );
      if (cmd.on < (a.verifiedOn ?? a.raisedOn))
        return refuse(
          'alerts.date_before_verify',
          '处置日期不能早于核实日期',
          'the disposition is dated before the verification',
        );
      if (actor.level === 'village' && !VILLAGE_DISPOSITIONS.includes(cmd.disposition))
        return refuse(
          'alerts.disposition_level',
          '该处置方式须由镇（街道）或区县决定',
          'the town or the county decides this disposition',
        );
      if (cmd.disposition === 'APPLICATION_STARTED' && a.householdId === null)
        return refuse(
          'alerts.no_household',
          '该人员不在登记系统中，请先登记家庭再发起申请',
          'the person is not in the registry; register the household before applying',
        );
      return { ok: true, next: { ...a, state: cmd.disposition } };
    }
    case 'CLOSE':
      if (!DISPOSED_STATES.includes(a.state))
        return refuse('alerts.dispose_first', '请先处置再办结', 'dispose of the alert before closing it');
      return { ok: true, next: { ...a, state: 'CLOSED' } };
    case 'ESCALATE': {
      const up = escalationTarget(a.assigneeLevel);
      if (a.state !== 'ASSIGNED' || a.escalatedOn !== null || up === null || !isOverdue(a, cmd.on))
        return refuse(
          'alerts.not_escalable',
          '预警未逾期或已升级',
          'the alert is not overdue or already escalated',
        );
      return { ok: true, next: { ...a, assigneeLevel: up, escalatedOn: cmd.on } };
    }
  }
}

/** Overdue escalation goes one level up (§7.4 "督促预警"; §2.3). The district has nobody above it. */
export function escalationTarget(level: AssigneeLevel): AssigneeLevel | null {
  return level === 'VILLAGE' ? 'TOWN' : level === 'TOWN' ? 'DISTRICT' : null;
}

/** Not verified by the end of the due date (§7.4: verify within alert_sla_wd working days). */
export function isOverdue(a: Pick<AlertSnapshot, 'dueOn' | 'verifiedOn'>, today: string): boolean {
  return a.verifiedOn === null && today > a.dueOn;
}

/**
 * On-time rate (decided here, §7.4): the SLA the rules set is on verification ("verify within
 * alert_sla_wd"), so an alert is on time when verified on or before its due date, late when verified
 * after it or still unverified past it, and pending while unverified and not yet due. The rate is
 * onTime / (onTime + late); pending alerts are not counted either way.
 */
export function onTimeStatus(
  a: Pick<AlertSnapshot, 'dueOn' | 'verifiedOn'>,
  today: string,
): 'ON_TIME' | 'LATE' | 'PENDING' {
  if (a.verifiedOn !== null) return a.verifiedOn <= a.dueOn ? 'ON_TIME' : 'LATE';
  return today > a.dueOn ? 'LATE' : 'PENDING';
}

/**
 * Where a new alert goes (§7.4 assign; §2.3): the village of the person's household; a person unknown
 * to the registry to the village the department gave (the 乡村振兴 list carries it), else that
 * village's town, else the district.
 */
export function routeAlert(input: {
  countyCode: string;
  householdVillage: string | null;
  feedVillage: string | null;
  feedTown: string | null;
}): { level: AssigneeLevel; code: string; townCode: string | null; villageCode: string | null } {
  const v = input.householdVillage ?? input.feedVillage;
  if (v) return { level: 'VILLAGE', code: v, townCode: v.slice(0, 9), villageCode: v };
  if (input.feedTown)
    return { level: 'TOWN', code: input.feedTown, townCode: input.feedTown, villageCode: null };
  return { level: 'DISTRICT', code: input.countyCode, townCode: null, villageCode: null };
}

/**
 * APPLICATION_STARTED links the application (§7.4 "link to Application"): a case of the alert's
 * household opened on or after the day the alert was raised — an older case is not what the alert
 * started.
 */
export function checkApplicationLink(
  alert: { householdId: string | null; raisedOn: string },
  c: { householdId: string | null; openedOn: string },
): Refusal | null {
  if (alert.householdId === null || c.householdId !== alert.householdId)
    return refuse(
      'alerts.case_other_household',
      '关联的申请不属于该预警人员的家庭',
      'the application is not of the alert’s household',
    );
  if (c.openedOn < alert.raisedOn)
    return refuse(
      'alerts.case_before_alert',
      '关联的申请早于预警生成日期',
      'the application predates the alert',
    );
  return null;
}

/** What an actor of this level may do next, for the console's buttons. */
export function allowedActions(a: AlertSnapshot, level: Level): string[] {
  if (a.state === 'ASSIGNED') return ['VERIFY'];
  if (a.state === 'VERIFIED') {
    const ds = level === 'village' ? VILLAGE_DISPOSITIONS : DISPOSED_STATES;
    // An application and a charity referral are for a household of the registry.
    const needsHousehold = (d: AlertState) => d === 'APPLICATION_STARTED' || d === 'CHARITY_REFERRED';
    return ds.filter((d) => !needsHousehold(d) || a.householdId !== null).map((d) => `DISPOSE:${d}`);
  }
  if (DISPOSED_STATES.includes(a.state)) return ['CLOSE'];
  return [];
}
