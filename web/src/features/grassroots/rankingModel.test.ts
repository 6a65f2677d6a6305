import { describe, expect, it } from 'vitest';
import type { AssessmentView } from '../../api/grassroots.ts';
import { previousMonth, ranked, rankingChart } from './rankingModel.ts';

const a = (
  postId: string,
  total: number | null,
  rankDistrict: number | null,
  rankTown: number | null,
): AssessmentView => ({
  postId,
  month: '2026-10',
  townCode: '370971001',
  villageCode: `370971001${postId}`,
  villageName: `${postId}村村委会`,
  holderName: `协理员${postId}`,
  status: 'CONFIRMED',
  raw: {
    reviewsOnTime: 0,
    reviewsLate: 0,
    alertsOnTime: 0,
    alertsLate: 0,
    dqIntegrityAlerts: 0,
    dqCorrections: 0,
    complaints: 0,
  },
  metricScores: {},
  scores: null,
  weights: {},
  total,
  rankTown,
  rankDistrict,
  scoredByName: null,
  confirmedByName: null,
  confirmedAt: null,
});

describe('ranking chart model', () => {
  it('the default month is the one before today, across a year end', () => {
    expect(previousMonth(new Date(2026, 10, 29))).toBe('2026-10');
    expect(previousMonth(new Date(2027, 0, 3))).toBe('2026-12');
  });

  it('orders by the competition rank, ties by village, and leaves out the unscored', () => {
    const items = [
      a('203', 80, 4, 3),
      a('201', 90, 2, 1),
      a('202', 90, 2, 2),
      a('204', null, null, null),
      a('205', 95, 1, 1),
    ];
    expect(ranked(items, 'district').map((x) => x.postId)).toEqual(['205', '201', '202', '203']);
    const chart = rankingChart(items, 'district');
    // The best is drawn at the top of a horizontal bar chart, i.e. last in the category list.
    expect(chart.yAxis.data.at(-1)).toBe('1. 协理员205（205村）');
    expect(chart.yAxis.data[0]).toBe('4. 协理员203（203村）');
    expect(chart.series[0]?.data).toEqual([80, 90, 90, 95]);
  });
});
