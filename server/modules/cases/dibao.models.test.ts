import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_CALENDAR as cal } from '../../rules/calendar.ts';
import {
  type DibaoCase,
  type DibaoEvent,
  type DibaoState,
  dibaoSlaAlert,
  newDibaoCase,
  transition,
} from './dibao.models.ts';
import type { Actor } from './procedure.models.ts';

const VILLAGE: Actor = { role: 'village_assistant', level: 'village' };
const TOWN: Actor = { role: 'town_officer', level: 'town' };
const COUNTY: Actor = { role: 'district_officer', level: 'county' };
const AUDITOR: Actor = { role: 'auditor', level: 'county' };

const D = '2026-03-02'; // a Monday
const consented = [
  { id: 'm1', consentSignedOn: D },
  { id: 'm2', consentSignedOn: D },
];

function mk(state: DibaoState, patch: Partial<DibaoCase> = {}): DibaoCase {
  return {
    ...newDibaoCase({ id: 'c1', members: consented }),
    state,
    lastEventOn: D,
    acceptedOn: state === 'DRAFT' || state === 'SUBMITTED' || state === 'AWAITING_MATERIALS' ? null : D,
    ...patch,
  };
}

const publicity = { postedOn: D, firstDay: '2026-03-03', lastDay: '2026-03-09', firstDayAfter: '2026-03-10' };
const investigated = { investigators: ['张三', '李四'] };

type Row = [string, DibaoCase, DibaoEvent, Actor, DibaoState | { refused: string }];

const rows: Row[] = [
  // transitions listed in §3.7
  [
    'S1 Art.10: the town does not accept (a duplicate online application), with reasons → CLOSED_REJECTED',
    mk('SUBMITTED'),
    { type: 'NOT_ACCEPTED', at: D, reasons: '该户已有同类案件在办' },
    TOWN,
    'CLOSED_REJECTED',
  ],
  [
    'S1 Art.10: not accepting needs written reasons',
    mk('SUBMITTED'),
    { type: 'NOT_ACCEPTED', at: D, reasons: ' ' },
    TOWN,
    { refused: 'REASON_REQUIRED' },
  ],
  [
    '§2.3: the village cannot refuse to accept',
    mk('SUBMITTED'),
    { type: 'NOT_ACCEPTED', at: D, reasons: '重复申请' },
    VILLAGE,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    'S1 Art.10: an accepted application is no longer refused acceptance',
    mk('ACCEPTED'),
    { type: 'NOT_ACCEPTED', at: D, reasons: '重复申请' },
    TOWN,
    { refused: 'INVALID_TRANSITION' },
  ],
  ['S1 Art.4: DRAFT submit → SUBMITTED', mk('DRAFT'), { type: 'SUBMIT', at: D }, TOWN, 'SUBMITTED'],
  [
    'S1 Art.6: village committee may apply on behalf',
    mk('DRAFT'),
    { type: 'SUBMIT', at: D },
    VILLAGE,
    'SUBMITTED',
  ],
  [
    'S1 Art.10: incomplete → one-time notice',
    mk('SUBMITTED'),
    { type: 'NOTIFY_MISSING_MATERIALS', at: D, missing: ['户口簿'] },
    TOWN,
    'AWAITING_MATERIALS',
  ],
  [
    'S1 Art.10: resubmit → SUBMITTED',
    mk('AWAITING_MATERIALS'),
    { type: 'RESUBMIT', at: D },
    VILLAGE,
    'SUBMITTED',
  ],
  ['S1 Art.10: township accepts', mk('SUBMITTED'), { type: 'ACCEPT', at: D }, TOWN, 'ACCEPTED'],
  [
    'S1 Art.15: township starts the investigation',
    mk('ACCEPTED'),
    { type: 'START_INVESTIGATION', at: D },
    TOWN,
    'INVESTIGATING',
  ],
  [
    'S1 Art.16: home visit by two investigators',
    mk('INVESTIGATING'),
    { type: 'RECORD_INVESTIGATION', at: D, investigators: ['张三', '李四'], visitMode: 'ON_SITE' },
    TOWN,
    'INVESTIGATING',
  ],
  [
    'S1 Art.17 / §2.2: check request with every consent',
    mk('INVESTIGATING'),
    { type: 'REQUEST_CHECK', at: D },
    TOWN,
    'INVESTIGATING',
  ],
  [
    'S1 Art.18: check says ineligible → notified',
    mk('INVESTIGATING', { checkRequestedOn: D }),
    { type: 'NOTIFY_INELIGIBLE', at: D, reasons: '收入超标' },
    TOWN,
    'INELIGIBLE_NOTIFIED',
  ],
  [
    'S1 Art.18: applicant objects with evidence → RECHECK',
    mk('INELIGIBLE_NOTIFIED'),
    { type: 'APPLICANT_OBJECTS', at: D, evidence: ['医疗票据'] },
    VILLAGE,
    'RECHECK',
  ],
  [
    'S1 Art.18: re-check → INVESTIGATING',
    mk('RECHECK'),
    { type: 'START_RECHECK', at: D },
    TOWN,
    'INVESTIGATING',
  ],
  [
    'S1 Art.18: no objection → CLOSED_REJECTED',
    mk('INELIGIBLE_NOTIFIED'),
    { type: 'CLOSE_REJECTED', at: D },
    TOWN,
    'CLOSED_REJECTED',
  ],
  [
    'S1 Art.19: initial opinion drafted',
    mk('INVESTIGATING', investigated),
    { type: 'DRAFT_OPINION', at: D, opinion: '拟纳入' },
    TOWN,
    'PRELIM_OPINION',
  ],
  [
    'S1 Art.19: post publicity',
    mk('PRELIM_OPINION'),
    { type: 'PUBLISH', postedOn: D },
    VILLAGE,
    'PUBLICIZING',
  ],
  [
    'S1 Art.19: publicity over (day 8 after posting), no objection → county',
    mk('PUBLICIZING', { publicity }),
    { type: 'PUBLICITY_ENDED', at: '2026-03-10' },
    TOWN,
    'SUBMITTED_TO_COUNTY',
  ],
  [
    'S1 Art.2 ¶2 / §2.3: delegated → TOWNSHIP_CONFIRMATION',
    mk('PUBLICIZING', { publicity, approvalLevel: 'TOWNSHIP' }),
    { type: 'PUBLICITY_ENDED', at: '2026-03-10' },
    TOWN,
    'TOWNSHIP_CONFIRMATION',
  ],
  [
    'S1 Art.19 ¶2: objection → REINVESTIGATION',
    mk('PUBLICIZING', { publicity }),
    { type: 'OBJECTION', at: '2026-03-05', summary: '有车', route: 'REINVESTIGATION' },
    VILLAGE,
    'REINVESTIGATION',
  ],
  [
    'S1 Art.19 ¶2: objection → DEMOCRATIC_REVIEW',
    mk('PUBLICIZING', { publicity }),
    { type: 'OBJECTION', at: '2026-03-09', summary: '有车', route: 'DEMOCRATIC_REVIEW' },
    TOWN,
    'DEMOCRATIC_REVIEW',
  ],
  [
    'S1 Art.19 ¶2: new opinion after re-investigation → county, no 2nd publicity',
    mk('REINVESTIGATION'),
    { type: 'NEW_OPINION', at: D, opinion: '拟纳入' },
    TOWN,
    'SUBMITTED_TO_COUNTY',
  ],
  [
    'S1 Art.19 ¶2: new opinion after democratic review → county',
    mk('DEMOCRATIC_REVIEW'),
    { type: 'NEW_OPINION', at: D, opinion: '拟纳入' },
    TOWN,
    'SUBMITTED_TO_COUNTY',
  ],
  [
    'S1 Art.20: county starts review',
    mk('SUBMITTED_TO_COUNTY'),
    { type: 'START_COUNTY_REVIEW', at: D },
    COUNTY,
    'COUNTY_REVIEW',
  ],
  [
    'S1 Art.21: county approves',
    mk('COUNTY_REVIEW'),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 600 },
    COUNTY,
    'APPROVED',
  ],
  [
    'S1 Art.11, Art.20 ¶2: close relative approved after county home visit',
    mk('COUNTY_REVIEW', { closeRelative: true, countyHomeVisitOn: D }),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 600 },
    COUNTY,
    'APPROVED',
  ],
  [
    'S1 Art.2 ¶2: township confirms when delegated',
    mk('TOWNSHIP_CONFIRMATION', { approvalLevel: 'TOWNSHIP' }),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 600 },
    TOWN,
    'APPROVED',
  ],
  [
    'S1 Art.21: county rejects with reasons',
    mk('COUNTY_REVIEW'),
    { type: 'REJECT', at: D, reasons: '存款超标' },
    COUNTY,
    'REJECTED',
  ],
  [
    'S1 Art.29: refusal to cooperate → TERMINATED',
    mk('INVESTIGATING'),
    { type: 'TERMINATE', at: D, reason: '拒绝入户' },
    TOWN,
    'TERMINATED',
  ],
  [
    'S1 Art.20 ¶2: county home visit recorded',
    mk('COUNTY_REVIEW', { closeRelative: true }),
    { type: 'RECORD_COUNTY_HOME_VISIT', at: D, investigators: ['王五', '赵六'] },
    COUNTY,
    'COUNTY_REVIEW',
  ],
  [
    'S1 Art.20 ¶2: complaint during confirmation',
    mk('COUNTY_REVIEW'),
    { type: 'COMPLAINT', at: D, summary: '举报' },
    COUNTY,
    'COUNTY_REVIEW',
  ],
  [
    '§2.2, S1 Art.9(三): member signs the check authorization',
    mk('INVESTIGATING'),
    { type: 'RECORD_CONSENT', at: D, memberId: 'm2' },
    VILLAGE,
    'INVESTIGATING',
  ],
  [
    'S1 Art.22, S5 §四(一): special reason recorded (45 WD)',
    mk('INVESTIGATING'),
    { type: 'RECORD_SPECIAL_REASON', at: D, reason: 'RESIDENCE_SEPARATION' },
    TOWN,
    'INVESTIGATING',
  ],
  // refusals, one (or more) per guard
  [
    '§3.7: cannot accept a draft',
    mk('DRAFT'),
    { type: 'ACCEPT', at: D },
    TOWN,
    { refused: 'INVALID_TRANSITION' },
  ],
  [
    '§3.7: approved case is final',
    mk('APPROVED'),
    { type: 'TERMINATE', at: D, reason: 'x' },
    TOWN,
    { refused: 'CASE_CLOSED' },
  ],
  [
    '§2.3: village cannot accept',
    mk('SUBMITTED'),
    { type: 'ACCEPT', at: D },
    VILLAGE,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§2.3: township cannot confirm (county approval level)',
    mk('COUNTY_REVIEW'),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 600 },
    TOWN,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§2.3: role must match level (auditor at county)',
    mk('COUNTY_REVIEW'),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 600 },
    AUDITOR,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    'S1 Art.10: one-time notice only once',
    mk('SUBMITTED', { missingNoticeGiven: true }),
    { type: 'NOTIFY_MISSING_MATERIALS', at: D, missing: ['户口簿'] },
    TOWN,
    { refused: 'MISSING_NOTICE_ALREADY_GIVEN' },
  ],
  [
    'S1 Art.10: notice lists the missing items',
    mk('SUBMITTED'),
    { type: 'NOTIFY_MISSING_MATERIALS', at: D, missing: [] },
    TOWN,
    { refused: 'MISSING_LIST_EMPTY' },
  ],
  [
    '§2.2, S1 Art.9: check blocked without every consent',
    mk('INVESTIGATING', {
      members: [
        { id: 'm1', consentSignedOn: D },
        { id: 'm2', consentSignedOn: null },
      ],
    }),
    { type: 'REQUEST_CHECK', at: D },
    TOWN,
    { refused: 'CONSENT_MISSING' },
  ],
  [
    'S1 Art.16: at least two investigators',
    mk('INVESTIGATING'),
    { type: 'RECORD_INVESTIGATION', at: D, investigators: ['张三', '张三'], visitMode: 'ON_SITE' },
    TOWN,
    { refused: 'TOO_FEW_INVESTIGATORS' },
  ],
  [
    'S1 Art.16, Art.19: no opinion before the home visit',
    mk('INVESTIGATING'),
    { type: 'DRAFT_OPINION', at: D, opinion: '拟纳入' },
    TOWN,
    { refused: 'INVESTIGATION_NOT_RECORDED' },
  ],
  [
    'S1 Art.18: ineligible notice needs a check',
    mk('INVESTIGATING'),
    { type: 'NOTIFY_INELIGIBLE', at: D, reasons: 'x' },
    TOWN,
    { refused: 'CHECK_NOT_REQUESTED' },
  ],
  [
    'S1 Art.18: objection needs evidence',
    mk('INELIGIBLE_NOTIFIED'),
    { type: 'APPLICANT_OBJECTS', at: D, evidence: [] },
    TOWN,
    { refused: 'EVIDENCE_REQUIRED' },
  ],
  [
    'S1 Art.19, §2.1: publicity not over on day 7 after posting',
    mk('PUBLICIZING', { publicity }),
    { type: 'PUBLICITY_ENDED', at: '2026-03-09' },
    TOWN,
    { refused: 'PUBLICITY_NOT_OVER' },
  ],
  [
    'S1 Art.19: objection after publicity ended',
    mk('PUBLICIZING', { publicity }),
    { type: 'OBJECTION', at: '2026-03-10', summary: 'x', route: 'REINVESTIGATION' },
    TOWN,
    { refused: 'OBJECTION_OUT_OF_TIME' },
  ],
  [
    'S1 Art.11, Art.20 ¶2: close relative blocked until county home visit',
    mk('COUNTY_REVIEW', { closeRelative: true }),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 600 },
    COUNTY,
    { refused: 'HOME_VISIT_REQUIRED' },
  ],
  [
    'S1 Art.20 ¶2: complaint blocks confirmation until home visit',
    mk('COUNTY_REVIEW', { complaintDuringConfirmation: true }),
    { type: 'REJECT', at: D, reasons: 'x' },
    COUNTY,
    { refused: 'HOME_VISIT_REQUIRED' },
  ],
  [
    'S1 Art.20 ¶2: county home visit also needs two people',
    mk('COUNTY_REVIEW', { closeRelative: true }),
    { type: 'RECORD_COUNTY_HOME_VISIT', at: D, investigators: ['王五'] },
    COUNTY,
    { refused: 'TOO_FEW_INVESTIGATORS' },
  ],
  [
    'S1 Art.21: confirmation fixes an amount',
    mk('COUNTY_REVIEW'),
    { type: 'CONFIRM', at: D, monthlyAmountFen: 0 },
    COUNTY,
    { refused: 'AMOUNT_REQUIRED' },
  ],
  [
    'S1 Art.21: rejection needs reasons',
    mk('COUNTY_REVIEW'),
    { type: 'REJECT', at: D, reasons: ' ' },
    COUNTY,
    { refused: 'REASON_REQUIRED' },
  ],
  [
    '§2.2: consent for an unknown member',
    mk('INVESTIGATING'),
    { type: 'RECORD_CONSENT', at: D, memberId: 'zz' },
    TOWN,
    { refused: 'UNKNOWN_MEMBER' },
  ],
  [
    'S1 Art.29: termination needs a reason',
    mk('INVESTIGATING'),
    { type: 'TERMINATE', at: D, reason: '' },
    TOWN,
    { refused: 'REASON_REQUIRED' },
  ],
  [
    '§3.7: events cannot go back in time',
    mk('SUBMITTED'),
    { type: 'ACCEPT', at: '2026-03-01' },
    TOWN,
    { refused: 'DATE_BEFORE_PREVIOUS' },
  ],
];

describe('低保 state machine (§3.7)', () => {
  it.each(rows)('%s', (_label, state, event, actor, expected) => {
    const out = transition(state, event, actor, cal);
    if (typeof expected === 'string') {
      expect(out.ok ? out.next.state : `${out.code}: ${out.en}`).toBe(expected);
    } else {
      expect(out.ok).toBe(false);
      if (!out.ok) {
        expect(out.code).toBe(expected.refused);
        expect(out.zh.length).toBeGreaterThan(0);
        expect(out.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('S1 Art.15, Art.22: acceptance starts the clock (3 WD to start, 30 WD overall)', () => {
    const out = transition(mk('SUBMITTED'), { type: 'ACCEPT', at: D }, TOWN, cal);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.next.deadline).toBe('2026-03-05');
    expect(out.next.overallDue).toBe('2026-04-14'); // 30 WD from 2026-03-02, over 清明 (04-04..04-06)
    expect(dibaoSlaAlert(out.next, '2026-03-06').stateOverdue).toBe(true);
  });

  it('S5 §四(一): delegated overall limit 20 WD; objection extends to 45 WD', () => {
    const out = transition(
      mk('SUBMITTED', { approvalLevel: 'TOWNSHIP' }),
      { type: 'ACCEPT', at: D },
      TOWN,
      cal,
    );
    expect(out.ok && out.next.overallDue).toBe('2026-03-30');
    const obj = transition(
      mk('PUBLICIZING', { publicity }),
      { type: 'OBJECTION', at: '2026-03-04', summary: 'x', route: 'REINVESTIGATION' },
      TOWN,
      cal,
    );
    expect(obj.ok && obj.next.overallDue).toBe('2026-05-08'); // over 劳动节 05-01..05-05
  });

  it('S1 Art.20: county confirmation due 10 WD after receipt', () => {
    const out = transition(
      mk('PUBLICIZING', { publicity }),
      { type: 'PUBLICITY_ENDED', at: '2026-03-10' },
      TOWN,
      cal,
    );
    expect(out.ok && out.next.deadline).toBe('2026-03-24');
  });

  it('S1 Art.21: approval starts the benefit the 1st of next month; rejection notice ≤ 3 WD', () => {
    const ok = transition(
      mk('COUNTY_REVIEW'),
      { type: 'CONFIRM', at: '2026-03-31', monthlyAmountFen: 600 },
      COUNTY,
      cal,
    );
    expect(ok.ok && ok.effects).toContainEqual({ type: 'BENEFIT_STARTS', from: '2026-04-01' });
    const no = transition(
      mk('COUNTY_REVIEW'),
      { type: 'REJECT', at: '2026-03-02', reasons: 'x' },
      COUNTY,
      cal,
    );
    expect(no.ok && no.effects).toContainEqual({
      type: 'SEND_REJECTION_NOTICE',
      by: '2026-03-05',
      reasons: 'x',
    });
  });

  it('full happy path DRAFT → APPROVED', () => {
    const steps: [DibaoEvent, Actor][] = [
      [{ type: 'SUBMIT', at: D }, VILLAGE],
      [{ type: 'ACCEPT', at: D }, TOWN],
      [{ type: 'START_INVESTIGATION', at: '2026-03-03' }, TOWN],
      [{ type: 'REQUEST_CHECK', at: '2026-03-03' }, TOWN],
      [
        { type: 'RECORD_INVESTIGATION', at: '2026-03-04', investigators: ['a', 'b'], visitMode: 'ON_SITE' },
        TOWN,
      ],
      [{ type: 'DRAFT_OPINION', at: '2026-03-10', opinion: '拟纳入' }, TOWN],
      [{ type: 'PUBLISH', postedOn: '2026-03-10' }, VILLAGE],
      [{ type: 'PUBLICITY_ENDED', at: '2026-03-18' }, TOWN],
      [{ type: 'START_COUNTY_REVIEW', at: '2026-03-19' }, COUNTY],
      [{ type: 'CONFIRM', at: '2026-03-20', monthlyAmountFen: 700 }, COUNTY],
    ];
    let c = newDibaoCase({ id: 'x', members: consented });
    for (const [e, a] of steps) {
      const out = transition(c, e, a, cal);
      if (!out.ok) throw new Error(`${e.type}: ${out.en}`);
      c = out.next;
    }
    expect(c.state).toBe('APPROVED');
  });
});

// §2.4 no inclusion without procedure: random event sequences never reach APPROVED without passing through
// ACCEPTED, INVESTIGATING (with a recorded two-person investigation) and PUBLICIZING.
const actorArb = fc.constantFrom(VILLAGE, TOWN, COUNTY, AUDITOR);
const eventArb = (at: string): fc.Arbitrary<DibaoEvent> =>
  fc.oneof(
    fc.constantFrom<DibaoEvent>(
      { type: 'SUBMIT', at },
      { type: 'NOTIFY_MISSING_MATERIALS', at, missing: ['x'] },
      { type: 'RESUBMIT', at },
      { type: 'ACCEPT', at },
      { type: 'RECORD_CONSENT', at, memberId: 'm1' },
      { type: 'RECORD_CONSENT', at, memberId: 'm2' },
      { type: 'START_INVESTIGATION', at },
      { type: 'REQUEST_CHECK', at },
      { type: 'RECORD_INVESTIGATION', at, investigators: ['a', 'b'], visitMode: 'ON_SITE' },
      { type: 'RECORD_INVESTIGATION', at, investigators: ['a'], visitMode: 'PHONE' },
      { type: 'NOTIFY_INELIGIBLE', at, reasons: 'x' },
      { type: 'APPLICANT_OBJECTS', at, evidence: ['e'] },
      { type: 'START_RECHECK', at },
      { type: 'CLOSE_REJECTED', at },
      { type: 'DRAFT_OPINION', at, opinion: 'o' },
      { type: 'PUBLISH', postedOn: at },
      { type: 'OBJECTION', at, summary: 's', route: 'REINVESTIGATION' },
      { type: 'OBJECTION', at, summary: 's', route: 'DEMOCRATIC_REVIEW' },
      { type: 'PUBLICITY_ENDED', at },
      { type: 'NEW_OPINION', at, opinion: 'o' },
      { type: 'RECORD_SPECIAL_REASON', at, reason: 'HARD_TO_INVESTIGATE' },
      { type: 'START_COUNTY_REVIEW', at },
      { type: 'COMPLAINT', at, summary: 'c' },
      { type: 'RECORD_COUNTY_HOME_VISIT', at, investigators: ['a', 'b'] },
      { type: 'CONFIRM', at, monthlyAmountFen: 500 },
      { type: 'REJECT', at, reasons: 'r' },
      { type: 'TERMINATE', at, reason: 'r' },
    ),
  );

/** A guided step so that random runs do sometimes reach the end (the property is then not vacuous). */
function guided(c: DibaoCase, at: string): [DibaoEvent, Actor] | null {
  const decider = c.approvalLevel === 'COUNTY' ? COUNTY : TOWN;
  switch (c.state) {
    case 'DRAFT':
      return [{ type: 'SUBMIT', at }, VILLAGE];
    case 'SUBMITTED':
      return [{ type: 'ACCEPT', at }, TOWN];
    case 'ACCEPTED':
      return [{ type: 'START_INVESTIGATION', at }, TOWN];
    case 'INVESTIGATING':
      return c.investigators.length < 2
        ? [{ type: 'RECORD_INVESTIGATION', at, investigators: ['a', 'b'], visitMode: 'ON_SITE' }, TOWN]
        : [{ type: 'DRAFT_OPINION', at, opinion: 'o' }, TOWN];
    case 'PRELIM_OPINION':
      return [{ type: 'PUBLISH', postedOn: at }, VILLAGE];
    case 'PUBLICIZING':
      return [{ type: 'PUBLICITY_ENDED', at }, TOWN];
    case 'SUBMITTED_TO_COUNTY':
      return [{ type: 'START_COUNTY_REVIEW', at }, COUNTY];
    case 'COUNTY_REVIEW':
    case 'TOWNSHIP_CONFIRMATION':
      return c.closeRelative && c.countyHomeVisitOn === null
        ? [{ type: 'RECORD_COUNTY_HOME_VISIT', at, investigators: ['a', 'b'] }, COUNTY]
        : [{ type: 'CONFIRM', at, monthlyAmountFen: 500 }, decider];
    default:
      return null;
  }
}

describe('§2.4 no inclusion without procedure (property)', () => {
  it('APPROVED is only reachable through acceptance, investigation and publicity', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), actorArb, fc.integer({ min: 0, max: 4 })), {
          minLength: 30,
          maxLength: 60,
        }),
        fc.array(eventArb('2026-01-01'), { minLength: 60, maxLength: 60 }),
        (delegated, closeRelative, steps, templates) => {
          let c = newDibaoCase({
            id: 'p',
            members: [
              { id: 'm1', consentSignedOn: null },
              { id: 'm2', consentSignedOn: null },
            ],
            approvalLevel: delegated ? 'TOWNSHIP' : 'COUNTY',
            closeRelative,
          });
          const seen = new Set<DibaoState>(['DRAFT']);
          let day = '2026-01-05';
          let investigated = false;
          steps.forEach(([gap, randomActor, follow], i) => {
            day = addDays(day, gap);
            const t = templates[i % templates.length]!;
            const help = follow > 0 ? guided(c, day) : null;
            const e = help
              ? help[0]
              : ({ ...t, ...(t.type === 'PUBLISH' ? { postedOn: day } : { at: day }) } as DibaoEvent);
            const actor = help ? help[1] : randomActor;
            const out = transition(c, e, actor, cal);
            if (!out.ok) return;
            if (e.type === 'RECORD_INVESTIGATION' && out.next.state === 'INVESTIGATING') investigated = true;
            c = out.next;
            seen.add(c.state);
            if (c.state === 'APPROVED') {
              reached += 1;
              expect(seen.has('ACCEPTED')).toBe(true);
              expect(seen.has('INVESTIGATING')).toBe(true);
              expect(investigated).toBe(true);
              expect(seen.has('PUBLICIZING')).toBe(true);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
    expect(reached).toBeGreaterThan(0);
  });
});
