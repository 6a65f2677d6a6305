import type { z } from 'zod';
import { type RuleView, ruleCreate, ruleUpdate } from '../../../contracts/alerts.ts';
import type { Database } from '../../db/database.ts';
import { appendAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { auditActor, type RequestContext } from '../../platform/context.ts';
import { errors } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/policies.ts';
import { parseOr400 } from '../cases/case-support.ts';
import { validateConditions } from './rule-conditions.models.ts';
import * as repo from './rules.repository.ts';

// Rules as data (§7.4; issue 6 "new rules need no code change where they are thresholds over a feed
// field"): the district administrator changes thresholds, windows, population, SLA and on/off per
// county and adds FIELD_THRESHOLD rules, each validated against the feed catalogue and audited.
// Built-in kinds (即将进保 / 即将脱保 / 救助边缘) read the county's standards: only on/off and SLA.

export type RulesDeps = { db: Database; clock: Clock };

export async function listRules(deps: RulesDeps, ctx: RequestContext): Promise<RuleView[]> {
  requirePermission(ctx.actor, 'alerts.read');
  await repo.ensureDefaultRules(deps.db, ctx.actor.countyCode, deps.clock.now());
  return (await repo.listRules(deps.db, ctx.actor.countyCode)).map(repo.ruleView);
}

export async function createRule(deps: RulesDeps, ctx: RequestContext, body: unknown): Promise<RuleView> {
  requirePermission(ctx.actor, 'alerts.manage_rules');
  const v = parseOr400(ruleCreate, body);
  const issues = validateConditions(v.source, v.conditions);
  if (issues.length > 0) throw errors.validation(issues);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await repo.ensureDefaultRules(trx, county, at);
    const row = await repo.insertRule(
      trx,
      county,
      { ...v, kind: 'FIELD_THRESHOLD' },
      at,
      auditActor(ctx).actorId,
    );
    if (!row)
      throw errors.conflict(
        'alerts.rule_exists',
        `规则代码 ${v.code} 已存在`,
        `a rule ${v.code} already exists`,
      );
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'alerts.rule_created',
        recordType: 'alert_rule',
        recordId: v.code,
        detail: { ...v },
      },
    ]);
    return repo.ruleView(row);
  });
}

export async function updateRule(
  deps: RulesDeps,
  ctx: RequestContext,
  code: string,
  body: unknown,
): Promise<RuleView> {
  requirePermission(ctx.actor, 'alerts.manage_rules');
  const v: z.output<typeof ruleUpdate> = parseOr400(ruleUpdate, body);
  const county = ctx.actor.countyCode;
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await repo.ensureDefaultRules(trx, county, at);
    const row = await repo.lockRule(trx, county, code);
    if (!row) throw errors.notFound('预警规则', 'alert rule', 'alerts.rule_not_found');
    if (v.version !== undefined && v.version !== row.version)
      throw errors.conflict(
        'alerts.version_conflict',
        '规则已被他人修改，请刷新',
        'the rule was changed; reload',
        { current: row.version },
      );
    const field = row.kind === 'FIELD_THRESHOLD';
    if (
      !field &&
      (v.conditions !== undefined ||
        v.withinDays !== undefined ||
        v.population !== undefined ||
        v.latestOnly !== undefined)
    )
      throw errors.validation([
        {
          field: 'conditions',
          message: '内置规则按救助标准计算，只能启停和调整时限',
          messageEn: 'a built-in rule follows the standards: only on/off and the SLA change',
        },
      ]);
    if (v.conditions !== undefined) {
      const issues = validateConditions(row.source as string, v.conditions);
      if (issues.length > 0) throw errors.validation(issues);
    }
    const updated = await repo.updateRule(
      trx,
      county,
      code,
      {
        ...(v.enabled !== undefined ? { enabled: v.enabled } : {}),
        ...(v.slaWd !== undefined ? { sla_wd: v.slaWd } : {}),
        ...(v.conditions !== undefined ? { conditions: JSON.stringify(v.conditions) } : {}),
        ...(v.withinDays !== undefined ? { within_days: v.withinDays } : {}),
        ...(v.population !== undefined ? { population: v.population } : {}),
        ...(v.latestOnly !== undefined ? { latest_only: v.latestOnly } : {}),
      },
      at,
      auditActor(ctx).actorId,
    );
    await appendAudit(trx, at, [
      {
        countyCode: county,
        ...auditActor(ctx),
        action: 'alerts.rule_changed',
        recordType: 'alert_rule',
        recordId: code,
        detail: { before: repo.ruleView(row), change: v },
      },
    ]);
    return repo.ruleView(updated);
  });
}
