// Every use case asks this clock for "now"; nothing reads the system time directly, so deadlines,
// monthly runs and e2e journeys can set the date.
export interface Clock {
  now(): Date;
}

export type SettableClock = Clock & {
  /** Pin the clock to a moment (it then advances with real time from there). */
  set(at: Date): void;
  /** Back to the system time. */
  reset(): void;
};

const systemNow = () => new Date(Date.now());

export function createClock(start?: string | Date): SettableClock {
  let offsetMs = start ? new Date(start).getTime() - Date.now() : 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    set(at: Date) {
      offsetMs = at.getTime() - Date.now();
    },
    reset() {
      offsetMs = 0;
    },
  };
}

/** A clock frozen at one instant, for unit tests. */
export function fixedClock(at: string | Date): Clock {
  const t = new Date(at);
  return { now: () => new Date(t) };
}

export const systemClock: Clock = { now: systemNow };

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Asia/Shanghai calendar date (YYYY-MM-DD) of an instant. */
export function shanghaiDateOf(at: Date): string {
  return shanghaiDate.format(at);
}
