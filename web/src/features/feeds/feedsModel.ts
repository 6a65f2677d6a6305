// Pure helpers of the feeds page: the catalogue rows grouped by department, and labels.
import {
  DEPARTMENT_CODES,
  DEPARTMENTS,
  type DepartmentCode,
  FEED_SOURCES,
  type FeedSource,
  type FeedSourceStats,
  valueLabel,
} from '../../../../contracts/feeds.ts';

export type CatalogueRow = {
  source: FeedSource;
  stats: FeedSourceStats | null;
  /** Rows the department cell spans (0 for the department's later rows). */
  deptSpan: number;
};

/** The sources in department order, each department's first row spanning its others. */
export function catalogueRows(stats: readonly FeedSourceStats[]): CatalogueRow[] {
  const sources = FEED_SOURCES as readonly FeedSource[];
  return DEPARTMENT_CODES.flatMap((dept) => {
    const own = sources.filter((s) => s.dept === dept);
    return own.map((source, i) => ({
      source,
      stats: stats.find((s) => s.code === source.code) ?? null,
      deptSpan: i === 0 ? own.length : 0,
    }));
  });
}

export const departmentName = (code: string, lang: 'zh' | 'en') =>
  DEPARTMENTS[code as DepartmentCode]?.[lang] ?? code;

export const sourceName = (code: string, lang: 'zh' | 'en') => {
  const s = (FEED_SOURCES as readonly FeedSource[]).find((x) => x.code === code);
  return s ? s[lang] : code;
};

/** The sources a key of this department may be granted. */
export const sourcesOf = (dept: string | undefined): FeedSource[] =>
  (FEED_SOURCES as readonly FeedSource[]).filter((s) => s.dept === dept);

export const enumText = (code: string, lang: 'zh' | 'en') =>
  lang === 'zh' ? `${valueLabel(code, 'zh')}（${code}）` : `${code} (${valueLabel(code, 'en')})`;
