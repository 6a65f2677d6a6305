import type { ActorRole } from '../../contracts/roles.ts';

/** Who is acting, and where: passed into every use case (never read from globals). */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: ActorRole;
  countyCode: string;
  /** A division code of 6 (county), 9 (town) or 12 (village) digits. */
  jurisdictionCode: string;
  mustChangePassword: boolean;
};

export type RequestContext = {
  actor: Actor;
  requestId: string;
  clientIp: string;
};

/** A system actor for the CLI, the demo generator and jobs started by the scheduler. */
export function systemContext(countyCode: string, requestId = 'system'): RequestContext {
  return {
    actor: {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'system',
      displayName: '系统',
      role: 'district_admin',
      countyCode,
      jurisdictionCode: countyCode,
      mustChangePassword: false,
    },
    requestId,
    clientIp: 'local',
  };
}

export const auditActor = (ctx: RequestContext) => ({
  actorId: ctx.actor.userId === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.userId,
  actorUsername: ctx.actor.username,
  actorRole: ctx.actor.role,
  clientIp: ctx.clientIp,
  requestId: ctx.requestId,
});
