import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';
import { PLEDGE } from './portal.models.ts';
import { codeFromOutbox, newIp, PDF_BYTES, PNG_BYTES, portalLogin, pub, upload } from './portal.testkit.ts';

// 码上办 through the API (§9.5; S1 Art.4, Art.9; §2.2): identity by ID number and a texted code
// without a registry oracle, uploads checked by content, the application entering the case
// lifecycle at SUBMITTED with channel PORTAL, and the applicant's own status page.

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T09:00:00+08:00' });
});
afterAll(async () => {
  await env?.close();
});

let phoneSeq = 0;
/** Distinct last four digits, so each phone's mask is unique in the outbox. */
const newPhone = () => `1380000${String(++phoneSeq).padStart(4, '0')}`;

const application = (over: Record<string, unknown> = {}) => ({
  scheme: 'DIBAO',
  villageCode: '370971001201',
  applicantName: '赵网申',
  members: [],
  address: '北集坡街道测试路 9 号',
  reason: '丈夫去世，本人无固定收入',
  monthlyIncomeYuan: 300,
  consent: true,
  pledge: true,
  ...over,
});

describe('identity by ID number and a texted code (§9.5: no registry oracle)', () => {
  it('answers a code request byte for byte the same for a registered and an unregistered ID number', async () => {
    const registered = nextIdNumber();
    await buildHousehold(env, { members: [buildPerson({ idNumber: registered })] });
    const a = await pub(env, 'POST', '/api/public/v1/otp', {
      ip: newIp(),
      body: { idNumber: registered, phone: newPhone() },
    });
    const b = await pub(env, 'POST', '/api/public/v1/otp', {
      ip: newIp(),
      body: { idNumber: nextIdNumber(), phone: newPhone() },
    });
    expect(a.statusCode).toBe(200);
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.body).toBe(a.body);
    expect(b.headers['content-type']).toBe(a.headers['content-type']);
    expect(a.json()).toEqual({ sent: true, resendAfterSeconds: 60 });
  });

  it('refuses an ID number with a wrong check digit on its field (GB 11643), before any code is sent', async () => {
    const id = nextIdNumber();
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const res = await pub(env, 'POST', '/api/public/v1/otp', {
      ip: newIp(),
      body: { idNumber: wrong, phone: newPhone() },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('idNumber');
  });

  it('gives a wrong code and an unknown ID number the same error, and kills a code after 5 wrong tries', async () => {
    const id = nextIdNumber();
    const phone = newPhone();
    const ip = newIp();
    await pub(env, 'POST', '/api/public/v1/otp', { ip, body: { idNumber: id, phone } });
    const code = await codeFromOutbox(env, phone);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const errorOf = (r: { json(): { error: Record<string, unknown> } }) => {
      const { requestId: _r, ...e } = r.json().error;
      return e;
    };
    const unknown = await pub(env, 'POST', '/api/public/v1/sessions', {
      ip,
      body: { idNumber: nextIdNumber(), phone, code },
    });
    expect(unknown.statusCode).toBe(400);
    for (let i = 0; i < 5; i++) {
      const wrong = await pub(env, 'POST', '/api/public/v1/sessions', {
        ip,
        body: { idNumber: id, phone, code: wrongCode },
      });
      expect(wrong.statusCode).toBe(400);
      expect(errorOf(wrong)).toEqual(errorOf(unknown));
    }
    const dead = await pub(env, 'POST', '/api/public/v1/sessions', {
      ip,
      body: { idNumber: id, phone, code },
    });
    expect(dead.statusCode).toBe(400);
    expect(errorOf(dead)).toEqual(errorOf(unknown));
  });

  it('lets a code live 10 minutes and a session 2 hours', async () => {
    const id = nextIdNumber();
    const phone = newPhone();
    const ip = newIp();
    const start = env.clock.now();
    await pub(env, 'POST', '/api/public/v1/otp', { ip, body: { idNumber: id, phone } });
    const code = await codeFromOutbox(env, phone);
    env.clock.set(new Date(start.getTime() + 11 * 60_000));
    const late = await pub(env, 'POST', '/api/public/v1/sessions', {
      ip,
      body: { idNumber: id, phone, code },
    });
    expect(late.json().error.code).toBe('portal.code_invalid');

    env.clock.set(new Date(start.getTime() + 12 * 60_000));
    const token = await portalLogin(env, id, phone, ip);
    const mine = await pub(env, 'GET', '/api/public/v1/my/applications', { token, ip });
    expect(mine.statusCode).toBe(200);
    env.clock.set(new Date(start.getTime() + (12 + 121) * 60_000));
    const expired = await pub(env, 'GET', '/api/public/v1/my/applications', { token, ip });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('portal.session_required');
    env.clock.set(start);
  });
});

describe('uploads (jpg / png / pdf by content, ≤ 10 MB, bound to the session)', () => {
  it('takes a PNG and a PDF, and refuses a file that is neither whatever its name, or one over 10 MB', async () => {
    const token = await portalLogin(env, nextIdNumber(), newPhone());
    const png = await upload(env, token, '户口本.png', PNG_BYTES);
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json()).toMatchObject({ fileName: '户口本.png', bytes: PNG_BYTES.length });
    expect((await upload(env, token, '病历.pdf', PDF_BYTES)).statusCode).toBe(201);
    const exe = await upload(env, token, 'photo.jpg', Buffer.from('MZ\x90\x00 not a picture'));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details[0].field).toBe('file');
    const big = await upload(
      env,
      token,
      'big.pdf',
      Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]),
    );
    expect(big.statusCode).toBe(413);
    expect((await upload(env, 'not-a-session-token-at-all', 'a.png', PNG_BYTES)).statusCode).toBe(401);
  });
});

describe('the online application (S1 Art.4: online applications enter the lifecycle at SUBMITTED)', () => {
  it('registers an unknown applicant’s household in the chosen village, opens the case at SUBMITTED with channel PORTAL, and the town sees it', async () => {
    const id = nextIdNumber('1968-04-02', 2);
    const spouse = nextIdNumber('1966-01-09', 1);
    const phone = newPhone();
    const token = await portalLogin(env, id, phone);
    const up = (await upload(env, token, '收入证明.pdf', PDF_BYTES)).json().attachmentId as string;
    const res = await pub(env, 'POST', '/api/public/v1/applications', {
      token,
      body: application({
        members: [{ name: '钱配偶', idNumber: spouse, relation: '10' }],
        attachmentIds: [up],
      }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created.state).toBe('SUBMITTED');
    expect(created.caseNo).toMatch(/^DB-370971-2026-\d{6}$/);

    const town = await signIn(env, 'town001');
    const worklist = (await town('GET', '/api/v1/cases?state=SUBMITTED&limit=200')).json();
    const row = worklist.items.find((c: { id: string }) => c.id === created.id);
    expect(row).toMatchObject({ channel: 'PORTAL', state: 'SUBMITTED', villageCode: '370971001201' });
    const detail = (await town('GET', `/api/v1/cases/${created.id}`)).json();
    expect(detail.members).toHaveLength(2);
    expect(
      detail.members.every((m: { consentSignedOn: string | null }) => m.consentSignedOn === '2026-06-15'),
    ).toBe(true);
    const first = detail.timeline[0];
    expect(first).toMatchObject({ type: 'APPLY', actorName: '申请人（网上）', actorRole: 'citizen' });
    expect(first.payload.pledge.version).toBe(PLEDGE.version);
    expect(first.attachments).toEqual([
      expect.objectContaining({ kind: 'DOCUMENT', filename: '收入证明.pdf' }),
    ]);

    const attached = await env.db
      .selectFrom('case_attachment')
      .select(['kind', 'mime'])
      .where('case_id', '=', created.id)
      .execute();
    expect(attached).toEqual([{ kind: 'DOCUMENT', mime: 'application/pdf' }]);
    const consents = await env.db
      .selectFrom('case_consent')
      .select('document_ref')
      .where('case_id', '=', created.id)
      .execute();
    expect(consents.map((c) => c.document_ref).sort()).toEqual(
      [
        expect.stringContaining('本人网上授权核对'),
        expect.stringContaining('申请人网上声明已征得本人同意'),
      ].sort(),
    );
    // The new household's people are sealed like any registry person.
    const people = await env.db
      .selectFrom('person')
      .select(['id_number_mask', 'name_mask'])
      .where('id_number_bidx', 'in', [
        env.cipher.blindIndex('id_number', id),
        env.cipher.blindIndex('id_number', spouse),
      ])
      .execute();
    expect(people.map((p) => p.name_mask).sort()).toEqual(['赵*申', '钱*偶'].sort());

    const mine = (await pub(env, 'GET', '/api/public/v1/my/applications', { token })).json();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({
      id: created.id,
      state: 'SUBMITTED',
      stateLabel: expect.stringContaining('已提交'),
      villageName: expect.any(String),
      timeline: [{ type: 'APPLY', label: '网上提交申请', state: 'SUBMITTED', on: '2026-06-15' }],
    });

    // The same ID number verified with another phone sees nothing of it.
    const other = await portalLogin(env, id, newPhone());
    expect((await pub(env, 'GET', '/api/public/v1/my/applications', { token: other })).json().items).toEqual(
      [],
    );

    // The town accepts it: the applicant sees the step, without who did it.
    const accepted = await town('POST', `/api/v1/cases/${created.id}/events`, { type: 'ACCEPT' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = await pub(env, 'GET', '/api/public/v1/my/applications', { token });
    expect(after.json().items[0].state).toBe('ACCEPTED');
    expect(after.json().items[0].timeline.map((s: { type: string }) => s.type)).toEqual(['APPLY', 'ACCEPT']);
    expect(after.body).not.toContain('town001');
  });

  it('keeps a registered household in its own village, whatever village the form names', async () => {
    const id = nextIdNumber();
    const h = await buildHousehold(env, {
      villageCode: '370971001202',
      members: [buildPerson({ idNumber: id })],
    });
    const token = await portalLogin(env, id, newPhone());
    const res = await pub(env, 'POST', '/api/public/v1/applications', {
      token,
      body: application({ villageCode: '370971002201' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const c = await env.db
      .selectFrom('assistance_case')
      .select(['household_id', 'village_code', 'town_code', 'channel'])
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({
      household_id: h.id,
      village_code: '370971001202',
      town_code: '370971001',
      channel: 'PORTAL',
    });

    const again = await pub(env, 'POST', '/api/public/v1/applications', { token, body: application() });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0]).toMatchObject({
      field: 'scheme',
      message: expect.stringContaining('请勿重复提交'),
    });
    // Another scheme is another application (特困, the applicant as its subject).
    const tekun = await pub(env, 'POST', '/api/public/v1/applications', {
      token,
      body: application({ scheme: 'TEKUN' }),
    });
    expect(tekun.statusCode, tekun.body).toBe(201);
    expect(tekun.json().state).toBe('SUBMITTED');
  });

  it('takes a second application for a household with a case in progress like any other (no registry oracle, §2.2); the town cannot accept it and records 不予受理 (S1 Art.10)', async () => {
    const id = nextIdNumber();
    await buildHousehold(env, { villageCode: '370971001203', members: [buildPerson({ idNumber: id })] });
    const first = await pub(env, 'POST', '/api/public/v1/applications', {
      token: await portalLogin(env, id, newPhone()),
      body: application(),
    });
    expect(first.statusCode, first.body).toBe(201);
    // Someone else with the same ID number and another phone: the same answer as a fresh application.
    const other = await pub(env, 'POST', '/api/public/v1/applications', {
      token: await portalLogin(env, id, newPhone()),
      body: application(),
    });
    const fresh = await pub(env, 'POST', '/api/public/v1/applications', {
      token: await portalLogin(env, nextIdNumber(), newPhone()),
      body: application(),
    });
    expect(other.statusCode, other.body).toBe(201);
    expect(Object.keys(other.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(other.json().state).toBe(fresh.json().state);

    const town = await signIn(env, 'town001');
    expect(
      (await town('POST', `/api/v1/cases/${first.json().id}/events`, { type: 'ACCEPT' })).statusCode,
    ).toBe(200);
    const refused = await town('POST', `/api/v1/cases/${other.json().id}/events`, { type: 'ACCEPT' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('cases.duplicate_application');
    expect(refused.json().error.message).toContain(first.json().caseNo);
    const noReason = await town('POST', `/api/v1/cases/${other.json().id}/events`, {
      type: 'NOT_ACCEPTED',
      reasons: '',
    });
    expect(noReason.statusCode).toBe(400);
    const closed = await town('POST', `/api/v1/cases/${other.json().id}/events`, {
      type: 'NOT_ACCEPTED',
      reasons: '该户已有同类案件在办，重复申请',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'CLOSED_REJECTED', stage: 'CLOSED' });
  });

  it('answers a declared member registered in another household exactly like an unknown one, and leaves the member for the town (no registry oracle, §2.2)', async () => {
    const elsewhere = nextIdNumber();
    await buildHousehold(env, { members: [buildPerson({ idNumber: elsewhere })] });
    const submit = async (second: string) =>
      pub(env, 'POST', '/api/public/v1/applications', {
        token: await portalLogin(env, nextIdNumber(), newPhone()),
        body: application({
          members: [
            { name: '孙一', idNumber: nextIdNumber('1995-02-03'), relation: '20' },
            { name: '孙二', idNumber: second, relation: '30' },
          ],
        }),
      });
    const known = await submit(elsewhere);
    const unknown = await submit(nextIdNumber('1996-03-04'));
    expect(known.statusCode, known.body).toBe(201);
    expect(unknown.statusCode, unknown.body).toBe(201);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    expect(known.json().state).toBe(unknown.json().state);
    const apply = await env.db
      .selectFrom('case_event')
      .select('payload')
      .where('case_id', '=', known.json().id)
      .where('type', '=', 'APPLY')
      .executeTakeFirstOrThrow();
    expect((apply.payload as Record<string, unknown>).declaredMembersInOtherHouseholds).toBe(1);
    const members = await env.db
      .selectFrom('assistance_case as c')
      .innerJoin('household_member as m', 'm.household_id', 'c.household_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('c.id', '=', known.json().id)
      .where('m.left_on', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(members.n)).toBe(2);
  });

  it('checks declared members like the registry does: check digit, relation to the applicant, no duplicates', async () => {
    const token = await portalLogin(env, nextIdNumber(), newPhone());
    const good = nextIdNumber('1990-01-01');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await pub(env, 'POST', '/api/public/v1/applications', {
      token,
      body: application({
        members: [
          { name: '周一', idNumber: bad, relation: '20' },
          { name: '周二', idNumber: good, relation: '02' },
          { name: '周三', idNumber: good, relation: '20' },
        ],
      }),
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['members.0.idNumber', 'members.1.relation', 'members.2.idNumber']),
    );
  });

  it('needs a session, and uses an upload only with the session that made it', async () => {
    expect((await pub(env, 'POST', '/api/public/v1/applications', { body: application() })).statusCode).toBe(
      401,
    );
    const a = await portalLogin(env, nextIdNumber(), newPhone());
    const b = await portalLogin(env, nextIdNumber(), newPhone());
    const up = (await upload(env, a, 'a.png', PNG_BYTES)).json().attachmentId as string;
    const res = await pub(env, 'POST', '/api/public/v1/applications', {
      token: b,
      body: application({ attachmentIds: [up] }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('attachmentIds.0');
  });
});
