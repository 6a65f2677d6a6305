import { describe, expect, it } from 'vitest';
import { FEED_SOURCES } from '../../../../contracts/feeds.ts';
import { catalogueRows, sourcesOf } from './feedsModel.ts';

describe('feeds page model', () => {
  it('lists every source once, grouped by department with the first row spanning the group', () => {
    const rows = catalogueRows([]);
    expect(rows.map((r) => r.source.code).sort()).toEqual(FEED_SOURCES.map((s) => s.code).sort());
    const hrss = rows.filter((r) => r.source.dept === 'HRSS');
    expect(hrss.map((r) => r.deptSpan)).toEqual([2, 0]);
    expect(rows.reduce((n, r) => n + r.deptSpan, 0)).toBe(rows.length);
  });

  it('offers a key only the sources of its own department', () => {
    expect(sourcesOf('CIVIL_AFFAIRS').map((s) => s.code)).toEqual(['DEATH', 'MARRIAGE']);
    expect(sourcesOf(undefined)).toEqual([]);
  });
});
