import { createHash } from 'node:crypto';
import type { Database } from '../../db/database.ts';
import { type Clock, shanghaiDateOf } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { bureauName } from '../documents/documents.models.ts';
import { renderLeaflet } from './leaflet.pdf.ts';
import { policiesUrl, safeName } from './posters.models.ts';
import * as repo from './posters.repository.ts';
import type { PdfDownload } from './posters.usecases.ts';
import { publicCounty } from './public-county.ts';

// The policy leaflet 明白纸 from the county's catalogue (§9.3; S3 Art.62): for staff (policies.read,
// their own county) and for citizens from the portal (the instance's county, no session). Only the
// catalogue's public texts are printed. Drawing the leaflet costs far more than reading the
// catalogue, so the last few leaflets are kept, keyed by everything printed on them: the public
// route then costs a query while the catalogue is unchanged.

export type LeafletDeps = { db: Database; clock: Clock };

const departmentNotFound = () => errors.notFound('部门', 'department', 'policies.department_not_found');
const CACHE_SIZE = 16;
const cache = new Map<string, PdfDownload>();

async function leaflet(
  deps: LeafletDeps,
  countyCode: string,
  base: string,
  departmentCode: string | undefined,
): Promise<PdfDownload> {
  const [county, catalogue] = await Promise.all([
    repo.countyName(deps.db, countyCode),
    repo.activeCatalogue(deps.db, countyCode, departmentCode),
  ]);
  const department = departmentCode ? catalogue.departments[0] : undefined;
  if (departmentCode && !department) throw departmentNotFound();
  const input = {
    countyName: county,
    bureauName: bureauName(county),
    printedOn: shanghaiDateOf(deps.clock.now()),
    departmentName: department?.name ?? null,
    departments: catalogue.departments,
    policies: catalogue.policies,
    url: policiesUrl(base),
  };
  const key = createHash('sha256')
    .update(JSON.stringify([countyCode, departmentCode, input]))
    .digest('hex');
  const cached = cache.get(key);
  if (cached) return cached;
  const file = {
    filename: `policy-leaflet-${countyCode}${departmentCode ? `-${departmentCode}` : ''}.pdf`,
    utf8Filename: safeName(`${county}社会救助政策明白纸${department ? `-${department.name}` : ''}.pdf`),
    pdf: await renderLeaflet(input),
  };
  cache.set(key, file);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return file;
}

export async function staffLeaflet(
  deps: LeafletDeps,
  ctx: RequestContext,
  base: string,
  departmentCode?: string,
): Promise<PdfDownload> {
  requirePermission(ctx.actor, 'policies.read');
  return leaflet(deps, ctx.actor.countyCode, base, departmentCode);
}

/** The portal's download: the county the instance serves. */
export async function publicLeaflet(deps: LeafletDeps, base: string, departmentCode?: string) {
  return leaflet(deps, await publicCounty(deps.db), base, departmentCode);
}
