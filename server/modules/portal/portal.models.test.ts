import { describe, expect, it } from 'vitest';
import { activeEvent, dibaoApplicationEvent, tekunEvent } from '../../../contracts/case-events.ts';
import { DEFAULT_CALENDAR } from '../../rules/calendar.ts';
import { ACTIVE_STATES } from '../cases/active.models.ts';
import { DIBAO_STATES } from '../cases/dibao.models.ts';
import { TEKUN_STATES } from '../cases/tekun.models.ts';
import {
  cleanFileName,
  complaintDue,
  detectMime,
  newQueryCode,
  newTrackingNo,
  objectionDue,
  objectionOpen,
  scrubPublicText,
} from './portal.models.ts';
import { EVENT_LABELS, HIDDEN_EVENTS, STATE_LABELS } from './portal-labels.ts';

// Pure rules of the portal: file types by content, receipts, deadlines [U], the scrub of public text
// (§2.2), and plain-language labels for every state and step an applicant can see.

describe('uploads are recognised by their first bytes, not their names', () => {
  it.each([
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    ['PDF', [...Buffer.from('%PDF-1.7')], 'application/pdf'],
    ['Windows executable', [...Buffer.from('MZ\x90\x00')], null],
    ['HTML', [...Buffer.from('<html>')], null],
    ['empty', [], null],
  ])('%s → %s', (_n, bytes, mime) => {
    expect(detectMime(Uint8Array.from(bytes as number[]))).toBe(mime);
  });

  it('keeps a safe file name: no path, no control characters, at most 120 characters', () => {
    expect(cleanFileName('C:\\Users\\x\\病历\u0000.pdf', 'application/pdf')).toBe('病历.pdf');
    expect(cleanFileName('../../etc/passwd', 'image/png')).toBe('passwd');
    expect(cleanFileName('', 'image/jpeg')).toBe('材料.jpg');
    expect(Array.from(cleanFileName('长'.repeat(300), 'image/png'))).toHaveLength(120);
  });
});

describe('receipts', () => {
  it('makes tracking numbers that are short and never 17 digits in a row (the walk would take them for ID numbers)', () => {
    for (let i = 0; i < 200; i++) {
      expect(newTrackingNo('OBJECTION', '2026-06-15')).toMatch(/^YY-20260615-\d{6}$/);
      expect(newTrackingNo('COMPLAINT', '2026-06-15')).not.toMatch(/\d{17}/);
    }
  });

  it('makes 8-character query codes without 0/O/1/I', () => {
    for (let i = 0; i < 200; i++) expect(newQueryCode()).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  });
});

describe('feedback deadlines [U] in working days (holiday calendar, §2.1)', () => {
  it('gives a complaint 15 working days, skipping the Dragon Boat holiday 2026-06-19', () => {
    expect(complaintDue('2026-06-15', 15, DEFAULT_CALENDAR)).toBe('2026-07-07');
  });

  it.each([
    ['early in publicity: 5 working days decide', '2026-06-15', '2026-06-22', '2026-06-23'],
    ['on the last day: still 5 working days', '2026-06-22', '2026-06-22', '2026-06-29'],
    ['a long publicity: its end decides', '2026-06-01', '2026-06-30', '2026-06-30'],
  ])('an objection %s', (_n, received, lastDay, due) => {
    expect(objectionDue(received, lastDay, 5, DEFAULT_CALENDAR)).toBe(due);
  });

  it('opens objections from posting through the last day of publicity (S1 Art.19)', () => {
    const p = { postedOn: '2026-06-15', firstDay: '2026-06-16', lastDay: '2026-06-22' };
    expect(objectionOpen(p, '2026-06-14')).toBe(false);
    expect(objectionOpen(p, '2026-06-15')).toBe(true);
    expect(objectionOpen(p, '2026-06-22')).toBe(true);
    expect(objectionOpen(p, '2026-06-23')).toBe(false);
    expect(objectionOpen(null, '2026-06-15')).toBe(false);
  });
});

describe('public text is scrubbed of ID numbers and mobile numbers (§2.2)', () => {
  it('masks what a caseworker typed into an opinion', () => {
    expect(scrubPublicText('拟纳入，户主 37091119550101002X，电话 13912345678，座机 0538-1234567')).toBe(
      '拟纳入，户主 3709**********002X，电话 139****5678，座机 0538-1234567',
    );
    expect(scrubPublicText('拟保障 3 人，每月 1200 元')).toBe('拟保障 3 人，每月 1200 元');
  });
});

describe('plain labels for what an applicant sees', () => {
  const typesOf = (u: { options: readonly { shape: { type: { value: string } } }[] }) =>
    u.options.map((o) => o.shape.type.value);

  it('names every state of the 低保, 特困 and active machines', () => {
    for (const s of [...DIBAO_STATES, ...TEKUN_STATES, ...ACTIVE_STATES])
      expect(STATE_LABELS[s], s).toBeDefined();
  });

  it('labels or hides every step of those machines', () => {
    const types = [
      'APPLY',
      ...typesOf(dibaoApplicationEvent as never),
      ...typesOf(tekunEvent as never),
      ...typesOf(activeEvent as never),
    ];
    expect(types.length).toBeGreaterThan(30);
    const unlabelled = [...new Set(types)].filter((t) => !EVENT_LABELS[t] && !HIDDEN_EVENTS.has(t));
    expect(unlabelled).toEqual([]);
  });
});
