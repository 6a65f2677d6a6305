import { describe, expect, it } from 'vitest';
import type { ReserveFundMonth } from '../../api/reserveFund.ts';
import {
  canMove,
  canReconcileRole,
  choosesTown,
  isMonth,
  isPastMonth,
  kindColor,
  movementAmount,
  outstandingFen,
  ownTown,
  pickMonth,
  pickTown,
  reconcileButton,
  signedFen,
  townCodesOf,
} from './reserveFundModel.ts';

const view = (month: string, reconciled: boolean): ReserveFundMonth => ({
  townCode: '370971001',
  month,
  balanceFen: 300000,
  drawnFen: 200000,
  draws: 2,
  regularized: 1,
  outstanding: [{ caseId: 'c1', caseNo: 'LS2026110001', amountFen: 50000 }],
  reconciled: reconciled ? { id: 9 } : null,
  entries: [],
});

describe('reserve-fund model', () => {
  it('fixes the town of town and village users and lets the district choose', () => {
    expect(choosesTown('370971')).toBe(true);
    expect(choosesTown('370971001')).toBe(false);
    expect(ownTown('370971001')).toBe('370971001');
    expect(ownTown('370971001203')).toBe('370971001');
    expect(ownTown('370971')).toBeNull();
    expect(pickTown(null, '370971001', ['370971002'])).toBe('370971001');
    expect(pickTown('370971002', '370971001', [])).toBe('370971001');
    expect(pickTown('370971003', '370971', ['370971001'])).toBe('370971003');
    expect(pickTown('379999003', '370971', ['370971001'])).toBe('370971001');
    expect(pickTown('bad', '370971', [])).toBeNull();
  });

  it('reads the month from the URL or takes the current one', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-11-01')).toBe(false);
    expect(pickMonth('2026-10', '2026-11-29')).toBe('2026-10');
    expect(pickMonth('nonsense', '2026-11-29')).toBe('2026-11');
    expect(pickMonth(null, '2026-11-29')).toBe('2026-11');
    expect(isPastMonth('2026-10', '2026-11-29')).toBe(true);
    expect(isPastMonth('2026-11', '2026-11-29')).toBe(false);
    expect(isPastMonth('2027-01', '2026-11-29')).toBe(false);
    expect(isPastMonth('2025-12', '2026-01-01')).toBe(true);
  });

  it('turns yuan into fen for a movement and checks returns against the balance', () => {
    expect(movementAmount('5000', 'ALLOCATE', 0)).toEqual({ ok: true, fen: 500000 });
    expect(movementAmount(5000, 'ALLOCATE', 0)).toEqual({ ok: true, fen: 500000 });
    expect(movementAmount('1,234.5', 'ALLOCATE', 0)).toEqual({ ok: true, fen: 123450 });
    expect(movementAmount('0.01', 'ALLOCATE', 0)).toEqual({ ok: true, fen: 1 });
    expect(movementAmount('', 'ALLOCATE', 0)).toEqual({ ok: false, problem: 'required' });
    expect(movementAmount(null, 'ALLOCATE', 0)).toEqual({ ok: false, problem: 'required' });
    expect(movementAmount('12.345', 'ALLOCATE', 0)).toEqual({ ok: false, problem: 'format' });
    expect(movementAmount('abc', 'ALLOCATE', 0)).toEqual({ ok: false, problem: 'format' });
    expect(movementAmount('0', 'ALLOCATE', 0)).toEqual({ ok: false, problem: 'positive' });
    expect(movementAmount('-5', 'ALLOCATE', 0)).toEqual({ ok: false, problem: 'positive' });
    expect(movementAmount('3000', 'RETURN', 300000)).toEqual({ ok: true, fen: 300000 });
    expect(movementAmount('3000.01', 'RETURN', 300000)).toEqual({ ok: false, problem: 'exceeds' });
  });

  it('gives the movement buttons to the district only', () => {
    expect(canMove('district_officer')).toBe(true);
    expect(canMove('district_admin')).toBe(true);
    expect(canMove('town_officer')).toBe(false);
    expect(canMove('village_assistant')).toBe(false);
    expect(canMove('auditor')).toBe(false);
  });

  it('offers reconciliation of a finished, unreconciled month to town officers and the district', () => {
    expect(canReconcileRole('town_officer')).toBe(true);
    expect(canReconcileRole('village_assistant')).toBe(false);
    expect(canReconcileRole('auditor')).toBe(false);
    const today = '2026-11-29';
    expect(reconcileButton('village_assistant', view('2026-10-01', false), today).visible).toBe(false);
    expect(reconcileButton('town_officer', null, today)).toEqual({
      visible: true,
      disabled: true,
      reason: null,
    });
    expect(reconcileButton('town_officer', view('2026-10-01', false), today)).toEqual({
      visible: true,
      disabled: false,
      reason: null,
    });
    expect(reconcileButton('district_officer', view('2026-11-01', false), today).reason).toBe('current');
    expect(reconcileButton('town_officer', view('2026-10-01', true), today)).toEqual({
      visible: true,
      disabled: true,
      reason: 'done',
    });
  });

  it('counts entries into the balance and sums outstanding draws', () => {
    expect(signedFen({ kind: 'ALLOCATE', amountFen: 500000 })).toBe(500000);
    expect(signedFen({ kind: 'DRAW', amountFen: 200000 })).toBe(-200000);
    expect(signedFen({ kind: 'RETURN', amountFen: 100 })).toBe(-100);
    expect(signedFen({ kind: 'RECONCILE', amountFen: 0 })).toBe(0);
    expect(outstandingFen(view('2026-10-01', false))).toBe(50000);
    expect(kindColor('DRAW')).toBe('orange');
    expect(kindColor('OTHER')).toBe('default');
  });

  it('lists the towns of a division tree', () => {
    const tree = [
      {
        code: '370971000000',
        level: 'county',
        children: [
          { code: '370971001000', level: 'town', children: [{ code: '370971001001', level: 'village' }] },
          { code: '370971002000', level: 'town' },
        ],
      },
    ];
    expect(townCodesOf(tree)).toEqual(['370971001', '370971002']);
    expect(townCodesOf([{ code: '370971001000', level: 'town' }])).toEqual(['370971001']);
  });
});
