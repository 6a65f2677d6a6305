import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { zhCN } from '../../i18n/zh-CN.ts';
import { deadlineTone } from './caseModel.ts';
import {
  applyFactsEdits,
  EVENT_UNIONS,
  eventForm,
  eventTypes,
  factsEdits,
  type Machine,
  machineOf,
  toBody,
} from './eventForms.ts';

const MACHINES = Object.keys(EVENT_UNIONS) as Machine[];
const form = (m: Machine, type: string) => {
  const f = eventForm(m, type);
  if (!f) throw new Error(`no form for ${m}/${type}`);
  return f;
};

describe('event forms', () => {
  it('has a label and a form for every event type of every union, in both languages', () => {
    for (const m of MACHINES) {
      const union = EVENT_UNIONS[m];
      expect(union.options.length).toBeGreaterThan(0);
      for (const option of union.options) {
        const type = option.shape.type.value as string;
        expect(zhCN.cases.events, `${m}/${type}`).toHaveProperty(type);
        expect(en.cases.events, `${m}/${type}`).toHaveProperty(type);
        const f = form(m, type);
        const shapeKeys = Object.keys(option.shape).filter(
          (k) => !['type', 'attachments', 'visitedAt', 'gps', 'facts'].includes(k),
        );
        expect(f.fields.map((x) => x.name).sort(), `${m}/${type}`).toEqual(shapeKeys.sort());
        for (const field of f.fields) {
          expect(zhCN.cases.fields, field.name).toHaveProperty(field.name);
          expect(en.cases.fields, field.name).toHaveProperty(field.name);
          for (const o of field.options ?? []) {
            const zhOptions = (zhCN.cases.options as Record<string, Record<string, string>>)[field.name];
            const enOptions = (en.cases.options as Record<string, Record<string, string>>)[field.name];
            expect(zhOptions?.[o], `${field.name}.${o}`).toBeTruthy();
            expect(enOptions?.[o], `${field.name}.${o}`).toBeTruthy();
          }
        }
      }
    }
  });

  it('derives the field kinds from the schemas', () => {
    const visit = form('dibao', 'RECORD_INVESTIGATION');
    expect(visit).toMatchObject({ signature: true, gps: true, facts: true });
    expect(visit.fields.find((f) => f.name === 'investigators')).toMatchObject({ kind: 'tags', min: 2 });
    expect(visit.fields.find((f) => f.name === 'visitMode')).toMatchObject({
      kind: 'select',
      required: true,
      options: ['ON_SITE', 'PHONE', 'VIDEO'],
    });
    expect(visit.fields.find((f) => f.name === 'at')).toMatchObject({ kind: 'date', required: false });
    expect(form('dibao', 'RECORD_CONSENT').fields[0]).toMatchObject({ name: 'personId', kind: 'member' });
    expect(form('dibao', 'DRAFT_OPINION').fields).toContainEqual(
      expect.objectContaining({ name: 'opinion', kind: 'textarea', required: true }),
    );
    expect(form('dibao', 'ACCEPT').fields.find((f) => f.name === 'opinion')?.required).toBe(false);
    expect(form('urgent', 'APPROVE_FIRST_AID').fields[0]).toMatchObject({ name: 'amountFen', kind: 'yuan' });
    expect(form('active', 'START_GRADUAL_EXIT').fields[0]).toMatchObject({ kind: 'int', min: 1, max: 6 });
    expect(form('tekun', 'OBJECTION').fields.map((f) => f.name)).not.toContain('route');
    expect(eventForm('tekun', 'NOTIFY_MISSING_MATERIALS')).toBeNull();
    // §5.4: the support mode picks an institution (an optional, nullable id) from the county's list.
    expect(form('tekun', 'SET_SUPPORT_MODE').fields.slice(0, 3)).toEqual([
      { name: 'mode', kind: 'select', required: true, options: ['DISPERSED', 'CENTRALISED'] },
      { name: 'institutionId', kind: 'institution', required: false },
      expect.objectContaining({ name: 'reason', kind: 'textarea', required: true }),
    ]);
    expect(eventTypes('urgent')).toContain('REGULARIZE');
  });

  it('picks the machine like the server', () => {
    expect(machineOf('DIBAO', 'APPLICATION')).toBe('dibao');
    expect(machineOf('DIBAO_SINGLE', 'ACTIVE')).toBe('active');
    expect(machineOf('TEKUN', 'ACTIVE')).toBe('tekun');
    expect(machineOf('TEMP_URGENT', 'APPLICATION')).toBe('urgent');
    expect(machineOf('RIGID', 'APPLICATION')).toBe('dibao');
    expect(machineOf('RIGID', 'ACTIVE')).toBe('recognition');
    expect(machineOf('TEMP_EXPENDITURE', 'APPLICATION')).toBe('expenditure');
  });
});

describe('toBody', () => {
  it('converts yuan to fen and leaves empty optional fields out (the server dates them today)', () => {
    const body = toBody(
      form('urgent', 'APPROVE_FIRST_AID'),
      { amountFen: '1234.5', assessment: '  火灾，急需生活物资 ', opinion: '', at: undefined },
      { expectedVersion: 3 },
    );
    expect(body).toEqual({
      type: 'APPROVE_FIRST_AID',
      expectedVersion: 3,
      amountFen: 123450,
      assessment: '火灾，急需生活物资',
    });
    expect(toBody(form('urgent', 'FOLLOW_UP'), { amountFen: '0.07' }, { expectedVersion: 1 }).amountFen).toBe(
      7,
    );
    expect(
      toBody(form('urgent', 'FOLLOW_UP'), { amountFen: 'abc' }, { expectedVersion: 1 }),
    ).not.toHaveProperty('amountFen');
  });

  it('formats dates, trims tags, defaults required booleans and keeps integers', () => {
    const death = toBody(
      form('active', 'RECORD_DEATH'),
      { personId: 'p1', diedOn: dayjs('2026-11-20'), at: '2026-11-28' },
      { expectedVersion: 1 },
    );
    expect(death).toMatchObject({
      diedOn: '2026-11-20',
      at: '2026-11-28',
      lastMember: false,
      personId: 'p1',
    });
    const exit = toBody(form('active', 'START_GRADUAL_EXIT'), { months: 3 }, { expectedVersion: 1 });
    expect(exit.months).toBe(3);
    const spot = toBody(form('tekun', 'RECORD_SPOT_CHECK'), {}, { expectedVersion: 1 });
    expect(spot).not.toHaveProperty('passed');
    const visit = toBody(
      form('dibao', 'RECORD_NEIGHBOUR_VISIT'),
      { investigators: [' 王敏 ', '', '李强'], findings: '属实' },
      { expectedVersion: 1 },
    );
    expect(visit.investigators).toEqual(['王敏', '李强']);
  });

  it('sends the signature, the position and the full facts with the edits of a home visit', () => {
    const facts = {
      personIds: ['a', 'b'],
      household: {
        members: [
          { birthDate: '1968-01-01', relation: 'head', wageFenPerMonth: 250_000 },
          { birthDate: '1971-01-01', relation: 'spouse', wageFenPerMonth: 0 },
        ],
        financialAssetsFen: 0,
        vehicles: [],
        residences: 1,
      },
    };
    const edits = factsEdits(facts);
    expect(edits).toEqual({
      members: [{ wageFenPerMonth: '2500.00' }, { wageFenPerMonth: '0.00' }],
      financialAssetsFen: '0.00',
    });
    const body = toBody(
      form('dibao', 'RECORD_INVESTIGATION'),
      {
        investigators: ['王敏', '李强'],
        visitMode: 'ON_SITE',
        findings: '务农',
        facts: {
          members: [{ wageFenPerMonth: '600' }, { wageFenPerMonth: '0' }],
          financialAssetsFen: '3000.5',
        },
      },
      { expectedVersion: 7, facts, signaturePng: 'iVBOR', gps: { lat: 36.19, lng: 117.09, accuracyM: 12 } },
    );
    expect(body).toMatchObject({
      expectedVersion: 7,
      attachments: [{ kind: 'SIGNATURE', filename: 'signature.png', mime: 'image/png', dataBase64: 'iVBOR' }],
      gps: { lat: 36.19, lng: 117.09, accuracyM: 12 },
      facts: {
        members: [
          { birthDate: '1968-01-01', relation: 'head', wageFenPerMonth: 60_000 },
          { birthDate: '1971-01-01', relation: 'spouse', wageFenPerMonth: 0 },
        ],
        financialAssetsFen: 300_050,
        vehicles: [],
        residences: 1,
      },
    });
    expect(applyFactsEdits(null, edits!)).toBeNull();
    const plain = toBody(form('dibao', 'RECORD_INVESTIGATION'), {}, { expectedVersion: 1, facts });
    expect(plain).not.toHaveProperty('attachments');
    expect(plain).not.toHaveProperty('gps');
    expect(plain).not.toHaveProperty('facts');
  });
});

describe('deadlineTone', () => {
  it('is red when overdue, orange within 3 days', () => {
    expect(deadlineTone('2026-11-20', true, '2026-11-29')).toBe('overdue');
    expect(deadlineTone('2026-12-02', false, '2026-11-29')).toBe('soon');
    expect(deadlineTone('2026-11-29', false, '2026-11-29')).toBe('soon');
    expect(deadlineTone('2026-12-03', false, '2026-11-29')).toBe('normal');
    expect(deadlineTone(null, false, '2026-11-29')).toBe('none');
  });
});
