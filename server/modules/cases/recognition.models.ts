// A recognised 低保边缘 or 刚性支出 household (§4; §7.2; S6 §二; S8 Art.10): no cash, but the
// special-purpose assistance and the monitoring flag follow it. Valid for 12 months (S8 Art.10:
// "≤ 12 months"; for 低保边缘 the same yearly re-check is the default [U]); revoked with reasons
// when the household no longer qualifies, or expired at the end of its validity. Pure.
import { addMonths } from '../../rules/calendar.ts';
import {
  type Actor,
  notAllowed,
  type Outcome,
  refuse,
  requireLevel,
  requireNotBefore,
} from './procedure.models.ts';

export const RECOGNITION_STATES = ['RECOGNIZED', 'REVOKED', 'EXPIRED'] as const;
export type RecognitionState = (typeof RECOGNITION_STATES)[number];
export const RECOGNITION_VALID_MONTHS = 12;

export type RecognitionCase = {
  kind: 'DIBAO_EDGE' | 'RIGID';
  state: RecognitionState;
  recognizedOn: string;
  /** The last day the recognition holds. */
  validUntil: string;
  lastEventOn: string;
  endedOn: string | null;
  reasons: string | null;
};

export type RecognitionEvent =
  | { type: 'REVOKE'; at: string; reasons: string }
  | { type: 'EXPIRE'; at: string };

export function newRecognition(kind: RecognitionCase['kind'], on: string): RecognitionCase {
  const end = addMonths(on, RECOGNITION_VALID_MONTHS);
  // 12 months from the decision: the day before the same date a year later.
  const validUntil = new Date(Date.parse(`${end}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return {
    kind,
    state: 'RECOGNIZED',
    recognizedOn: on,
    validUntil,
    lastEventOn: on,
    endedOn: null,
    reasons: null,
  };
}

export function transition(
  c: RecognitionCase,
  e: RecognitionEvent,
  actor: Actor,
): Outcome<RecognitionCase, never> {
  if (c.state !== 'RECOGNIZED') return refuse('CASE_CLOSED', '认定已终止', 'the recognition has ended');
  const early = requireNotBefore(e.at, c.lastEventOn);
  if (early) return early;
  switch (e.type) {
    case 'REVOKE': {
      const r =
        requireLevel(actor, ['town', 'county'], '取消认定') ??
        (e.reasons.trim() === ''
          ? refuse(
              'REASON_REQUIRED',
              '取消认定须书面说明理由（S8 第七条）',
              'S8 Art.7: a revocation needs written reasons',
            )
          : null);
      return (
        r ?? {
          ok: true,
          next: { ...c, state: 'REVOKED', lastEventOn: e.at, endedOn: e.at, reasons: e.reasons },
          effects: [],
        }
      );
    }
    case 'EXPIRE': {
      const r =
        requireLevel(actor, ['town', 'county'], '认定期满') ??
        (e.at <= c.validUntil
          ? refuse(
              'NOT_EXPIRED',
              `认定有效期至 ${c.validUntil}，尚未期满（S8 第十条）`,
              `S8 Art.10: valid until ${c.validUntil}`,
            )
          : null);
      return (
        r ?? { ok: true, next: { ...c, state: 'EXPIRED', lastEventOn: e.at, endedOn: e.at }, effects: [] }
      );
    }
  }
  return notAllowed(c.state, (e as { type: string }).type);
}
