import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, DEFAULT_CALENDAR as cal } from '../../rules/calendar.ts';
import type { Actor } from './procedure.models.ts';
import {
  newTekunCase,
  type TekunCase,
  type TekunEvent,
  type TekunState,
  transition,
} from './tekun.models.ts';

const VILLAGE: Actor = { role: 'village_assistant', level: 'village' };
const TOWN: Actor = { role: 'town_officer', level: 'town' };
const COUNTY: Actor = { role: 'district_admin', level: 'county' };
const CARE: Actor = { role: 'care_provider', level: 'county' };

const D = '2026-03-02';
const persons = [
  { id: 'a', kind: 'APPLICANT' as const, consentSignedOn: D },
  { id: 's', kind: 'SUPPORTER' as const, consentSignedOn: D },
];
const publicity = { postedOn: D, firstDay: '2026-03-03', lastDay: '2026-03-09', firstDayAfter: '2026-03-10' };
const spot = { on: D, rate: 0.3, seed: 'seed-1', selected: true, passed: true };

function mk(state: TekunState, patch: Partial<TekunCase> = {}): TekunCase {
  return { ...newTekunCase({ id: 't1', persons }), state, lastEventOn: D, acceptedOn: D, ...patch };
}

type Row = [string, TekunCase, TekunEvent, Actor, TekunState | { refused: string }];

const rows: Row[] = [
  // §5.2 procedure
  ['S2 Art.10–11: township accepts', mk('SUBMITTED'), { type: 'ACCEPT', at: D }, TOWN, 'INVESTIGATING'],
  [
    'S2 Art.12: the town does not accept (a duplicate online application), with reasons → REJECTED',
    mk('SUBMITTED'),
    { type: 'NOT_ACCEPTED', at: D, reasons: '已有特困供养在办' },
    TOWN,
    'REJECTED',
  ],
  [
    'S2 Art.12: not accepting needs written reasons',
    mk('SUBMITTED'),
    { type: 'NOT_ACCEPTED', at: D, reasons: '' },
    TOWN,
    { refused: 'REASON_REQUIRED' },
  ],
  [
    'S2 Art.10: check with applicant + supporters consent',
    mk('INVESTIGATING'),
    { type: 'REQUEST_CHECK', at: D },
    TOWN,
    'INVESTIGATING',
  ],
  [
    'S2 Art.13 (S1 Art.16): home visit by two investigators',
    mk('INVESTIGATING'),
    { type: 'RECORD_INVESTIGATION', at: D, investigators: ['a', 'b'] },
    TOWN,
    'INVESTIGATING',
  ],
  [
    'S2 Art.14: optional democratic review',
    mk('INVESTIGATING'),
    { type: 'RECORD_DEMOCRATIC_REVIEW', at: D },
    VILLAGE,
    'INVESTIGATING',
  ],
  [
    'S2 Art.13: initial opinion',
    mk('INVESTIGATING', { investigators: ['a', 'b'] }),
    { type: 'DRAFT_OPINION', at: D, opinion: '拟纳入' },
    TOWN,
    'PRELIM_OPINION',
  ],
  [
    'S2 Art.15: publicity posted',
    mk('PRELIM_OPINION'),
    { type: 'PUBLISH', postedOn: D },
    VILLAGE,
    'PUBLICIZING',
  ],
  [
    'S2 Art.15 ¶2: objection → re-investigation',
    mk('PUBLICIZING', { publicity }),
    { type: 'OBJECTION', at: '2026-03-09', summary: 'x' },
    VILLAGE,
    'REINVESTIGATION',
  ],
  [
    'S2 Art.15 ¶2: new opinion after re-investigation (then re-publicize)',
    mk('REINVESTIGATION', { investigators: ['a', 'b'] }),
    { type: 'DRAFT_OPINION', at: D, opinion: '拟纳入' },
    TOWN,
    'PRELIM_OPINION',
  ],
  [
    'S2 Art.15: publicity over → county',
    mk('PUBLICIZING', { publicity }),
    { type: 'PUBLICITY_ENDED', at: '2026-03-10' },
    TOWN,
    'SUBMITTED_TO_COUNTY',
  ],
  [
    'S2 Art.16: county review starts',
    mk('SUBMITTED_TO_COUNTY'),
    { type: 'START_COUNTY_REVIEW', at: D },
    COUNTY,
    'COUNTY_REVIEW',
  ],
  [
    'S2 Art.16: ≥ 30 % spot check recorded',
    mk('COUNTY_REVIEW'),
    { type: 'RECORD_SPOT_CHECK', at: D, rate: 0.35, seed: 's1', selected: false },
    COUNTY,
    'COUNTY_REVIEW',
  ],
  [
    'S2 Art.17: approve → ACTIVE',
    mk('COUNTY_REVIEW', { spotCheck: spot }),
    { type: 'CONFIRM', at: D },
    COUNTY,
    'ACTIVE',
  ],
  [
    'S2 Art.18: reject with written reasons',
    mk('COUNTY_REVIEW'),
    { type: 'REJECT', at: D, reasons: '有赡养人' },
    COUNTY,
    'REJECTED',
  ],
  // §5.5 termination
  [
    'S2 Art.24: ground detected → termination investigation',
    mk('ACTIVE'),
    { type: 'TERMINATION_GROUND', at: D, ground: 'DEATH_OR_MISSING' },
    VILLAGE,
    'TERMINATION_INVESTIGATION',
  ],
  [
    'S2 Art.26: intended termination published 7 days',
    mk('TERMINATION_INVESTIGATION'),
    { type: 'PROPOSE_TERMINATION', postedOn: D, findings: '已死亡' },
    TOWN,
    'TERMINATION_PUBLICITY',
  ],
  [
    'S2 Art.26: no objection → terminated (county 核准)',
    mk('TERMINATION_PUBLICITY', { publicity }),
    { type: 'DECIDE_TERMINATION', at: '2026-03-10', reasons: '已死亡' },
    COUNTY,
    'TERMINATED',
  ],
  [
    'S2 Art.26: objection → re-investigation ≤ 15 WD',
    mk('TERMINATION_PUBLICITY', { publicity }),
    { type: 'TERMINATION_OBJECTION', at: '2026-03-04', summary: 'x' },
    VILLAGE,
    'TERMINATION_REINVESTIGATION',
  ],
  [
    'S2 Art.26: decision then re-publicize',
    mk('TERMINATION_REINVESTIGATION'),
    { type: 'PROPOSE_TERMINATION', postedOn: D, findings: '复核属实' },
    TOWN,
    'TERMINATION_PUBLICITY',
  ],
  [
    '§5.5 (extension): ground not confirmed → back to ACTIVE',
    mk('TERMINATION_REINVESTIGATION'),
    { type: 'DROP_TERMINATION', at: D, reason: '情况不实' },
    COUNTY,
    'ACTIVE',
  ],
  // refusals
  [
    '§5.2: cannot publish before an opinion',
    mk('INVESTIGATING'),
    { type: 'PUBLISH', postedOn: D },
    TOWN,
    { refused: 'INVALID_TRANSITION' },
  ],
  [
    '§5.5: terminated is final',
    mk('TERMINATED'),
    { type: 'TERMINATION_GROUND', at: D, ground: 'VOLUNTARY' },
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
    '§2.3: care provider cannot confirm',
    mk('COUNTY_REVIEW', { spotCheck: spot }),
    { type: 'CONFIRM', at: D },
    CARE,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    'S2 Art.10, §2.2: supporter consent missing blocks the check',
    mk('INVESTIGATING', { persons: [persons[0]!, { id: 's', kind: 'SUPPORTER', consentSignedOn: null }] }),
    { type: 'REQUEST_CHECK', at: D },
    TOWN,
    { refused: 'CONSENT_MISSING' },
  ],
  [
    'S1 Art.16 (applied to 特困): at least two investigators',
    mk('INVESTIGATING'),
    { type: 'RECORD_INVESTIGATION', at: D, investigators: ['a'] },
    TOWN,
    { refused: 'TOO_FEW_INVESTIGATORS' },
  ],
  [
    'S2 Art.13: no opinion before the investigation',
    mk('INVESTIGATING'),
    { type: 'DRAFT_OPINION', at: D, opinion: 'x' },
    TOWN,
    { refused: 'INVESTIGATION_NOT_RECORDED' },
  ],
  [
    'S2 Art.15, §2.1: publicity not over',
    mk('PUBLICIZING', { publicity }),
    { type: 'PUBLICITY_ENDED', at: '2026-03-09' },
    TOWN,
    { refused: 'PUBLICITY_NOT_OVER' },
  ],
  [
    'S2 Art.15: objection after publicity',
    mk('PUBLICIZING', { publicity }),
    { type: 'OBJECTION', at: '2026-03-10', summary: 'x' },
    TOWN,
    { refused: 'OBJECTION_OUT_OF_TIME' },
  ],
  [
    'S2 Art.16: spot-check rate below 30 %',
    mk('COUNTY_REVIEW'),
    { type: 'RECORD_SPOT_CHECK', at: D, rate: 0.2, seed: 's', selected: false },
    COUNTY,
    { refused: 'SPOT_CHECK_RATE_TOO_LOW' },
  ],
  [
    '§5.2: sampling seed logged',
    mk('COUNTY_REVIEW'),
    { type: 'RECORD_SPOT_CHECK', at: D, rate: 0.3, seed: '', selected: false },
    COUNTY,
    { refused: 'SPOT_CHECK_SEED_MISSING' },
  ],
  [
    'S2 Art.16: sampled case needs a result',
    mk('COUNTY_REVIEW'),
    { type: 'RECORD_SPOT_CHECK', at: D, rate: 0.3, seed: 's', selected: true },
    COUNTY,
    { refused: 'SPOT_CHECK_RESULT_MISSING' },
  ],
  [
    'S2 Art.16: no confirmation before the spot check',
    mk('COUNTY_REVIEW'),
    { type: 'CONFIRM', at: D },
    COUNTY,
    { refused: 'SPOT_CHECK_REQUIRED' },
  ],
  [
    'S2 Art.16: failed spot check blocks confirmation',
    mk('COUNTY_REVIEW', { spotCheck: { ...spot, passed: false } }),
    { type: 'CONFIRM', at: D },
    COUNTY,
    { refused: 'SPOT_CHECK_FAILED' },
  ],
  [
    'S2 Art.18: rejection needs reasons',
    mk('COUNTY_REVIEW'),
    { type: 'REJECT', at: D, reasons: '' },
    COUNTY,
    { refused: 'REASON_REQUIRED' },
  ],
  [
    'S2 Art.26, §2.1: termination publicity not over',
    mk('TERMINATION_PUBLICITY', { publicity }),
    { type: 'DECIDE_TERMINATION', at: '2026-03-09', reasons: 'x' },
    COUNTY,
    { refused: 'PUBLICITY_NOT_OVER' },
  ],
  [
    'S2 Art.26: termination objection after publicity',
    mk('TERMINATION_PUBLICITY', { publicity }),
    { type: 'TERMINATION_OBJECTION', at: '2026-03-10', summary: 'x' },
    TOWN,
    { refused: 'OBJECTION_OUT_OF_TIME' },
  ],
  [
    '§5.5: township cannot 核准 termination',
    mk('TERMINATION_PUBLICITY', { publicity }),
    { type: 'DECIDE_TERMINATION', at: '2026-03-10', reasons: 'x' },
    TOWN,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    '§5.5: proposal needs investigation findings',
    mk('TERMINATION_INVESTIGATION'),
    { type: 'PROPOSE_TERMINATION', postedOn: D, findings: ' ' },
    TOWN,
    { refused: 'INVESTIGATION_NOT_RECORDED' },
  ],
  [
    'events cannot go back in time',
    mk('SUBMITTED'),
    { type: 'ACCEPT', at: '2026-02-27' },
    TOWN,
    { refused: 'DATE_BEFORE_PREVIOUS' },
  ],
  // §5.4, S3 Art.19: the person chooses centralised or dispersed support; the town records it.
  [
    'S3 Art.19: town records centralised support in an institution',
    mk('ACTIVE'),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'CENTRALISED', institutionId: 'inst-1', reason: '本人申请' },
    TOWN,
    'ACTIVE',
  ],
  [
    'S3 Art.19: the choice can be recorded while the application is investigated',
    mk('INVESTIGATING'),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'CENTRALISED', institutionId: 'inst-1', reason: '本人申请' },
    TOWN,
    'INVESTIGATING',
  ],
  [
    '§5.4: centralised support names the institution paid',
    mk('ACTIVE'),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'CENTRALISED', institutionId: null, reason: '本人申请' },
    TOWN,
    { refused: 'INSTITUTION_REQUIRED' },
  ],
  [
    '§5.4: dispersed support has no institution',
    mk('ACTIVE', { supportMode: 'CENTRALISED', institutionId: 'inst-1' }),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'DISPERSED', institutionId: 'inst-1', reason: '回家' },
    TOWN,
    { refused: 'INSTITUTION_NOT_ALLOWED' },
  ],
  [
    '§5.4: a case without a recorded mode is dispersed; recording dispersed again changes nothing',
    mk('ACTIVE'),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'DISPERSED', institutionId: null, reason: '本人申请' },
    TOWN,
    { refused: 'NO_CHANGE' },
  ],
  [
    '§2.3: the village assistant does not record the support mode',
    mk('ACTIVE'),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'CENTRALISED', institutionId: 'inst-1', reason: '本人申请' },
    VILLAGE,
    { refused: 'FORBIDDEN_ACTOR' },
  ],
  [
    'a terminated case keeps its last support mode',
    mk('TERMINATED'),
    { type: 'SET_SUPPORT_MODE', at: D, mode: 'CENTRALISED', institutionId: 'inst-1', reason: '本人申请' },
    TOWN,
    { refused: 'CASE_CLOSED' },
  ],
];

describe('特困 state machine (§5.2, §5.5)', () => {
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

  it('S3 Art.19: moving back home clears the institution and says so in an effect', () => {
    const out = transition(
      mk('ACTIVE', { supportMode: 'CENTRALISED', institutionId: 'inst-1' }),
      { type: 'SET_SUPPORT_MODE', at: D, mode: 'DISPERSED', institutionId: null, reason: '本人要求回家' },
      TOWN,
      cal,
    );
    expect(out.ok && [out.next.supportMode, out.next.institutionId, out.effects]).toEqual([
      'DISPERSED',
      null,
      [{ type: 'SUPPORT_MODE_SET', mode: 'DISPERSED', institutionId: null }],
    ]);
  });

  it('S2 Art.13, Art.16: 15 WD deadlines', () => {
    const a = transition(mk('SUBMITTED'), { type: 'ACCEPT', at: D }, TOWN, cal);
    expect(a.ok && a.next.deadline).toBe('2026-03-23');
    const p = transition(
      mk('PUBLICIZING', { publicity }),
      { type: 'PUBLICITY_ENDED', at: '2026-03-10' },
      TOWN,
      cal,
    );
    expect(p.ok && p.next.deadline).toBe('2026-03-31');
  });

  it('S2 Art.17, Art.26–27: support from next month; stop from next month with referral', () => {
    const ok = transition(
      mk('COUNTY_REVIEW', { spotCheck: spot }),
      { type: 'CONFIRM', at: '2026-03-20' },
      COUNTY,
      cal,
    );
    expect(ok.ok && ok.effects).toContainEqual({ type: 'SUPPORT_STARTS', from: '2026-04-01' });
    const end = transition(
      mk('TERMINATION_PUBLICITY', { publicity }),
      { type: 'DECIDE_TERMINATION', at: '2026-03-10', reasons: 'x' },
      COUNTY,
      cal,
    );
    expect(end.ok && end.effects).toContainEqual({ type: 'SUPPORT_STOPS', from: '2026-04-01' });
    expect(end.ok && end.effects).toContainEqual({ type: 'REFERRAL_CHECK', schemes: ['DIBAO', 'TEMPORARY'] });
  });
});

function guided(c: TekunCase, at: string): [TekunEvent, Actor] | null {
  switch (c.state) {
    case 'SUBMITTED':
      return [{ type: 'ACCEPT', at }, TOWN];
    case 'INVESTIGATING':
    case 'REINVESTIGATION':
      return c.investigators.length < 2
        ? [{ type: 'RECORD_INVESTIGATION', at, investigators: ['a', 'b'] }, TOWN]
        : [{ type: 'DRAFT_OPINION', at, opinion: 'o' }, TOWN];
    case 'PRELIM_OPINION':
      return [{ type: 'PUBLISH', postedOn: at }, VILLAGE];
    case 'PUBLICIZING':
      return [{ type: 'PUBLICITY_ENDED', at }, TOWN];
    case 'SUBMITTED_TO_COUNTY':
      return [{ type: 'START_COUNTY_REVIEW', at }, COUNTY];
    case 'COUNTY_REVIEW':
      return c.spotCheck === null
        ? [{ type: 'RECORD_SPOT_CHECK', at, rate: 0.3, seed: 's', selected: false }, COUNTY]
        : [{ type: 'CONFIRM', at }, COUNTY];
    case 'ACTIVE':
      return [{ type: 'TERMINATION_GROUND', at, ground: 'VOLUNTARY' }, TOWN];
    case 'TERMINATION_INVESTIGATION':
    case 'TERMINATION_REINVESTIGATION':
      return [{ type: 'PROPOSE_TERMINATION', postedOn: at, findings: 'f' }, TOWN];
    case 'TERMINATION_PUBLICITY':
      return [{ type: 'DECIDE_TERMINATION', at, reasons: 'r' }, COUNTY];
    default:
      return null;
  }
}

const template = (at: string): fc.Arbitrary<TekunEvent> =>
  fc.constantFrom<TekunEvent>(
    { type: 'ACCEPT', at },
    { type: 'RECORD_CONSENT', at, personId: 'a' },
    { type: 'REQUEST_CHECK', at },
    { type: 'RECORD_INVESTIGATION', at, investigators: ['a', 'b'] },
    { type: 'RECORD_DEMOCRATIC_REVIEW', at },
    { type: 'DRAFT_OPINION', at, opinion: 'o' },
    { type: 'PUBLISH', postedOn: at },
    { type: 'OBJECTION', at, summary: 's' },
    { type: 'PUBLICITY_ENDED', at },
    { type: 'START_COUNTY_REVIEW', at },
    { type: 'RECORD_SPOT_CHECK', at, rate: 0.3, seed: 's', selected: true, passed: false },
    { type: 'RECORD_SPOT_CHECK', at, rate: 0.5, seed: 's', selected: false },
    { type: 'CONFIRM', at },
    { type: 'REJECT', at, reasons: 'r' },
    { type: 'TERMINATION_GROUND', at, ground: 'IMPRISONED' },
    { type: 'PROPOSE_TERMINATION', postedOn: at, findings: 'f' },
    { type: 'TERMINATION_OBJECTION', at, summary: 's' },
    { type: 'DECIDE_TERMINATION', at, reasons: 'r' },
    { type: 'DROP_TERMINATION', at, reason: 'r' },
  );

describe('§2.4 no inclusion without procedure (property)', () => {
  it('ACTIVE needs acceptance, investigation, publicity and the county spot check; TERMINATED needs its publicity', () => {
    let active = 0;
    let terminated = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 4 }),
            fc.constantFrom(VILLAGE, TOWN, COUNTY, CARE),
            fc.integer({ min: 0, max: 4 }),
            template('2026-01-01'),
          ),
          { minLength: 30, maxLength: 70 },
        ),
        (steps) => {
          let c = newTekunCase({ id: 'p', persons });
          const seen = new Set<TekunState>([c.state]);
          let investigated = false;
          let day = '2026-01-05';
          for (const [gap, randomActor, follow, t] of steps) {
            day = addDays(day, gap);
            const help = follow > 0 ? guided(c, day) : null;
            const e =
              help?.[0] ??
              ({
                ...t,
                ...(t.type === 'PUBLISH' || t.type === 'PROPOSE_TERMINATION'
                  ? { postedOn: day }
                  : { at: day }),
              } as TekunEvent);
            const out = transition(c, e, help?.[1] ?? randomActor, cal);
            if (!out.ok) continue;
            if (e.type === 'RECORD_INVESTIGATION') investigated = true;
            c = out.next;
            seen.add(c.state);
            if (c.state === 'ACTIVE') {
              active += 1;
              expect(c.acceptedOn).not.toBeNull();
              expect(investigated).toBe(true);
              expect(seen.has('PUBLICIZING')).toBe(true);
              expect(c.spotCheck).not.toBeNull();
            }
            if (c.state === 'TERMINATED') {
              terminated += 1;
              expect(seen.has('ACTIVE')).toBe(true);
              expect(seen.has('TERMINATION_PUBLICITY')).toBe(true);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
    expect(active).toBeGreaterThan(0);
    expect(terminated).toBeGreaterThan(0);
  });
});
