import { toActor } from '../server/modules/auth/auth.usecases.ts';
import type { RequestContext } from '../server/platform/context.ts';
import type { Services } from '../server/services.ts';

/** The request context of a user row, as its sign-in would give it. */
export const contextOfUser = (u: Parameters<typeof toActor>[0], requestId: string): RequestContext => ({
  actor: toActor(u),
  requestId,
  clientIp: 'local',
});

/** The request context of a demo account, as its sign-in would give it (null if there is none). */
export async function userContext(
  s: Services,
  username: string,
  requestId: string,
): Promise<RequestContext | null> {
  const u = await s.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  return u ? contextOfUser(u, requestId) : null;
}

/** The same, for an account the demo created itself: missing is a bug of the demo. */
export async function demoContext(s: Services, username: string, requestId: string): Promise<RequestContext> {
  const ctx = await userContext(s, username, requestId);
  if (!ctx) throw new Error(`demo account ${username} is missing`);
  return ctx;
}
