import { describe, expect, it } from 'vitest';
import type { AlertState } from '../../../contracts/alerts.ts';
import {
  type AlertCommand,
  type AlertSnapshot,
  allowedActions,
  checkApplicationLink,
  escalationTarget,
  type Level,
  onTimeStatus,
  routeAlert,
  transition,
} from './alerts.models.ts';

const base: AlertSnapshot = {
  state: 'ASSIGNED',
  raisedOn: '2026-09-28',
  dueOn: '2026-10-19',
  verifiedOn: null,
  assigneeLevel: 'VILLAGE',
  escalatedOn: null,
  householdId: 'h1',
};
const at = (state: AlertState, patch: Partial<AlertSnapshot> = {}): AlertSnapshot => ({
  ...base,
  state,
  ...patch,
});
const verify: AlertCommand = { type: 'VERIFY', on: '2026-10-09', method: 'VISIT', findings: '入户核实属实' };
const dispose = (d: Extract<AlertCommand, { type: 'DISPOSE' }>['disposition']): AlertCommand => ({
  type: 'DISPOSE',
  on: '2026-10-10',
  disposition: d,
});

// §7.4 alert state machine (S6 §三(四)): each row is one step from a state by an actor level.
const table: [string, AlertSnapshot, AlertCommand, Level, AlertState | string][] = [
  [
    '§7.4 assign: GENERATED → ASSIGNED',
    at('GENERATED'),
    { type: 'ASSIGN', on: '2026-09-28', level: 'VILLAGE', code: 'v' },
    'county',
    'ASSIGNED',
  ],
  ['§7.4 verify by the village assistant (visit)', at('ASSIGNED'), verify, 'village', 'VERIFIED'],
  [
    '§7.4 verify by the town (phone)',
    at('ASSIGNED'),
    { ...verify, method: 'PHONE' } as AlertCommand,
    'town',
    'VERIFIED',
  ],
  [
    '§7.4 verify twice is refused',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    verify,
    'village',
    'alerts.not_verifiable',
  ],
  [
    '§7.4 dispose before verifying is refused',
    at('ASSIGNED'),
    dispose('POLICY_DELIVERED'),
    'town',
    'alerts.verify_first',
  ],
  [
    '§7.4 policy not delivered → deliver it (village)',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('POLICY_DELIVERED'),
    'village',
    'POLICY_DELIVERED',
  ],
  [
    '§7.4 possibly eligible → start the application (village)',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('APPLICATION_STARTED'),
    'village',
    'APPLICATION_STARTED',
  ],
  [
    '§7.4 application needs a registry household',
    at('VERIFIED', { verifiedOn: '2026-10-09', householdId: null }),
    dispose('APPLICATION_STARTED'),
    'town',
    'alerts.no_household',
  ],
  [
    'S6 §三(四) push to the department: town',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('PUSHED_TO_DEPT'),
    'town',
    'PUSHED_TO_DEPT',
  ],
  [
    'S6 §三(四) push to the department: not the village',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('PUSHED_TO_DEPT'),
    'village',
    'alerts.disposition_level',
  ],
  [
    'S6 §三(四) complex case → 一事一议 (county)',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('CASE_CONFERENCE'),
    'county',
    'CASE_CONFERENCE',
  ],
  [
    'S6 §三(四) possibly no longer eligible → termination review (town)',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('TERMINATION_REVIEW'),
    'town',
    'TERMINATION_REVIEW',
  ],
  [
    '§7.4 dismissal is not the village’s call',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('DISMISSED'),
    'village',
    'alerts.disposition_level',
  ],
  [
    '§7.4 dismissal by the town',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    dispose('DISMISSED'),
    'town',
    'DISMISSED',
  ],
  [
    '§7.4 disposition dated before the verification',
    at('VERIFIED', { verifiedOn: '2026-10-12' }),
    dispose('DISMISSED'),
    'town',
    'alerts.date_before_verify',
  ],
  [
    '§7.4 close with feedback after a disposition',
    at('PUSHED_TO_DEPT', { verifiedOn: '2026-10-09' }),
    { type: 'CLOSE', on: '2026-10-20', feedback: '部门已反馈' },
    'village',
    'CLOSED',
  ],
  [
    '§7.4 close before a disposition is refused',
    at('VERIFIED', { verifiedOn: '2026-10-09' }),
    { type: 'CLOSE', on: '2026-10-20', feedback: 'x' },
    'county',
    'alerts.dispose_first',
  ],
  [
    '§7.4 no step dated before the alert',
    at('ASSIGNED'),
    { ...verify, on: '2026-09-27' } as AlertCommand,
    'village',
    'alerts.date_before_raise',
  ],
  [
    '§7.4 督促: overdue → escalated to the town',
    at('ASSIGNED'),
    { type: 'ESCALATE', on: '2026-10-20' },
    'county',
    'ASSIGNED',
  ],
  [
    '§7.4 督促: not overdue on the due date itself',
    at('ASSIGNED'),
    { type: 'ESCALATE', on: '2026-10-19' },
    'county',
    'alerts.not_escalable',
  ],
  [
    '§7.4 督促: escalated once only',
    at('ASSIGNED', { escalatedOn: '2026-10-20', assigneeLevel: 'TOWN' }),
    { type: 'ESCALATE', on: '2026-10-21' },
    'county',
    'alerts.not_escalable',
  ],
];

describe('alert state machine (§7.4, S6 §三(四))', () => {
  it.each(table)('%s', (_name, from, cmd, level, expected) => {
    const r = transition(from, cmd, { level });
    if (r.ok) expect(r.next.state).toBe(expected);
    else expect(r.code).toBe(expected);
  });

  it('escalation moves the assignee one level up and records the day', () => {
    const r = transition(at('ASSIGNED'), { type: 'ESCALATE', on: '2026-10-20' }, { level: 'county' });
    expect(r.ok && r.next).toMatchObject({ assigneeLevel: 'TOWN', escalatedOn: '2026-10-20' });
    expect(escalationTarget('TOWN')).toBe('DISTRICT');
    expect(escalationTarget('DISTRICT')).toBeNull();
  });

  it('offers each level only what it may do', () => {
    const v = at('VERIFIED', { verifiedOn: '2026-10-09' });
    expect(allowedActions(v, 'village')).toEqual([
      'DISPOSE:POLICY_DELIVERED',
      'DISPOSE:APPLICATION_STARTED',
      'DISPOSE:CHARITY_REFERRED',
    ]);
    expect(allowedActions(v, 'town')).toHaveLength(7);
    // Someone unknown to the registry has no household to apply for or to refer.
    const unknown = allowedActions({ ...v, householdId: null }, 'town');
    expect(unknown).not.toContain('DISPOSE:APPLICATION_STARTED');
    expect(unknown).not.toContain('DISPOSE:CHARITY_REFERRED');
    expect(unknown).toHaveLength(5);
    expect(allowedActions(at('ASSIGNED'), 'village')).toEqual(['VERIFY']);
    expect(allowedActions(at('CLOSED'), 'county')).toEqual([]);
  });
});

describe('on-time rate: verified within the SLA (§7.4 alert_sla_wd)', () => {
  it.each([
    ['verified on the due date', '2026-10-19', '2026-10-25', 'ON_TIME'],
    ['verified a day late', '2026-10-20', '2026-10-25', 'LATE'],
    ['unverified, past the due date', null, '2026-10-20', 'LATE'],
    ['unverified, due date not passed', null, '2026-10-19', 'PENDING'],
  ] as const)('%s', (_n, verifiedOn, today, expected) => {
    expect(onTimeStatus({ dueOn: '2026-10-19', verifiedOn }, today)).toBe(expected);
  });
});

describe('routing a new alert (§7.4 assign; §2.3)', () => {
  it('goes to the village of the household, else the village the department gave, else town, else district', () => {
    const c = '370971';
    expect(
      routeAlert({
        countyCode: c,
        householdVillage: '370971001201',
        feedVillage: '370971002203',
        feedTown: null,
      }),
    ).toEqual({ level: 'VILLAGE', code: '370971001201', townCode: '370971001', villageCode: '370971001201' });
    expect(
      routeAlert({ countyCode: c, householdVillage: null, feedVillage: '370971002203', feedTown: null }).code,
    ).toBe('370971002203');
    expect(
      routeAlert({ countyCode: c, householdVillage: null, feedVillage: null, feedTown: '370971002' }).level,
    ).toBe('TOWN');
    expect(routeAlert({ countyCode: c, householdVillage: null, feedVillage: null, feedTown: null })).toEqual({
      level: 'DISTRICT',
      code: c,
      townCode: null,
      villageCode: null,
    });
  });
});

describe('APPLICATION_STARTED links a case of the same household opened on or after the alert (§7.4)', () => {
  const alert = { householdId: 'h1', raisedOn: '2026-10-01' };
  it.each([
    ['same household, same day', { householdId: 'h1', openedOn: '2026-10-01' }, null],
    ['another household', { householdId: 'h2', openedOn: '2026-10-02' }, 'alerts.case_other_household'],
    ['an older case', { householdId: 'h1', openedOn: '2026-09-30' }, 'alerts.case_before_alert'],
  ] as const)('%s', (_n, c, code) => {
    expect(checkApplicationLink(alert, c)?.code ?? null).toBe(code);
  });
});
