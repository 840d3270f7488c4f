import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Pii } from '../../core/pii.ts';
import type { Db } from '../../db/client.ts';
import { type Role, grant } from '../../db/schema/accounts.ts';
import { notification, outbox } from '../../db/schema/notifications.ts';
import { territory } from '../../db/schema/territory.ts';

export interface Notice {
  /** An i18n key naming what happened (demand.accepted, demand.reminder …). */
  kind: string;
  title: string;
  body?: string;
  link?: string;
  params?: Record<string, unknown>;
}

/** In-app notices to accounts, in the caller's transaction: they exist exactly when the change does. */
export async function notify(tx: Db, accountIds: (string | null | undefined)[], n: Notice): Promise<void> {
  const ids = [...new Set(accountIds.filter((id): id is string => !!id))];
  if (!ids.length) return;
  await tx.insert(notification).values(ids.map((accountId) => ({ accountId, kind: n.kind, title: n.title, body: n.body ?? '', link: n.link, params: n.params })));
}

/**
 * The live accounts holding one of `roles` on a grant that covers the node with this path (its own
 * node or an ancestor): who works on a thing at that place.
 */
export async function accountsCovering(tx: Db, path: string, roles: readonly Role[]): Promise<string[]> {
  const rows = await tx.selectDistinct({ accountId: grant.accountId })
    .from(grant)
    .innerJoin(territory, eq(territory.id, grant.territoryId))
    .where(and(isNull(grant.revokedAt), inArray(grant.role, [...roles]), sql`${path} like ${territory.path} || '%'`));
  return rows.map((r) => r.accountId);
}

/** Queues a message for an outside channel; a delivery worker configured later drains the outbox. */
export async function enqueueOutside(tx: Db, pii: Pii, channel: 'sms' | 'wechat', recipient: string, template: string, params: Record<string, unknown>): Promise<void> {
  await tx.insert(outbox).values({ channel, recipientEnc: pii.encrypt(recipient), template, params });
}
