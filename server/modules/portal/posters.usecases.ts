import type { Database } from '../../db/database.ts';
import type { RequestContext } from '../../platform/context.ts';
import { errors, fieldError } from '../../platform/errors.ts';
import { requirePermission, withinJurisdiction } from '../../platform/policies.ts';
import { bureauName } from '../documents/documents.models.ts';
import { type PosterPage, portalUrl, safeName } from './posters.models.ts';
import { type PrintedPdf, renderPosters } from './posters.pdf.ts';
import * as repo from './posters.repository.ts';

// Printing the QR posters (§9.5): a village's poster, every village of a town (or of the caller's
// jurisdiction), and a free location's poster (a bus stop, a park) with its label. The village must
// be in the caller's jurisdiction; outside it, it "does not exist" (404), as for other prints.
// Posters carry places, the portal address and public phone lines only — never personal data.

export type PostersDeps = { db: Database };
/** A PDF to send: an ASCII file name for old clients and the Chinese one (filename*). */
export type PdfDownload = { filename: string; utf8Filename: string; pdf: PrintedPdf };

/** Well-formed text without control characters (a lone surrogate cannot be put in a URL). */
const PRINTABLE = /^[^\p{Cc}\p{Cs}]+$/u;

export const postersErrors = {
  villageNotFound: () => errors.notFound('村（居）', 'village', 'portal.village_not_found'),
  townNotFound: () => errors.notFound('镇（街道）', 'town', 'portal.town_not_found'),
  locationRequired: () =>
    fieldError(
      'location',
      '请填写张贴地点的名称（2–40 个字，不含控制字符），例如“北集坡公交站”“人民公园”',
      'name the place the poster is for (2–40 characters, no control characters), e.g. a bus stop or a park',
      '2–40 characters',
    ),
};

async function countyParts(db: Database, countyCode: string) {
  const [county, line] = await Promise.all([
    repo.countyName(db, countyCode),
    repo.bureauLine(db, countyCode),
  ]);
  return { countyName: county, bureauName: bureauName(county), bureauLine: line };
}

const villagePage = (
  parts: Awaited<ReturnType<typeof countyParts>>,
  base: string,
  v: repo.VillageRow,
  location: string | null = null,
): PosterPage => ({
  ...parts,
  townName: v.townName,
  villageName: v.name,
  location,
  url: portalUrl(base, { villageCode: v.code, location: location ?? undefined }),
});

/** A village in the caller's county and jurisdiction, or 404. */
async function villageInJurisdiction(deps: PostersDeps, ctx: RequestContext, code: string) {
  const [village] = /^\d{12}$/.test(code)
    ? await repo.villagesUnder(deps.db, ctx.actor.countyCode, code)
    : [];
  if (!village || !withinJurisdiction(ctx.actor, village.code)) throw postersErrors.villageNotFound();
  return village;
}

export async function villagePoster(
  deps: PostersDeps,
  ctx: RequestContext,
  base: string,
  villageCode: string,
): Promise<PdfDownload> {
  requirePermission(ctx.actor, 'portal.posters');
  const village = await villageInJurisdiction(deps, ctx, villageCode);
  const parts = await countyParts(deps.db, ctx.actor.countyCode);
  const pdf = await renderPosters(`救助服务码上通 ${village.townName} ${village.name}`, [
    villagePage(parts, base, village),
  ]);
  return {
    filename: `poster-${village.code}.pdf`,
    utf8Filename: safeName(`救助服务码上通海报-${village.townName}-${village.name}.pdf`),
    pdf,
  };
}

/** Every village of a town, or of the caller's whole jurisdiction when no town is named. */
export async function villagePosters(
  deps: PostersDeps,
  ctx: RequestContext,
  base: string,
  townCode: string | undefined,
): Promise<PdfDownload> {
  requirePermission(ctx.actor, 'portal.posters');
  const { actor } = ctx;
  if (townCode) {
    // A town inside the jurisdiction, or the town of a village assistant's own village.
    const overlaps = withinJurisdiction(actor, townCode) || actor.jurisdictionCode.startsWith(townCode);
    if (!overlaps || !(await repo.townExists(deps.db, actor.countyCode, townCode)))
      throw postersErrors.townNotFound();
  }
  const villages = (
    await repo.villagesUnder(deps.db, actor.countyCode, townCode ?? actor.jurisdictionCode)
  ).filter((v) => withinJurisdiction(actor, v.code));
  if (villages.length === 0) throw townCode ? postersErrors.townNotFound() : postersErrors.villageNotFound();
  const parts = await countyParts(deps.db, actor.countyCode);
  const scope = townCode ? villages[0]!.townName : parts.countyName;
  const pdf = await renderPosters(
    `救助服务码上通 ${scope} ${villages.length} 个村（居）`,
    villages.map((v) => villagePage(parts, base, v)),
  );
  return {
    filename: `posters-${townCode ?? actor.jurisdictionCode}.pdf`,
    utf8Filename: safeName(`救助服务码上通海报-${scope}-${villages.length}个村居.pdf`),
    pdf,
  };
}

/** A free location's poster: its label, and the village it belongs to when one is given. */
export async function locationPoster(
  deps: PostersDeps,
  ctx: RequestContext,
  base: string,
  input: { villageCode?: string; location?: string },
): Promise<PdfDownload> {
  requirePermission(ctx.actor, 'portal.posters');
  const location = input.location?.trim();
  if (!location || location.length < 2 || !PRINTABLE.test(location)) throw postersErrors.locationRequired();
  const parts = await countyParts(deps.db, ctx.actor.countyCode);
  let page: PosterPage;
  if (input.villageCode) {
    page = villagePage(parts, base, await villageInJurisdiction(deps, ctx, input.villageCode), location);
  } else {
    page = { ...parts, townName: null, villageName: null, location, url: portalUrl(base, { location }) };
  }
  const pdf = await renderPosters(`救助服务码上通 ${location}`, [page]);
  return {
    filename: `poster-${input.villageCode ?? ctx.actor.countyCode}-location.pdf`,
    utf8Filename: safeName(`救助服务码上通海报-${location}.pdf`),
    pdf,
  };
}
