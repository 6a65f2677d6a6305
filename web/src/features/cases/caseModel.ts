// Small pure helpers of the case screens: deadline colouring, state colours, translation keys.
import dayjs from 'dayjs';

export type DeadlineTone = 'overdue' | 'soon' | 'normal' | 'none';

/** Red when overdue (the server says so), orange when due within 3 days of today, else plain. */
export function deadlineTone(deadline: string | null, overdue: boolean, today: string): DeadlineTone {
  if (overdue) return 'overdue';
  if (!deadline) return 'none';
  const days = dayjs(deadline).diff(dayjs(today), 'day');
  if (days < 0) return 'overdue';
  return days <= 3 ? 'soon' : 'normal';
}

export const daysLeft = (deadline: string, today: string) => dayjs(deadline).diff(dayjs(today), 'day');

export const TONE_COLORS: Record<DeadlineTone, string | undefined> = {
  overdue: '#cf1322',
  soon: '#d46b08',
  normal: undefined,
  none: undefined,
};

const STATE_COLORS: Record<string, string> = {
  ACTIVE: 'green',
  APPROVED: 'green',
  REGULARIZED: 'green',
  FIRST_AID_PAID: 'cyan',
  PUBLICIZING: 'gold',
  TERMINATION_PUBLICITY: 'gold',
  COUNTY_REVIEW: 'purple',
  SUBMITTED_TO_COUNTY: 'purple',
  TOWNSHIP_CONFIRMATION: 'purple',
  UNDER_REVIEW: 'orange',
  GRADUAL_EXIT: 'orange',
  AWAITING_MATERIALS: 'orange',
  STOPPED: 'default',
  CLOSED: 'default',
  REJECTED: 'red',
  CLOSED_REJECTED: 'red',
  TERMINATED: 'red',
};
export const stateColor = (state: string) => STATE_COLORS[state] ?? 'blue';

/** Translation keys built from codes; unknown codes fall back to the code itself. */
export const stateKey = (s: string) => `cases.states.${s}` as 'cases.states.ACTIVE';
export const eventKey = (e: string) => `cases.events.${e}` as 'cases.events.ACCEPT';
export const fieldKey = (f: string) => `cases.fields.${f}` as 'cases.fields.at';
export const optionKey = (f: string, v: string) => `cases.options.${f}.${v}` as 'cases.options.to.DIBAO';
