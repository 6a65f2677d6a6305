import { z } from 'zod';

// The grassroots network (区镇村三级网络, 民政协理员; domain-rules §9.6, §2.3): the assistant roster,
// trainings, the monthly 德能勤绩廉 assessment and its ranking. Shared by the server and the console.

const bi = (zh: string, en: string) => `${zh}||${en}`;
const date = z.iso.date(bi('日期格式应为 YYYY-MM-DD', 'a date as YYYY-MM-DD'));
const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, bi(min === 1 ? '请填写此项' : `至少 ${min} 个字`, `at least ${min} characters`))
    .max(max, bi(`不超过 ${max} 字`, `at most ${max} characters`));
/** A month as YYYY-MM (the API's form; the database keeps the first day). */
export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, bi('月份格式应为 YYYY-MM', 'a month as YYYY-MM'));

/** The five dimensions the town scores (德 morality, 能 ability, 勤 diligence, 绩 performance, 廉 integrity). */
export const DIMENSIONS = ['de', 'neng', 'qin', 'ji', 'lian'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** The automatic metrics, computed from the records (see server/modules/grassroots/metrics.repository.ts). */
export const METRICS = ['visits', 'alerts', 'quality', 'complaints'] as const;
export type Metric = (typeof METRICS)[number];
export const WEIGHT_KEYS = [...DIMENSIONS, ...METRICS] as const;
export type WeightKey = (typeof WEIGHT_KEYS)[number];
export type Weights = Record<WeightKey, number>;

const weight = z
  .number()
  .int(bi('权重应为整数百分比', 'a whole percentage'))
  .min(0, bi('权重不能为负', 'a weight cannot be negative'))
  .max(100, bi('权重不超过 100%', 'at most 100 %'));

export const weightsInput = z
  .object({
    effectiveFrom: monthParam,
    weights: z.object(
      Object.fromEntries(WEIGHT_KEYS.map((k) => [k, weight])) as Record<WeightKey, typeof weight>,
    ),
    note: z.string().trim().max(200).default(''),
  })
  .superRefine((v, ctx) => {
    const sum = WEIGHT_KEYS.reduce((s, k) => s + v.weights[k], 0);
    if (sum !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: bi(`各项权重合计应为 100%，现为 ${sum}%`, `the weights must sum to 100 %, not ${sum} %`),
      });
  });
export type WeightsInput = z.input<typeof weightsInput>;
export const weightsView = z.object({
  effectiveFrom: z.string(),
  weights: z.record(z.string(), z.number()),
  note: z.string(),
  builtIn: z.boolean(),
});
export type WeightsView = z.infer<typeof weightsView>;

export const postInput = z.object({
  villageCode: z.string().regex(/^\d{12}$/, bi('请选择村（社区）', 'choose the village')),
  userId: z.uuid(bi('请选择协理员账号', 'choose the assistant account')).nullable().default(null),
  /** Link the village's own assistant account (one per village) instead of naming an account id. */
  useVillageAccount: z.boolean().default(false),
  holderName: text(2, 40),
  fromOn: date,
  /** Hand over: close the open post the day before fromOn instead of refusing. */
  replaceCurrent: z.boolean().default(false),
  endReason: z.string().trim().max(200).default(''),
});
export type PostInput = z.input<typeof postInput>;
export const endPostInput = z.object({ toOn: date, reason: text(2, 200) });

export const postView = z.object({
  id: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  holderName: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type PostView = z.infer<typeof postView>;

export const complaintInput = z.object({
  postId: z.uuid(),
  receivedOn: date,
  channel: z.enum(['HOTLINE_12349', 'VISIT', 'LETTER', 'OTHER']),
  summary: text(4, 500),
  substantiated: z.boolean(),
  finding: text(2, 500),
});
export type ComplaintInput = z.input<typeof complaintInput>;
export const complaintQuery = z.object({
  postId: z.uuid().optional(),
  from: date.optional(),
  to: date.optional(),
});
export const complaintView = z.object({
  id: z.string(),
  postId: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  holderName: z.string(),
  receivedOn: z.string(),
  channel: z.enum(['HOTLINE_12349', 'VISIT', 'LETTER', 'OTHER']),
  summary: z.string(),
  substantiated: z.boolean(),
  finding: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type ComplaintView = z.infer<typeof complaintView>;

export const materialInput = z.union([
  z.object({ title: text(1, 120), url: z.url(bi('请输入有效链接', 'a valid URL')) }),
  z.object({
    title: text(1, 120),
    filename: text(1, 120),
    mime: z.enum([
      'application/pdf',
      'image/png',
      'image/jpeg',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ]),
    /** Base64 content, at most 2 MiB decoded (like case attachments). */
    dataBase64: z.string().min(1).max(2_800_000, bi('材料不超过 2 MB', 'a file is at most 2 MB')),
  }),
]);
export type MaterialInput = z.input<typeof materialInput>;

export const trainingInput = z.object({
  level: z.enum(['TOWN', 'DISTRICT']),
  townCode: z
    .string()
    .regex(/^\d{9}$/)
    .nullable()
    .default(null),
  title: text(2, 100),
  heldOn: date,
  place: text(2, 100),
  trainer: text(2, 60),
  hours: z.number().positive(bi('学时须大于 0', 'hours must be positive')).max(99),
  content: z.string().trim().max(2000).default(''),
  materials: z.array(materialInput).max(10).default([]),
});
export type TrainingInput = z.input<typeof trainingInput>;

export const attendanceInput = z.object({
  records: z
    .array(
      z
        .object({
          postId: z.uuid(),
          present: z.boolean(),
          absenceReason: z.string().trim().max(200).nullable().default(null),
        })
        .refine((r) => r.present || (r.absenceReason ?? '').length >= 2, {
          message: bi('缺席须填写原因', 'an absence needs a reason'),
          path: ['absenceReason'],
        }),
    )
    .min(1)
    .max(500),
});
export type AttendanceInput = z.input<typeof attendanceInput>;

export const trainingView = z.object({
  id: z.string(),
  level: z.enum(['TOWN', 'DISTRICT']),
  townCode: z.string().nullable(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  trainer: z.string(),
  hours: z.number(),
  content: z.string(),
  materials: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      filename: z.string().nullable(),
    }),
  ),
  expected: z.number(),
  present: z.number(),
  absent: z.number(),
  attendance: z.array(
    z.object({
      postId: z.string(),
      holderName: z.string(),
      villageName: z.string(),
      present: z.boolean().nullable(),
      absenceReason: z.string().nullable(),
    }),
  ),
});
export type TrainingView = z.infer<typeof trainingView>;

const score = z
  .number()
  .int(bi('得分应为整数', 'a whole number'))
  .min(0, bi('得分 0–100', 'a score of 0–100'))
  .max(100, bi('得分 0–100', 'a score of 0–100'));
export const scoresInput = z.object(
  Object.fromEntries(DIMENSIONS.map((d) => [d, z.object({ score, reason: text(2, 300) })])) as Record<
    Dimension,
    z.ZodObject<{ score: typeof score; reason: ReturnType<typeof text> }>
  >,
);
export type ScoresInput = z.input<typeof scoresInput>;

export const assessmentView = z.object({
  postId: z.string(),
  month: z.string(),
  townCode: z.string(),
  villageCode: z.string(),
  villageName: z.string(),
  holderName: z.string(),
  status: z.enum(['DRAFT', 'CONFIRMED']),
  raw: z.object({
    reviewsOnTime: z.number(),
    reviewsLate: z.number(),
    alertsOnTime: z.number(),
    alertsLate: z.number(),
    dqIntegrityAlerts: z.number(),
    dqCorrections: z.number(),
    complaints: z.number(),
  }),
  metricScores: z.record(z.string(), z.number()),
  scores: z.record(z.string(), z.object({ score: z.number(), reason: z.string() })).nullable(),
  weights: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  rankTown: z.number().nullable(),
  rankDistrict: z.number().nullable(),
  scoredByName: z.string().nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type AssessmentView = z.infer<typeof assessmentView>;

export const trendView = z.object({
  months: z.array(z.string()),
  series: z.array(z.object({ key: z.string(), name: z.string(), values: z.array(z.number().nullable()) })),
});
export type TrendView = z.infer<typeof trendView>;

export const taskView = z.object({
  post: postView.nullable(),
  reviewsDue: z.array(
    z.object({
      caseId: z.string(),
      caseNo: z.string(),
      scheme: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
  alertsOpen: z.array(
    z.object({
      alertId: z.string(),
      alertType: z.string(),
      dueOn: z.string(),
      state: z.string(),
      overdue: z.boolean(),
    }),
  ),
  trainingsUpcoming: z.array(
    z.object({ id: z.string(), title: z.string(), heldOn: z.string(), place: z.string() }),
  ),
});
export type TaskView = z.infer<typeof taskView>;
