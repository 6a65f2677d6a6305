import fs from 'node:fs';
import path from 'node:path';
import type { Role } from '../contracts/roles.ts';
import type { StandardChange } from '../contracts/standards.ts';
import { createUsers, type NewUser } from '../server/modules/admin/users.usecases.ts';
import { upsertDivisions } from '../server/modules/divisions/divisions.usecases.ts';
import { IMPORT_JOB, importDir } from '../server/modules/imports/imports.usecases.ts';
import { addStandards } from '../server/modules/standards/standards.usecases.ts';
import { shanghaiDateOf } from '../server/platform/clock.ts';
import { systemContext } from '../server/platform/context.ts';
import type { JobProgress } from '../server/platform/jobs.ts';
import { hashPassword } from '../server/platform/passwords.ts';
import type { Services } from '../server/services.ts';
import { runDemoCare } from './care.ts';
import { runDemoCases } from './cases.ts';
import { runDemoCharity } from './charity.ts';
import { DEMO_COUNTY, demoDivisions } from './district.ts';
import { deliverDemoFeeds } from './feeds.ts';
import { runDemoGrassroots } from './grassroots.ts';
import { runDemoMonitoring } from './monitoring.ts';
import { runDemoPolicies } from './policies.ts';
import { demoRows, toCsv } from './population.ts';
import { createRng } from './random.ts';
import { runDemoChecks } from './verification.ts';

// `huijiu demo`: the demo district, created through the same use cases as real data.

export const DEMO_PASSWORD = 'Huijiu@2025demo';

/** The §15 placeholder standards, entered as a bureau would enter them. */
const DEMO_STANDARDS: StandardChange[] = [
  {
    series: 'dibao.urban',
    amountFen: 95_000,
    effectiveFrom: '2025-01-01',
    reason: '演示数据：§15 默认值（占位）',
  },
  {
    series: 'dibao.rural',
    amountFen: 76_000,
    effectiveFrom: '2025-01-01',
    reason: '演示数据：§15 默认值（占位）',
  },
  {
    series: 'tekun_care.SELF_CARE',
    amountFen: 20_000,
    effectiveFrom: '2025-01-01',
    reason: '演示数据：§15 默认值（占位）',
  },
  {
    series: 'tekun_care.PARTIAL_LOSS',
    amountFen: 60_000,
    effectiveFrom: '2025-01-01',
    reason: '演示数据：§15 默认值（占位）',
  },
  {
    series: 'tekun_care.FULL_LOSS',
    amountFen: 120_000,
    effectiveFrom: '2025-01-01',
    reason: '演示数据：§15 默认值（占位）',
  },
];

export type DemoOptions = { seed?: number; households?: number; onProgress?: (p: JobProgress) => void };

export async function isEmpty(s: Pick<Services, 'db'>): Promise<boolean> {
  const row = await s.db.selectFrom('admin_unit').select('code').limit(1).executeTakeFirst();
  return !row;
}

export function demoUsers(passwordHash: string): NewUser[] {
  const d = demoDivisions();
  const u = (username: string, displayName: string, role: Role, jurisdictionCode: string): NewUser => ({
    username,
    displayName,
    role,
    jurisdictionCode,
    passwordHash,
    mustChangePassword: false,
  });
  return [
    u('admin', '区民政管理员', 'district_admin', DEMO_COUNTY),
    u('district', '区民政经办人', 'district_officer', DEMO_COUNTY),
    u('auditor', '审计员', 'auditor', DEMO_COUNTY),
    ...d.towns.map((t) =>
      u(`town${t.code12.slice(6, 9)}`, `${t.name}经办人`, 'town_officer', t.code12.slice(0, 9)),
    ),
    ...d.villages.map((v) =>
      u(
        `v${v.code12.slice(6)}`,
        `${v.name.replace(/村委会|居委会/, '')}协理员`,
        'village_assistant',
        v.code12,
      ),
    ),
  ];
}

export async function runDemo(
  s: Services,
  opts: DemoOptions = {},
): Promise<{ households: number; persons: number; users: number; cases: number }> {
  const seed = opts.seed ?? 20251227;
  const divisions = demoDivisions();
  await upsertDivisions(s.db, divisions, undefined, s.clock.now());
  const users = demoUsers(await hashPassword(DEMO_PASSWORD));
  await createUsers(s.db, s.clock, users);
  await addStandards(s, systemContext(DEMO_COUNTY, `demo-${seed}`), DEMO_STANDARDS);

  const rng = createRng(seed);
  const rows = demoRows(rng, {
    households: opts.households ?? 6000,
    villages: divisions.villages,
    today: shanghaiDateOf(s.clock.now()),
  });
  const file = path.join(importDir(s.config.dataDir), `demo-${seed}.csv`);
  fs.writeFileSync(file, toCsv(rows), { mode: 0o600 });
  const ctx = systemContext(DEMO_COUNTY, `demo-${seed}`);
  const unsubscribe = opts.onProgress ? s.jobs.onProgress((_id, p) => opts.onProgress!(p)) : () => {};
  const job = await s.jobs.enqueue({
    name: IMPORT_JOB,
    countyCode: DEMO_COUNTY,
    scope: `demo-${seed}`,
    createdBy: null,
    payload: {
      file,
      filename: path.basename(file),
      format: 'csv',
      actor: ctx.actor,
      requestId: ctx.requestId,
      clientIp: ctx.clientIp,
    },
  });
  await s.jobs.drain();
  unsubscribe();
  const done = await s.db
    .selectFrom('job')
    .select(['status', 'result', 'error'])
    .where('id', '=', job.id)
    .executeTakeFirstOrThrow();
  const result = done.result as {
    ok?: boolean;
    households?: number;
    persons?: number;
    errors?: unknown[];
  } | null;
  if (done.status !== 'succeeded' || !result?.ok) {
    throw new Error(`demo import failed: ${JSON.stringify(done.error ?? result?.errors?.slice(0, 5))}`);
  }
  const cases = await runDemoCases(s, createRng(seed + 1), {
    scale: (opts.households ?? 6000) / 6000,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // The departments' data (§8.2), the checks the open applications wait for (§8.3), then the
  // rural-revitalisation list, a comparison run and the alerts being handled (§7).
  await deliverDemoFeeds(s, createRng(seed + 2));
  await runDemoChecks(s);
  await runDemoMonitoring(s, createRng(seed + 3));
  // Care services for dispersed 特困 persons, charity, then the village assistants' year, whose
  // monthly metrics read the alerts and reviews above.
  await runDemoCare(s, createRng(seed + 4));
  await runDemoCharity(s, createRng(seed + 5));
  await runDemoGrassroots(s, createRng(seed + 6));
  // The catalogue of 37 policies finds people and refers them to the departments (§9.3); the
  // portal's inbox gets a few complaints and an objection (§9.5).
  await runDemoPolicies(s, createRng(seed + 7));
  return {
    households: result.households ?? 0,
    persons: result.persons ?? 0,
    users: users.length,
    cases: cases.cases,
  };
}
