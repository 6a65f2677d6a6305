import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { verifyAuditChain } from '../../platform/audit.ts';
import { requireCtx } from '../../platform/http.ts';
import { requirePermission } from '../../platform/policies.ts';
import type { Services } from '../../services.ts';

const query = z.object({
  action: z.string().max(60).optional(),
  actor: z.string().max(64).optional(),
  recordId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const entry = z.object({
  seq: z.number(),
  at: z.string(),
  actorUsername: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  clientIp: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export function auditRoutes(app: FastifyInstance, s: Services) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: '审计日志 Audit log',
        querystring: query,
        response: { 200: z.object({ items: z.array(entry), total: z.number() }) },
      },
    },
    async (req) => {
      const ctx = requireCtx(req);
      requirePermission(ctx.actor, 'audit.read');
      const q = req.query;
      const rows = await s.db
        .selectFrom('audit_log')
        .selectAll()
        .select(sql<number>`count(*) over ()`.as('total'))
        .where('county_code', '=', ctx.actor.countyCode)
        .$if(!!q.action, (b) => b.where('action', 'like', `${q.action}%`))
        .$if(!!q.actor, (b) => b.where('actor_username', '=', q.actor!))
        .$if(!!q.recordId, (b) => b.where('record_id', '=', q.recordId!))
        .$if(!!q.from, (b) => b.where('at', '>=', new Date(`${q.from}T00:00:00+08:00`)))
        .$if(!!q.to, (b) =>
          b.where('at', '<', new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000)),
        )
        .orderBy('seq', 'desc')
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
        .execute();
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((a) => ({
          seq: a.seq,
          at: a.at.toISOString(),
          actorUsername: a.actor_username,
          actorRole: a.actor_role,
          action: a.action,
          recordType: a.record_type,
          recordId: a.record_id,
          clientIp: a.client_ip,
          requestId: a.request_id,
          detail: a.detail,
          hash: a.hash.toString('hex'),
        })),
      };
    },
  );

  r.post(
    '/api/v1/audit/verify',
    { schema: { tags: ['audit'], summary: '校验审计链 Verify the audit chain' } },
    async (req) => {
      const ctx = requireCtx(req);
      requirePermission(ctx.actor, 'audit.read');
      const [result] = await verifyAuditChain(s.db, ctx.actor.countyCode);
      return result ?? { countyCode: ctx.actor.countyCode, rows: 0, ok: true, problems: [] };
    },
  );
}
