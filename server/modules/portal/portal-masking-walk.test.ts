import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicRoutesOf } from '../../platform/rate-limit.ts';
import { nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { codeFromOutbox, newIp, PDF_BYTES, pub, seedNotices, upload } from './portal.testkit.ts';

// The masking walk (issue 7 "done when"; §2.2, §9.5): every route under /api/public/ is called with
// valid input after the registry holds households with ID numbers, phones and an address, one case
// in publicity and one active case — and no answer may carry an 18-character ID number or an
// unmasked mobile number. The walk knows every public route: a route added without a sample call
// here fails the test, so no public route goes unwalked.

let env: TestEnv;
let seeded: Awaited<ReturnType<typeof seedNotices>>;
const applicantId = nextIdNumber('1958-08-08', 1);
const applicantPhone = '13755556666';
const memberId = nextIdNumber('1960-10-10', 2);
const complaintPhone = '15800009999';

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
  seeded = await seedNotices(env);
});
afterAll(async () => {
  await env?.close();
});

type Walk = {
  token?: string;
  receipt?: { trackingNo: string; queryCode: string };
  policyCode?: string;
};
type Sample = {
  /** Method and URL pattern exactly as registered. */
  route: string;
  /** A route another part of issue 7 adds: walked once it exists. */
  pending?: true;
  call: (w: Walk) => Promise<LightMyRequestResponse>;
  /** Statuses that are still a valid answer for the sample (default: any 2xx / 3xx). */
  accept?: (status: number, w: Walk) => boolean;
};

const ip = newIp();
const SAMPLES: Sample[] = [
  { route: 'GET /api/public/v1/divisions', call: () => pub(env, 'GET', '/api/public/v1/divisions', { ip }) },
  {
    route: 'GET /api/public/v1/notices',
    call: () => pub(env, 'GET', `/api/public/v1/notices?villageCode=${seeded.villageCode}`, { ip }),
  },
  {
    route: 'POST /api/public/v1/otp',
    call: () =>
      pub(env, 'POST', '/api/public/v1/otp', { ip, body: { idNumber: applicantId, phone: applicantPhone } }),
  },
  {
    route: 'POST /api/public/v1/sessions',
    call: async (w) => {
      const code = await codeFromOutbox(env, applicantPhone);
      const res = await pub(env, 'POST', '/api/public/v1/sessions', {
        ip,
        body: { idNumber: applicantId, phone: applicantPhone, code },
      });
      w.token = res.json().token;
      return res;
    },
  },
  {
    route: 'POST /api/public/v1/uploads',
    call: (w) => upload(env, w.token!, '身份证复印件.pdf', PDF_BYTES, ip),
  },
  {
    route: 'POST /api/public/v1/applications',
    call: (w) =>
      pub(env, 'POST', '/api/public/v1/applications', {
        ip,
        token: w.token!,
        body: {
          scheme: 'DIBAO',
          villageCode: seeded.villageCode,
          applicantName: '吴网申',
          members: [{ name: '郑配偶', idNumber: memberId, relation: '10' }],
          address: '北集坡街道和平路 66 号',
          reason: '老两口无收入，身体不好',
          monthlyIncomeYuan: 0,
          consent: true,
          pledge: true,
        },
      }),
  },
  {
    route: 'GET /api/public/v1/my/applications',
    call: (w) => pub(env, 'GET', '/api/public/v1/my/applications', { ip, token: w.token! }),
  },
  {
    route: 'POST /api/public/v1/objections',
    call: () =>
      pub(env, 'POST', '/api/public/v1/objections', {
        ip,
        body: {
          noticeId: seeded.publicityCaseId,
          content: `该户有车，身份证 ${applicantId}，电话 ${applicantPhone}`,
          contactName: '王实名',
          contactPhone: complaintPhone,
        },
      }),
  },
  {
    route: 'POST /api/public/v1/complaints',
    call: async (w) => {
      const res = await pub(env, 'POST', '/api/public/v1/complaints', {
        ip,
        body: {
          villageCode: seeded.villageCode,
          category: 'ASSISTANCE_WRONG',
          content: `举报某户（${memberId}）条件不符`,
          contactName: '王实名',
          contactPhone: complaintPhone,
        },
      });
      w.receipt = res.json();
      return res;
    },
  },
  {
    route: 'GET /api/public/v1/submissions/:trackingNo',
    call: (w) =>
      pub(
        env,
        'GET',
        `/api/public/v1/submissions/${w.receipt!.trackingNo}?queryCode=${w.receipt!.queryCode}`,
        {
          ip,
        },
      ),
  },
  // 码上知 (policy catalogue, another part of issue 7).
  {
    route: 'GET /api/public/v1/policies',
    pending: true,
    call: async (w) => {
      const res = await pub(env, 'GET', '/api/public/v1/policies', { ip });
      w.policyCode = (res.json() as { items?: { code: string }[] }).items?.[0]?.code;
      return res;
    },
  },
  {
    route: 'GET /api/public/v1/policies/:code',
    pending: true,
    call: (w) => pub(env, 'GET', `/api/public/v1/policies/${w.policyCode ?? 'NONE'}`, { ip }),
    // With an empty catalogue there is no policy to open: the 404 body is still walked.
    accept: (s, w) => s < 400 || (w.policyCode === undefined && s === 404),
  },
  {
    // The printable leaflet (明白纸) is made from the catalogue alone; its bytes are walked all the same.
    route: 'GET /api/public/v1/policies/leaflet.pdf',
    pending: true,
    call: () => pub(env, 'GET', '/api/public/v1/policies/leaflet.pdf', { ip }),
  },
  {
    route: 'POST /api/public/v1/self-check',
    pending: true,
    call: () =>
      pub(env, 'POST', '/api/public/v1/self-check', {
        ip,
        body: {
          villageCode: seeded.villageCode,
          area: 'rural',
          members: [
            { age: 72, monthlyIncomeYuan: 150, disabilityGrade: 2 },
            { age: 70, sex: 'F', monthlyIncomeYuan: 0, seriousIllness: true },
          ],
          financialAssetsYuan: 2000,
        },
      }),
  },
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ID_NUMBER = /\d{17}[\dXx]/;
const MOBILE = /1[3-9]\d{9}/;

describe('the masking walk over every public route (§2.2)', () => {
  it('has a sample call for every public route, and no sample for a route that is gone', () => {
    const registered = publicRoutesOf(env.app).map((r) => `${r.method} ${r.url}`);
    const sampled = SAMPLES.map((s) => s.route);
    const missing = registered.filter((r) => !sampled.includes(r));
    expect(missing, 'public routes without a sample call in the masking walk: add one to SAMPLES').toEqual(
      [],
    );
    const stale = SAMPLES.filter((s) => !s.pending && !registered.includes(s.route)).map((s) => s.route);
    expect(stale).toEqual([]);
    expect(registered.length).toBeGreaterThanOrEqual(10);
  });

  it('finds no ID number and no unmasked mobile number in any answer', async () => {
    const registered = new Set(publicRoutesOf(env.app).map((r) => `${r.method} ${r.url}`));
    const w: Walk = {};
    const walked: string[] = [];
    for (const s of SAMPLES) {
      if (!registered.has(s.route)) continue;
      const res = await s.call(w);
      const ok = s.accept ? s.accept(res.statusCode, w) : res.statusCode < 400;
      expect(ok, `${s.route} → ${res.statusCode}: ${res.body.slice(0, 300)}`).toBe(true);
      // UUIDs are random hex: a run of their digits is not a number anybody owns.
      const body = res.body.replace(UUID, '<uuid>');
      expect(body, `${s.route} shows an ID number`).not.toMatch(ID_NUMBER);
      expect(body, `${s.route} shows a mobile number`).not.toMatch(MOBILE);
      for (const secret of ['欧阳测试', '司马在保', '幸福路', '和平路', '吴网申', '王实名'])
        expect(body, `${s.route} shows ${secret}`).not.toContain(secret);
      walked.push(s.route);
    }
    expect(walked).toEqual(SAMPLES.filter((s) => registered.has(s.route)).map((s) => s.route));
    expect(walked.length).toBeGreaterThanOrEqual(10);
  });
});
