import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHousehold, buildPerson, nextIdNumber } from '../../test/factories.ts';
import { createTestEnv, signIn, type TestEnv } from '../../test/harness.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe('household registry over HTTP', () => {
  it('creates a household, derives sex and birth date from the ID number, and masks it in the list', async () => {
    const api = await signIn(env, 'town001');
    const id = nextIdNumber('1955-01-01', 2);
    const res = await api('POST', '/api/v1/households', {
      villageCode: '370971001201',
      members: [{ name: '赵秀英', idNumber: id, relationCode: '02', phone: '13812345678' }],
    });
    expect(res.statusCode).toBe(201);
    const { id: hid, householdNo } = res.json();
    expect(householdNo).toMatch(/^37097100120100\d{3}$/);
    const detail = (await api('GET', `/api/v1/households/${hid}`)).json();
    expect(detail.members[0]).toMatchObject({
      name: '赵秀英',
      sex: 2,
      birthDate: '1955-01-01',
      idNumberMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      phoneMasked: '138****5678',
    });
    const list = (await api('GET', `/api/v1/households?q=${householdNo}`)).json();
    expect(list.total).toBe(1);
    expect(JSON.stringify(list)).not.toContain(id);
    expect(list.items[0].headNameMasked).toBe('赵*英');
  });

  it('reports a wrong check digit at the field, in Chinese and English, and writes nothing', async () => {
    const api = await signIn(env, 'town001');
    const before = await env.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await api('POST', '/api/v1/households', {
      villageCode: '370971001201',
      members: [{ name: '钱一', idNumber: '370911195501010027', relationCode: '02' }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation.failed');
    expect(body.error.details).toEqual([
      {
        field: 'members.0.idNumber',
        message: '校验位错误：应为 6',
        messageEn: 'check digit is wrong: expected 6',
        expected: '6',
      },
    ]);
    expect(body.error.requestId).toBeTruthy();
    const after = await env.db
      .selectFrom('household')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('refuses a person who is already an active member elsewhere, naming that household', async () => {
    const first = await buildHousehold(env);
    const detail = await env.db
      .selectFrom('household_member')
      .innerJoin('person', 'person.id', 'household_member.person_id')
      .select(['person.id_number_enc'])
      .where('household_member.household_id', '=', first.id)
      .where('household_member.relation_code', '=', '02')
      .executeTakeFirstOrThrow();
    const idNumber = env.cipher.decrypt(detail.id_number_enc);
    const api = await signIn(env, 'town001');
    const res = await api('POST', '/api/v1/households', {
      villageCode: '370971001202',
      members: [buildPerson({ idNumber })],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ field: 'members.0.idNumber' });
    expect(res.json().error.details[0].message).toContain(first.householdNo);
  });

  it('requires exactly one head and reports duplicate ID numbers within the household', async () => {
    const api = await signIn(env, 'town001');
    const dup = nextIdNumber();
    const res = await api('POST', '/api/v1/households', {
      villageCode: '370971001201',
      members: [
        buildPerson({ idNumber: dup, relationCode: '20' }),
        buildPerson({ idNumber: dup, relationCode: '30' }),
      ],
    });
    const fields = res.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['members', 'members.1.idNumber']));
  });

  it('keeps every change in the history with who, why and before/after', async () => {
    const h = await buildHousehold(env);
    const api = await signIn(env, 'town001');
    const upd = await api('PATCH', `/api/v1/households/${h.id}`, {
      expectedVersion: 1,
      reason: '门牌号变更',
      address: '新地址 8 号',
    });
    expect(upd.statusCode).toBe(200);
    const stale = await api('PATCH', `/api/v1/households/${h.id}`, {
      expectedVersion: 1,
      reason: '再次修改',
      address: '另一个地址',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('registry.version_conflict');
    const hist = (await api('GET', `/api/v1/households/${h.id}/history`)).json().items;
    expect(hist[0]).toMatchObject({
      action: 'household_updated',
      reason: '门牌号变更',
      actorName: 'town001 测试',
      changes: { address: { before: '测试路 1 号', after: '新地址 8 号' } },
    });
    expect(hist[1]).toMatchObject({ action: 'create' });
  });

  it('records where a household lives apart from where it is registered, with the change in history', async () => {
    const api = await signIn(env, 'town001');
    const res = await api('POST', '/api/v1/households', {
      villageCode: '370971001201',
      residenceCode: '370902001001',
      members: [buildPerson()],
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    expect((await api('GET', `/api/v1/households/${id}`)).json().residenceCode).toBe('370902001001');
    const bad = await api('PATCH', `/api/v1/households/${id}`, {
      expectedVersion: 1,
      reason: '搬回户籍地',
      residenceCode: '3709',
    });
    expect(bad.json().error.details[0].field).toBe('residenceCode');
    const ok = await api('PATCH', `/api/v1/households/${id}`, {
      expectedVersion: 1,
      reason: '搬回户籍地',
      residenceCode: null,
    });
    expect(ok.statusCode).toBe(200);
    expect((await api('GET', `/api/v1/households/${id}`)).json().residenceCode).toBeNull();
    const hist = (await api('GET', `/api/v1/households/${id}/history`)).json().items;
    expect(hist[0].changes.residenceCode).toEqual({ before: '370902001001', after: null });
  });

  it('lets a member leave and closes the household when the last member leaves', async () => {
    const h = await buildHousehold(env);
    const api = await signIn(env, 'town001');
    const detail = (await api('GET', `/api/v1/households/${h.id}`)).json();
    const head = detail.members.find((m: { relationCode: string }) => m.relationCode === '02');
    const spouse = detail.members.find((m: { relationCode: string }) => m.relationCode !== '02');
    const headFirst = await api('POST', `/api/v1/households/${h.id}/members/${head.memberId}/leave`, {
      expectedVersion: 1,
      reason: '迁往外地',
    });
    expect(headFirst.json().error.code).toBe('registry.head_required');
    expect(
      (
        await api('POST', `/api/v1/households/${h.id}/members/${spouse.memberId}/leave`, {
          expectedVersion: 1,
          reason: '迁往外地',
        })
      ).statusCode,
    ).toBe(200);
    const last = await api('POST', `/api/v1/households/${h.id}/members/${head.memberId}/leave`, {
      expectedVersion: 2,
      reason: '死亡注销',
    });
    expect(last.json()).toMatchObject({ householdClosed: true });
    // The person who left can now join another household.
    const again = await api('POST', '/api/v1/households', {
      villageCode: '370971001202',
      members: [{ name: spouse.name, idNumber: await revealId(spouse.personId), relationCode: '02' }],
    });
    expect(again.statusCode).toBe(201);
  });

  it('reveals a full ID number only to permitted roles, and audits each reveal', async () => {
    const h = await buildHousehold(env, {}, 'v001201');
    const village = await signIn(env, 'v001201');
    const detail = (await village('GET', `/api/v1/households/${h.id}`)).json();
    const pid = detail.members[0].personId;
    const denied = await village('POST', `/api/v1/persons/${pid}/reveal`, {
      field: 'idNumber',
      reason: '核实身份',
    });
    expect(denied.statusCode).toBe(403);
    const town = await signIn(env, 'town001');
    const ok = await town('POST', `/api/v1/persons/${pid}/reveal`, { field: 'idNumber', reason: '核实身份' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().value).toMatch(/^\d{17}[\dX]$/);
    const audit = await env.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'registry.reveal')
      .where('record_id', '=', pid)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ field: 'idNumber', reason: '核实身份' });
    expect(JSON.stringify(audit[0]!.detail)).not.toContain(ok.json().value);
  });

  it('finds households by full name and by ID number without storing either in clear', async () => {
    const id = nextIdNumber('1980-02-02');
    const h = await buildHousehold(env, { members: [buildPerson({ name: '欧阳娜娜', idNumber: id })] });
    const api = await signIn(env, 'district');
    expect(
      (await api('GET', `/api/v1/households?q=${encodeURIComponent('欧阳娜娜')}`))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toContain(h.id);
    expect(
      (await api('GET', `/api/v1/households?q=${id}`)).json().items.map((i: { id: string }) => i.id),
    ).toEqual([h.id]);
    const raw = await env.db.selectFrom('person').selectAll().execute();
    expect(JSON.stringify(raw)).not.toContain(id);
  });
});

async function revealId(personId: string) {
  const row = await env.db
    .selectFrom('person')
    .select('id_number_enc')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return env.cipher.decrypt(row.id_number_enc);
}
