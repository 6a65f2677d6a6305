import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  statsOverview as overviewSchema,
  statsReport as reportSchema,
  STATS_REPORTS,
  statsOverviewQuery,
  statsReportQuery,
} from '../../../contracts/stats.ts';
import { requireCtx } from '../../platform/http.ts';
import type { Services } from '../../services.ts';
import { statsOverview } from './stats.usecases.ts';
import { reportWorkbook } from './stats.xlsx.ts';
import { statsReport } from './stats-reports.usecases.ts';

// Statistics (§12): the dashboard of the press-release figures and the monthly reports A–E, as
// JSON and as xlsx with the official headings. Reading needs `cases.read`, within the jurisdiction.

const tags = ['stats'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function statsRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/stats/overview',
    {
      schema: {
        tags,
        summary: '统计概览（新闻发布口径，可按镇街、村居下钻） Dashboard of the press-release figures',
        querystring: statsOverviewQuery,
        response: { 200: overviewSchema },
      },
    },
    (req) => statsOverview(s, requireCtx(req), req.query),
  );
  r.get(
    '/api/v1/stats/reports/:report.xlsx',
    {
      schema: {
        tags,
        summary: '月报表 Excel 导出（官方表头、合计行） A monthly report as xlsx',
        params: z.object({ report: z.enum(STATS_REPORTS) }),
        querystring: statsReportQuery,
      },
    },
    async (req, reply) => {
      const report = await statsReport(s, requireCtx(req), req.params.report, req.query);
      const buf = await reportWorkbook(report);
      const name = `${report.districtName}${report.title}${report.period}.xlsx`;
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="report-${report.report}-${report.period}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(buf);
    },
  );
  r.get(
    '/api/v1/stats/reports/:report',
    {
      schema: {
        tags,
        summary: '月报表 A 低保 / B 特困 / C 临时救助 / D 低收入人口 / E 主要指标 Monthly reports A–E',
        params: z.object({ report: z.enum(STATS_REPORTS) }),
        querystring: statsReportQuery,
        response: { 200: reportSchema },
      },
    },
    (req) => statsReport(s, requireCtx(req), req.params.report, req.query),
  );
}
