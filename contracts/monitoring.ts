import { z } from 'zod';
import { ALERT_STATES, ALERT_TYPE_CODES } from './alerts.ts';

// The monitored low-income population (domain-rules §7.1) and the monitoring dashboard (§7.3):
// categories per person (many-to-many, with source and validity), de-duplicated counts, comparison
// runs and the alert figures.

/** §7.1: the categories of the low-income population and the press release's codes. */
export const MONITORED_CATEGORIES = {
  DIBAO: { zh: '低保对象', en: 'Minimum living allowance' },
  TEKUN: { zh: '特困人员', en: 'Extreme poverty' },
  DIBAO_EDGE: { zh: '低保边缘家庭成员', en: 'Just above the 低保 line' },
  RIGID_EXP: { zh: '刚性支出困难家庭成员', en: 'Unavoidable-spending hardship' },
  RURAL_REVITALIZATION_MONITORED: { zh: '防止返贫监测对象', en: 'Rural-revitalisation monitoring' },
  ILLNESS_IMPOVERISHED: { zh: '因病致贫重病患者', en: 'Impoverished by illness' },
  OTHER: { zh: '其他困难人员', en: 'Others in difficulty' },
} as const;
export type MonitoredCategory = keyof typeof MONITORED_CATEGORIES;
export const MONITORED_CATEGORY_CODES = Object.keys(MONITORED_CATEGORIES) as MonitoredCategory[];
export const CATEGORY_SOURCES = ['CASE', 'FEED', 'MANUAL'] as const;

export const populationQuery = z.object({
  /** A town (9 digits) to see its villages; none: the towns of the caller's jurisdiction. */
  divisionCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});

const categoryCounts = z.record(z.string(), z.number());
export const populationView = z.object({
  asOf: z.string(),
  /** Persons, each counted once whatever their categories (§7.1: de-duplicated by ID number). */
  total: z.number(),
  byCategory: categoryCounts,
  /** Persons the monitoring knows only from a department list (not in the registry). */
  unknownToRegistry: z.number(),
  rows: z.array(
    z.object({
      code: z.string().nullable(),
      name: z.string(),
      total: z.number(),
      byCategory: categoryCounts,
    }),
  ),
});
export type PopulationView = z.infer<typeof populationView>;

export const compareRunView = z.object({
  id: z.string(),
  status: z.enum(['RUNNING', 'SUCCEEDED', 'FAILED']),
  jobId: z.string().nullable(),
  runOn: z.string(),
  startedByName: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  raised: z.number(),
  counts: z.record(z.string(), z.number()),
});
export type CompareRunView = z.infer<typeof compareRunView>;

export const dashboardView = z.object({
  asOf: z.string(),
  byType: z.array(z.object({ type: z.enum(ALERT_TYPE_CODES), open: z.number(), total: z.number() })),
  byState: z.array(z.object({ state: z.enum(ALERT_STATES), n: z.number() })),
  /** §7.4: verified within the SLA (alert_sla_wd) — see onTimeStatus in alerts.models.ts. */
  onTime: z.object({
    onTime: z.number(),
    late: z.number(),
    pending: z.number(),
    rate: z.number().nullable(),
  }),
  onTimeByMonth: z.array(
    z.object({ month: z.string(), onTime: z.number(), late: z.number(), rate: z.number().nullable() }),
  ),
  overdueOpen: z.number(),
  escalated: z.number(),
});
export type DashboardView = z.infer<typeof dashboardView>;
