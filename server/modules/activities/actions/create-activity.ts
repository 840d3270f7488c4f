import { and, eq, isNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { activity, service } from '../../../db/schema/members.ts';
import { nodeInSight } from '../../territory/queries.ts';
import { activityDetail } from '../queries.ts';
import type { ActivityKind } from '../rules.ts';
import { checkTimes } from './activity-times.ts';

export interface ActivityInput {
  territoryId: string;
  kind: ActivityKind;
  serviceId?: string;
  title?: string;
  description?: string;
  place?: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  cancelDeadline?: Date;
}

const DEFAULT_CANCEL_BEFORE_MS = 2 * 3_600_000;

/** A community publishes an activity: a slot of one of its services, a volunteer service or a theme party day. */
export async function createActivity(ctx: AppContext, actor: Actor, input: ActivityInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'activity.manage', input.territoryId);
    if (node.kind !== 'neighborhood' && node.kind !== 'village') throw invalid('territoryId', 'activity.notCommunity');
    if (node.retired) throw invalid('territoryId', 'territory.retired');
    let fromService: typeof service.$inferSelect | undefined;
    if (input.kind === 'service') {
      if (!input.serviceId) throw invalid('serviceId', 'field.required');
      [fromService] = await tx.select().from(service).where(and(eq(service.id, input.serviceId), eq(service.territoryId, node.id), isNull(service.retiredAt)));
      if (!fromService) throw invalid('serviceId', 'activity.serviceNotHere');
    }
    const title = input.title ?? fromService?.title;
    if (!title) throw invalid('title', 'field.required');
    const cancelDeadline = input.cancelDeadline ?? new Date(input.startsAt.getTime() - DEFAULT_CANCEL_BEFORE_MS);
    checkTimes(input.startsAt, input.endsAt, cancelDeadline);
    const [created] = await tx.insert(activity).values({
      territoryId: node.id, serviceId: fromService?.id ?? null, kind: input.kind, title,
      description: input.description ?? fromService?.description ?? '', place: input.place ?? fromService?.place ?? '',
      startsAt: input.startsAt, endsAt: input.endsAt, capacity: input.capacity, cancelDeadline,
      qrSecret: randomBytes(32).toString('base64url'), createdBy: actor.accountId,
    }).returning();
    const { qrSecret: _secret, ...shown } = created!;
    await audit(tx, actor, { action: 'activity.create', targetType: 'activity', targetId: created!.id, territoryId: node.id, after: shown });
    return created!.id;
  });
  return activityDetail(ctx.db, actor, id);
}
