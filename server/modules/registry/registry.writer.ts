import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import type { FieldIssue } from '../../platform/errors.ts';
import { publicPersonFields, sealPerson } from './registry.mapping.ts';
import { HEAD_RELATION, type NormalizedPerson } from './registry.models.ts';
import * as repo from './registry.repository.ts';

// The one path by which households enter the registry: the console's create form, the file import
// and the demo generator all end here.

export type Village = { code: string; townCode: string; countyCode: string; urbanRural: 'urban' | 'rural' };

export type PreparedHousehold = {
  village: Village;
  address: string;
  hukouType: string;
  residenceCode: string | null;
  urbanRural: 'urban' | 'rural';
  members: NormalizedPerson[];
};

export type WriteContext = {
  countyCode: string;
  actorId: string | null;
  actorName: string;
  at: Date;
  today: string;
  reason: string;
};

/** Active memberships that would be duplicated, as field issues naming the other household. */
export async function findMembershipConflicts(
  db: Transaction<DB> | import('kysely').Kysely<DB>,
  cipher: PersonalDataCipher,
  countyCode: string,
  members: { idNumber: string; field: string }[],
): Promise<{ conflicts: FieldIssue[]; existing: Map<string, string> }> {
  const bidx = members.map((m) => cipher.blindIndex('id_number', m.idNumber));
  const found = await repo.findPersonsByIdIndex(db, countyCode, bidx);
  const byIndex = new Map(found.map((f) => [f.id_number_bidx.toString('hex'), f]));
  const conflicts: FieldIssue[] = [];
  const existing = new Map<string, string>();
  members.forEach((m, i) => {
    const f = byIndex.get(bidx[i]!.toString('hex'));
    if (!f) return;
    if (f.household_no) {
      conflicts.push({
        field: m.field,
        message: `此人已是户 ${f.household_no} 的在册成员，不能同时属于两户；请先办理迁出`,
        messageEn: `this person is already an active member of household ${f.household_no}; record the move-out there first`,
        expected: 'a person not active in another household',
      });
    } else existing.set(m.idNumber, f.id);
  });
  return { conflicts, existing };
}

export type BuiltHouseholds = {
  byVillage: Map<string, number>;
  households: (repo.HouseholdRow & { villageCode: string })[];
  persons: repo.PersonRow[];
  reused: repo.PersonRow[];
  members: repo.MemberRow[];
  versions: repo.VersionRow[];
};

/**
 * The CPU half of a write: seals every identifier and builds all rows. Kept apart from
 * persistHouseholdRows so a bulk import can build the next chunk while the database writes this one.
 */
export function buildHouseholdRows(
  cipher: PersonalDataCipher,
  w: WriteContext,
  households: PreparedHousehold[],
  /** Persons already known (by normalised ID number) who are in no household now: reused, not duplicated. */
  existingPersons: Map<string, string> = new Map(),
): BuiltHouseholds {
  const b: BuiltHouseholds = {
    byVillage: new Map(),
    households: [],
    persons: [],
    reused: [],
    members: [],
    versions: [],
  };
  for (const h of households) {
    b.byVillage.set(h.village.code, (b.byVillage.get(h.village.code) ?? 0) + 1);
    const id = crypto.randomUUID();
    let headId = '';
    const memberSummary: Record<string, unknown>[] = [];
    for (const m of h.members) {
      const known = existingPersons.get(m.idNumber);
      const personId = known ?? crypto.randomUUID();
      const row = sealPerson(cipher, w.countyCode, personId, m, w.at);
      (known ? b.reused : b.persons).push(row);
      if (m.relationCode === HEAD_RELATION) headId = personId;
      b.members.push({
        county_code: w.countyCode,
        id: crypto.randomUUID(),
        household_id: id,
        person_id: personId,
        relation_code: m.relationCode,
        joined_on: w.today,
      });
      memberSummary.push({ relationCode: m.relationCode, ...publicPersonFields(row) });
    }
    b.households.push({
      county_code: w.countyCode,
      id,
      household_no: '',
      villageCode: h.village.code,
      town_code: h.village.townCode,
      village_code: h.village.code,
      address: h.address,
      hukou_type: h.hukouType,
      residence_code: h.residenceCode,
      urban_rural: h.urbanRural,
      head_person_id: headId,
      created_by: w.actorId,
      created_at: w.at,
    });
    b.versions.push({
      county_code: w.countyCode,
      household_id: id,
      entity_type: 'household',
      entity_id: id,
      action: 'create',
      actor_id: w.actorId,
      actor_name: w.actorName,
      at: w.at,
      reason: w.reason,
      changes: JSON.stringify({
        address: { before: null, after: h.address },
        hukouType: { before: null, after: h.hukouType },
        residenceCode: { before: null, after: h.residenceCode },
        urbanRural: { before: null, after: h.urbanRural },
        members: { before: null, after: memberSummary },
      }),
    });
  }
  return b;
}

/** The database half: numbers the households per village and inserts every row. */
export async function persistHouseholdRows(
  trx: Transaction<DB>,
  b: BuiltHouseholds,
): Promise<{ id: string; householdNo: string }[]> {
  const nextNo = await repo.reserveHouseholdNumbers(trx, b.byVillage);
  for (const h of b.households) {
    const no = nextNo.get(h.villageCode)!;
    nextNo.set(h.villageCode, no + 1);
    h.household_no = `${h.villageCode}${String(no).padStart(5, '0')}`;
  }
  await repo.insertPersons(trx, b.persons);
  for (const r of b.reused) await repo.overwritePerson(trx, r);
  await repo.insertHouseholds(
    trx,
    b.households.map(({ villageCode: _v, ...row }) => row),
  );
  await repo.insertMembers(trx, b.members);
  await repo.insertVersions(trx, b.versions);
  return b.households.map((h) => ({ id: h.id, householdNo: h.household_no }));
}

export async function writeHouseholds(
  trx: Transaction<DB>,
  cipher: PersonalDataCipher,
  w: WriteContext,
  households: PreparedHousehold[],
  existingPersons: Map<string, string> = new Map(),
): Promise<{ id: string; householdNo: string }[]> {
  return persistHouseholdRows(trx, buildHouseholdRows(cipher, w, households, existingPersons));
}
