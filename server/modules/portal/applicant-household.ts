import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { portalApplicationInput } from '../../../contracts/portal.ts';
import { personInput } from '../../../contracts/registry.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import type { PersonalDataCipher } from '../../platform/crypto.ts';
import { errors, type FieldIssue } from '../../platform/errors.ts';
import { toFieldIssues } from '../../platform/validation.ts';
import { urbanRuralOf } from '../../rules/divisions.ts';
import { HEAD_RELATION, type NormalizedPerson, validatePerson } from '../registry/registry.models.ts';
import { findPersonsByIdIndex } from '../registry/registry.repository.ts';
import { findMembershipConflicts, writeHouseholds } from '../registry/registry.writer.ts';
import { getHouseholdWithMembers } from '../registry/registry-read.repository.ts';
import type { PublicVillage } from './public-county.ts';

// The applicant's household for an online application (码上办, §9.5; §3.2 household membership):
// the household the applicant is a current member of, with its own village; or, for someone not in
// the registry, a new household in the chosen village, written through the registry's own writer
// (sealed names and ID numbers, validated ID numbers with their check digit, one active membership
// per person). The applicant becomes the head (户主, 02); declared relations are to the applicant.

type Trx = Transaction<DB>;
type Parsed = z.output<typeof portalApplicationInput>;

export type PreparedPeople = { applicant: NormalizedPerson; members: NormalizedPerson[] };

const SELF_RELATIONS = new Set(['01', HEAD_RELATION]);

/** The registry's field names as the portal form names them. */
const portalField = (field: string) =>
  field
    .replace(/^name$/, 'applicantName')
    .replace(/\.relationCode$/, '.relation')
    .replace(/^relationCode$/, 'applicantName');

function person(raw: Record<string, unknown>, prefix: string, today: string, issues: FieldIssue[]) {
  const parsed = personInput.safeParse(raw);
  if (!parsed.success) {
    issues.push(
      ...toFieldIssues(parsed.error.issues, prefix).map((i) => ({ ...i, field: portalField(i.field) })),
    );
    return null;
  }
  const r = validatePerson(parsed.data, prefix, today);
  if (!r.ok) {
    issues.push(...r.issues.map((i) => ({ ...i, field: portalField(i.field) })));
    return null;
  }
  return r.value;
}

/** Every problem with the declared people at once, each on its field (the form shows them all). */
export function preparePeople(input: Parsed, idNumber: string, phone: string, today: string): PreparedPeople {
  const issues: FieldIssue[] = [];
  const applicant = person(
    {
      name: input.applicantName,
      idNumber,
      relationCode: HEAD_RELATION,
      phone,
      // The household's declared income is held on the applicant until the investigation (§3.5).
      monthlyIncomeFen: Math.round(input.monthlyIncomeYuan * 100),
    },
    '',
    today,
    issues,
  );
  const members: NormalizedPerson[] = [];
  input.members.forEach((m, i) => {
    if (SELF_RELATIONS.has(m.relation))
      issues.push({
        field: `members.${i}.relation`,
        message: '申请人本人即为户主，其他成员请填写与申请人的关系（如 10 配偶、20 子、30 女）',
        messageEn: 'the applicant is the head; give each member’s relation to the applicant (e.g. 10 spouse)',
        expected: 'a GB/T 4761 code other than 01 and 02',
      });
    const p = person(
      { name: m.name, idNumber: m.idNumber, relationCode: m.relation },
      `members.${i}`,
      today,
      issues,
    );
    if (p) members.push(p);
  });
  const seen = new Map<string, string>([[idNumber, 'applicant']]);
  input.members.forEach((m, i) => {
    const id = m.idNumber.trim().toUpperCase();
    if (seen.has(id))
      issues.push({
        field: `members.${i}.idNumber`,
        message: seen.get(id) === 'applicant' ? '与申请人本人的身份证号相同' : '与前面的成员身份证号重复',
        messageEn:
          seen.get(id) === 'applicant'
            ? 'same ID number as the applicant'
            : 'same ID number as an earlier member',
      });
    else seen.set(id, `member ${i}`);
  });
  if (issues.length > 0 || !applicant) throw errors.validation(issues);
  return { applicant, members };
}

export type ApplicantHousehold = {
  householdId: string;
  created: boolean;
  applicantPersonId: string;
  /** Current members (registry rows) — the facts of the application start from them. */
  current: Awaited<ReturnType<typeof getHouseholdWithMembers>>;
  /** Persons whose consent the applicant declared online (declared members found in the household). */
  declaredPersonIds: string[];
  /** Declared members already active in another household: left out, for the town to settle. */
  declaredElsewhere: number;
};

/** Finds or registers the applicant's household, inside the application's transaction. */
export async function applicantHousehold(
  trx: Trx,
  cipher: PersonalDataCipher,
  ctx: RequestContext,
  at: Date,
  today: string,
  village: PublicVillage,
  address: string,
  people: PreparedPeople,
): Promise<ApplicantHousehold> {
  const county = ctx.actor.countyCode;
  const all = { column: 'county_code' as const, value: county };
  const applicantBidx = cipher.blindIndex('id_number', people.applicant.idNumber);
  const [known] = await findPersonsByIdIndex(trx, county, [applicantBidx]);
  if (known?.household_id) {
    // A registered household keeps its own village (and town): the application goes where it lives.
    const current = (await getHouseholdWithMembers(trx, county, all, known.household_id)).filter(
      (m) => m.left_on === null,
    );
    const declared = new Set(
      people.members.map((m) => cipher.blindIndex('id_number', m.idNumber).toString('hex')),
    );
    const bidx = await trx
      .selectFrom('person')
      .select(['id', 'id_number_bidx'])
      .where('county_code', '=', county)
      .where(
        'id',
        'in',
        current.map((m) => m.id),
      )
      .execute();
    const declaredPersonIds = bidx
      .filter((p) => declared.has(p.id_number_bidx.toString('hex')))
      .map((p) => p.id);
    return {
      householdId: known.household_id,
      created: false,
      applicantPersonId: known.id,
      current,
      declaredPersonIds,
      declaredElsewhere: 0,
    };
  }
  const everyone = [people.applicant, ...people.members];
  const { conflicts, existing } = await findMembershipConflicts(
    trx,
    cipher,
    county,
    everyone.map((m, i) => ({
      idNumber: m.idNumber,
      field: i === 0 ? 'idNumber' : `members.${i - 1}.idNumber`,
    })),
  );
  // A declared member registered in another household is left out of the new one and counted for
  // the town, which settles it at acceptance. Refusing would tell whoever holds an ID number and a
  // phone that the person is in the registry (no registry oracle, §2.2).
  const elsewhere = new Set(conflicts.map((c) => c.field));
  const newcomers = everyone.filter((_, i) => i === 0 || !elsewhere.has(`members.${i - 1}.idNumber`));
  const [created] = await writeHouseholds(
    trx,
    cipher,
    {
      countyCode: county,
      actorId: null,
      actorName: ctx.actor.displayName,
      at,
      today,
      reason: '码上办网上申请新建户',
    },
    [
      {
        village: {
          code: village.villageCode,
          townCode: village.townCode,
          countyCode: village.countyCode,
          urbanRural: village.urbanRuralCode ? urbanRuralOf(village.urbanRuralCode) : 'rural',
        },
        address,
        hukouType: '10',
        residenceCode: null,
        urbanRural: village.urbanRuralCode ? urbanRuralOf(village.urbanRuralCode) : 'rural',
        members: newcomers,
      },
    ],
    existing,
  );
  await appendAudit(trx, at, [
    {
      countyCode: county,
      ...auditActor(ctx),
      action: 'registry.household_created',
      recordType: 'household',
      recordId: created!.id,
      detail: { householdNo: created!.householdNo, members: newcomers.length, channel: 'PORTAL' },
    },
  ]);
  const current = (await getHouseholdWithMembers(trx, county, all, created!.id)).filter(
    (m) => m.left_on === null,
  );
  const head = current.find((m) => m.relation_code === HEAD_RELATION)!;
  return {
    householdId: created!.id,
    created: true,
    applicantPersonId: head.id,
    current,
    declaredPersonIds: current.filter((m) => m.id !== head.id).map((m) => m.id),
    declaredElsewhere: elsewhere.size,
  };
}
