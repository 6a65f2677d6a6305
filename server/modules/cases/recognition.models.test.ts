import { describe, expect, it } from 'vitest';
import { newRecognition, transition } from './recognition.models.ts';

const TOWN = { role: 'town_officer', level: 'town' } as const;
const VILLAGE = { role: 'village_assistant', level: 'village' } as const;

describe('recognised 低保边缘 / 刚性支出 households (§4; §7.2; S8 Art.7, Art.10)', () => {
  it.each([
    ['valid for 12 months from the decision', '2026-03-15', '2027-03-14', 'S8 Art.10'],
    ['a decision on 29 February ends on the 28th a year later', '2028-02-29', '2029-02-27', 'S8 Art.10'],
  ])('%s (%s)', (_n, on, until) => {
    expect(newRecognition('RIGID', on).validUntil).toBe(until);
  });

  it.each<[string, Parameters<typeof transition>[1], typeof TOWN | typeof VILLAGE, string | null, string]>([
    [
      'the town revokes with written reasons',
      { type: 'REVOKE', at: '2026-05-01', reasons: '收入增加' },
      TOWN,
      null,
      'S8 Art.7',
    ],
    [
      'a revocation without reasons is refused',
      { type: 'REVOKE', at: '2026-05-01', reasons: ' ' },
      TOWN,
      'REASON_REQUIRED',
      'S8 Art.7',
    ],
    [
      'the village cannot revoke',
      { type: 'REVOKE', at: '2026-05-01', reasons: '收入增加' },
      VILLAGE,
      'FORBIDDEN_ACTOR',
      '§2.3',
    ],
    [
      'not expired on its last valid day',
      { type: 'EXPIRE', at: '2027-03-14' },
      TOWN,
      'NOT_EXPIRED',
      'S8 Art.10',
    ],
    ['expired the day after', { type: 'EXPIRE', at: '2027-03-15' }, TOWN, null, 'S8 Art.10'],
    [
      'no event before the decision',
      { type: 'EXPIRE', at: '2026-03-01' },
      TOWN,
      'DATE_BEFORE_PREVIOUS',
      'procedure',
    ],
  ])('%s (%s)', (_n, e, actor, refusal) => {
    const r = transition(newRecognition('DIBAO_EDGE', '2026-03-15'), e, actor);
    if (refusal === null) expect(r.ok).toBe(true);
    else expect(r).toMatchObject({ ok: false, code: refusal });
  });

  it('an ended recognition takes no further events', () => {
    const c = newRecognition('RIGID', '2026-03-15');
    const r = transition(c, { type: 'REVOKE', at: '2026-04-01', reasons: '迁出' }, TOWN);
    if (!r.ok) throw new Error('expected revoke');
    expect(transition(r.next, { type: 'EXPIRE', at: '2027-04-01' }, TOWN)).toMatchObject({
      ok: false,
      code: 'CASE_CLOSED',
    });
  });
});
