import { creditCheckChar } from '../contracts/institutions.ts';
import { recordCaseEvent } from '../server/modules/cases/case-events.usecases.ts';
import { saveInstitution } from '../server/modules/institutions/institutions.usecases.ts';
import type { RequestContext } from '../server/platform/context.ts';
import type { Services } from '../server/services.ts';
import { createRng } from './random.ts';

// 集中供养 in the demo district (§5.4): one 敬老院 per town, and the migrated 特困 persons who chose
// it (S3 Art.19) placed there through the same use cases as the console: everyone who cannot care
// for themselves, about half of those partly able, a few able, as institutions give priority to
// those who need care [K S10]. The payroll then pays their support to the home.

export type TekunToPlace = { caseId: string; townCode: string; careLevel: string };

const SHARE: Record<string, number> = { FULL_LOSS: 1, PARTIAL_LOSS: 0.5, SELF_CARE: 0.08 };

export async function placeInInstitutions(
  s: Services,
  ctx: (username: string) => RequestContext,
  townUser: (town: string) => string,
  cases: readonly TekunToPlace[],
): Promise<number> {
  // A generator of its own, so that the rest of the demo draws what it drew before placements.
  const rng = createRng(19);
  const chosen = cases.filter((c) => rng.chance(SHARE[c.careLevel] ?? 0));
  const byTown = new Map<string, TekunToPlace[]>();
  for (const c of chosen) byTown.set(c.townCode, [...(byTown.get(c.townCode) ?? []), c]);
  const names = new Map(
    (
      await s.db
        .selectFrom('admin_unit')
        .select(['code', 'name'])
        .where('level', '=', 'town')
        .where('valid_to', 'is', null)
        .execute()
    ).map((u) => [u.code.slice(0, 9), u.name]),
  );
  let placed = 0;
  for (const [i, [town, persons]] of [...byTown.entries()].sort(([a], [b]) => a.localeCompare(b)).entries()) {
    const name = `${names.get(town) ?? town}敬老院`;
    // 52 = a 民政-registered 民办非企业单位; the body is the county code and a serial.
    const body = `52${town.slice(0, 6)}MJ${String(i + 1).padStart(7, '0')}`;
    const home = await saveInstitution(s, ctx('district'), null, {
      name,
      creditCode: body + creditCheckChar(body),
      townCode: town,
      address: `${names.get(town) ?? ''}敬老院路 1 号`,
      capacity: persons.length + 10,
      accountName: name,
      bankAccount: `62284800${town.slice(3, 9)}${String(i + 1).padStart(5, '0')}`,
      bankName: '中国农业银行泰安分行',
    });
    for (const p of persons) {
      await recordCaseEvent(s, ctx(townUser(town)), p.caseId, {
        type: 'SET_SUPPORT_MODE',
        mode: 'CENTRALISED',
        institutionId: home.id,
        reason: '本人自愿选择集中供养，入住镇敬老院',
      });
      placed++;
    }
  }
  return placed;
}
