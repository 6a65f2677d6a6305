import type { Kysely } from 'kysely';
import type { DivisionNode } from '../../../contracts/divisions.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit.ts';
import { errors } from '../../platform/errors.ts';
import { parseDivisionCode } from '../../rules/divisions.ts';

export type { DivisionNode };

// The district → town → village tree (M1). Loaded from the national statistical codes
// (`huijiu divisions import`) or from a bureau's own list (the demo zone 370971).

export type DivisionSet = {
  county: { code12: string; name: string };
  towns: { code12: string; name: string }[];
  villages: { code12: string; name: string; townCode12: string; urbanRuralCode: string | null }[];
};

/** Inserts or renames every unit of a county in one transaction; codes are never deleted, only closed. */
export async function upsertDivisions(
  db: Kysely<DB>,
  set: DivisionSet,
  validFrom = '2000-01-01',
  at: Date = new Date(`${validFrom}T00:00:00+08:00`),
): Promise<{ towns: number; villages: number }> {
  const countyCode = set.county.code12.slice(0, 6);
  const problems = [
    set.county.code12,
    ...set.towns.map((t) => t.code12),
    ...set.villages.map((v) => v.code12),
  ]
    .map((c) => ({ c, p: parseDivisionCode(c) }))
    .filter((x) => !x.p.ok || !x.c.startsWith(countyCode));
  if (problems.length > 0) {
    throw errors.validation(
      problems.slice(0, 50).map((x) => ({
        field: x.c,
        message: `区划代码 ${x.c} 无效或不属于 ${countyCode}`,
        messageEn: `division code ${x.c} is invalid or outside ${countyCode}`,
      })),
    );
  }
  const rows = [
    {
      code: set.county.code12,
      county_code: countyCode,
      level: 'county' as const,
      parent_code: null,
      name: set.county.name,
      urban_rural_code: null,
    },
    ...set.towns.map((t) => ({
      code: t.code12,
      county_code: countyCode,
      level: 'town' as const,
      parent_code: set.county.code12,
      name: t.name,
      urban_rural_code: null,
    })),
    ...set.villages.map((v) => ({
      code: v.code12,
      county_code: countyCode,
      level: 'village' as const,
      parent_code: v.townCode12,
      name: v.name,
      urban_rural_code: v.urbanRuralCode,
    })),
  ].map((r) => ({ ...r, valid_from: validFrom }));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) {
      await trx
        .insertInto('admin_unit')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) =>
          oc.column('code').doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            urban_rural_code: eb.ref('excluded.urban_rural_code'),
            parent_code: eb.ref('excluded.parent_code'),
            valid_to: null,
          })),
        )
        .execute();
    }
    await appendAudit(trx, at, [
      {
        countyCode,
        actorUsername: 'system',
        action: 'divisions.imported',
        recordType: 'county',
        recordId: countyCode,
        detail: { name: set.county.name, towns: set.towns.length, villages: set.villages.length, validFrom },
      },
    ]);
  });
  return { towns: set.towns.length, villages: set.villages.length };
}

/** The tree below a jurisdiction code (a town officer sees one town, a district officer all). */
export async function divisionTree(
  db: Kysely<DB>,
  countyCode: string,
  jurisdictionCode: string,
): Promise<DivisionNode[]> {
  const rows = await db
    .selectFrom('admin_unit')
    .select(['code', 'name', 'level', 'parent_code', 'urban_rural_code'])
    .where('county_code', '=', countyCode)
    .where('valid_to', 'is', null)
    .orderBy('code')
    .execute();
  const nodes = new Map<string, DivisionNode>(
    rows.map((r) => [
      r.code,
      { code: r.code, name: r.name, level: r.level, urbanRuralCode: r.urban_rural_code },
    ]),
  );
  const roots: DivisionNode[] = [];
  for (const r of rows) {
    const n = nodes.get(r.code)!;
    const parent = r.parent_code ? nodes.get(r.parent_code) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(n);
    } else roots.push(n);
  }
  const prefix = jurisdictionCode;
  const find = (list: DivisionNode[]): DivisionNode[] =>
    list.flatMap((n) => {
      const sig =
        n.level === 'county' ? n.code.slice(0, 6) : n.level === 'town' ? n.code.slice(0, 9) : n.code;
      if (sig === prefix) return [n];
      if (prefix.startsWith(sig)) return find(n.children ?? []);
      return [];
    });
  return find(roots);
}
