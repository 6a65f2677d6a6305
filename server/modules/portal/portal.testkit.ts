import { expect } from 'vitest';
import { PORTAL_TOKEN_HEADER } from '../../../contracts/portal.ts';
import { maskPhone } from '../../rules/masking.ts';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { signIn, type TestEnv } from '../../test/harness.ts';

// Helpers of the portal's route tests: a citizen's request (its own client address, so the rate
// limits of one test never spill into another), the code read from the SMS outbox the way staff (and
// the e2e journey) read it, and a session opened with it.

let nextIp = 1;
/** A fresh client address per caller: buckets are per address. */
export const newIp = () => `10.77.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

export type PublicCall = {
  body?: unknown;
  token?: string;
  ip?: string;
  headers?: Record<string, string>;
};

export function pub(env: Pick<TestEnv, 'app'>, method: 'GET' | 'POST', url: string, c: PublicCall = {}) {
  return env.app.inject({
    method,
    url,
    remoteAddress: c.ip ?? '10.0.0.1',
    payload: c.body as never,
    headers: { ...(c.token ? { [PORTAL_TOKEN_HEADER]: c.token } : {}), ...(c.headers ?? {}) },
  });
}

/** The newest verification code texted to `phone`, as staff with portal.outbox read it. */
export async function codeFromOutbox(env: TestEnv, phone: string): Promise<string> {
  const district = await signIn(env, 'district');
  const res = await district('GET', '/api/v1/portal/sms-outbox?pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  const item = (res.json().items as { phoneMask: string; template: string; body: string }[]).find(
    (i) => i.template === 'OTP' && i.phoneMask === maskPhone(phone),
  );
  expect(item, `no code texted to ${maskPhone(phone)}`).toBeDefined();
  return /验证码为 (\d{6})/.exec(item!.body)![1]!;
}

/** Requests a code, reads it from the outbox and opens a session: the session token. */
export async function portalLogin(
  env: TestEnv,
  idNumber: string,
  phone: string,
  ip = newIp(),
): Promise<string> {
  const otp = await pub(env, 'POST', '/api/public/v1/otp', { ip, body: { idNumber, phone } });
  expect(otp.statusCode, otp.body).toBe(200);
  const code = await codeFromOutbox(env, phone);
  const s = await pub(env, 'POST', '/api/public/v1/sessions', { ip, body: { idNumber, phone, code } });
  expect(s.statusCode, s.body).toBe(201);
  return s.json().token as string;
}

/** A minimal multipart/form-data body with one file. */
export function multipartFile(filename: string, bytes: Buffer, mime = 'application/octet-stream') {
  const boundary = `----huijiu${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const PNG_BYTES = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('0000000d49484452', 'hex'),
  Buffer.alloc(64, 1),
]);
export const PDF_BYTES = Buffer.from('%PDF-1.4\n%测试\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Uploads one file with the session; the answer. */
export function upload(
  env: Pick<TestEnv, 'app'>,
  token: string,
  filename: string,
  bytes: Buffer,
  ip?: string,
) {
  const m = multipartFile(filename, bytes);
  return env.app.inject({
    method: 'POST',
    url: '/api/public/v1/uploads',
    remoteAddress: ip ?? '10.0.0.2',
    payload: m.payload,
    headers: { ...m.headers, [PORTAL_TOKEN_HEADER]: token },
  });
}

type StaffApi = Awaited<ReturnType<typeof signIn>>;

async function step(api: StaffApi, id: string, body: Record<string, unknown>) {
  const res = await api('POST', `/api/v1/cases/${id}/events`, body);
  expect(res.statusCode, `${body.type}: ${res.body}`).toBe(200);
}

/**
 * A village with what 码上查 publishes: a 低保 application in its 7-day publicity (初审公示) and an
 * active 低保 case (长期公布). Members carry phones and an address: with their ID numbers, what must
 * never leak onto a public page.
 */
export async function seedNotices(
  env: TestEnv,
  opts: { villageCode?: string; publicityHead?: string; activeHead?: string } = {},
) {
  const villageCode = opts.villageCode ?? '370971001201';
  const town = await signIn(env, 'town001');
  const village = await signIn(env, 'v001201');
  const pending = await buildHousehold(env, {
    villageCode,
    address: '北集坡街道幸福路 18 号',
    members: [
      buildPerson({ name: opts.publicityHead ?? '欧阳测试', phone: '13912345678' }),
      buildPerson({
        name: '李配偶',
        relationCode: '12',
        idNumber: nextIdNumber('1972-03-08', 2),
        phone: '13987654321',
      }),
    ],
  });
  const app = await town('POST', '/api/v1/cases/applications', {
    householdId: pending.id,
    scheme: 'DIBAO',
    pledgeSigned: true,
  });
  expect(app.statusCode, app.body).toBe(201);
  const caseId = app.json().id as string;
  const people = (
    await env.db
      .selectFrom('household_member')
      .select('person_id')
      .where('household_id', '=', pending.id)
      .execute()
  ).map((p) => p.person_id);
  await step(town, caseId, { type: 'ACCEPT' });
  await step(town, caseId, { type: 'START_INVESTIGATION' });
  for (const personId of people)
    await step(town, caseId, { type: 'RECORD_CONSENT', personId, documentRef: '授权书' });
  await step(town, caseId, { type: 'REQUEST_CHECK' });
  await step(town, caseId, {
    type: 'RECORD_INVESTIGATION',
    investigators: ['甲', '乙'],
    visitMode: 'ON_SITE',
    findings: '核实属实',
    facts: {
      members: [
        { age: 50, relation: 'head', wageFenPerMonth: 30_000 },
        { age: 48, relation: 'spouse', wageFenPerMonth: 0 },
      ],
    },
  });
  // An opinion that carries a phone number by mistake: the portal must still not show it.
  await step(town, caseId, { type: 'DRAFT_OPINION', opinion: '拟纳入低保，联系电话 13912345678' });
  await step(village, caseId, { type: 'PUBLISH' });

  const active = await buildHousehold(env, {
    villageCode,
    members: [
      buildPerson({ name: opts.activeHead ?? '司马在保', phone: '13811112222' }),
      buildPerson({ name: '司马家属', relationCode: '20', idNumber: nextIdNumber('2001-07-01') }),
    ],
  });
  const admin = await signIn(env, 'admin');
  const legacy = await admin('POST', '/api/v1/cases/legacy', {
    reason: '原系统迁移（测试）',
    cases: [
      {
        householdId: active.id,
        scheme: 'DIBAO',
        decidedOn: '2026-01-05',
        amountFen: 52_000,
        householdSize: 2,
        netIncomeFen: 0,
        sourceRef: `OLD-${active.id.slice(0, 6)}`,
      },
    ],
  });
  expect(legacy.statusCode, legacy.body).toBe(201);
  return { publicityCaseId: caseId, activeCaseId: legacy.json().created[0].id as string, villageCode };
}
