import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { forbidden, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { body } from '../../../db/schema/bodies.ts';
import { type MeetingKind, meeting } from '../../../db/schema/deliberation.ts';
import { territory } from '../../../db/schema/territory.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { isManagerAt } from '../queries.ts';
import { DEFAULT_PUBLIC_NOTICE_DAYS } from '../rules.ts';
import '../messages.ts';

export interface NewMeeting {
  territoryId: string;
  kind: MeetingKind;
  title: string;
  place?: string;
  startsAt: Date;
  convenerBodyId?: string | null;
  quorum?: number | null;
  publicNoticeDays?: number | null;
}

const CONVENER_KINDS = ['party_working_committee', 'party_committee', 'party_general_branch', 'party_branch'] as const;

/** A convening body must sit at the meeting's node or above it (a street convenes for its communities). */
export async function checkConvener(tx: Db, bodyId: string, path: string) {
  const [b] = await tx.select({ path: territory.path }).from(body).innerJoin(territory, eq(territory.id, body.territoryId)).where(and(eq(body.id, bodyId), isNull(body.retiredAt)));
  if (!b || !path.startsWith(b.path)) throw invalid('convenerBodyId', 'meeting.unknownBody');
}

/** The party organisation at the node, which convenes by default. */
async function partyOrgAt(tx: Db, territoryId: string) {
  const rows = await tx.select({ id: body.id, kind: body.kind }).from(body)
    .where(and(eq(body.territoryId, territoryId), inArray(body.kind, [...CONVENER_KINDS]), isNull(body.retiredAt))).orderBy(asc(body.createdAt));
  rows.sort((a, b) => CONVENER_KINDS.indexOf(a.kind as never) - CONVENER_KINDS.indexOf(b.kind as never));
  return rows[0]?.id ?? null;
}

export function checkHearingDays(kind: MeetingKind, days: number | null | undefined) {
  if (days != null && kind !== 'hearing') throw invalid('publicNoticeDays', 'meeting.publicNoticeDaysOnlyHearing');
}

/** A meeting in draft at a street or a community, convened by its party organisation unless said otherwise. */
export async function createMeeting(ctx: AppContext, actor: Actor, input: NewMeeting): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [node] = await tx.select().from(territory).where(eq(territory.id, input.territoryId));
    if (!node || node.retired || idsOfPath(node.path).length < 2) throw invalid('territoryId', 'meeting.node');
    if (!isManagerAt(actor, node.path)) throw forbidden();
    if (input.startsAt.getTime() <= Date.now()) throw invalid('startsAt', 'meeting.startsInPast');
    checkHearingDays(input.kind, input.publicNoticeDays);
    if (input.convenerBodyId) await checkConvener(tx, input.convenerBodyId, node.path);
    const convenerBodyId = input.convenerBodyId ?? (await partyOrgAt(tx, node.id));
    const [row] = await tx.insert(meeting).values({
      districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path,
      kind: input.kind, title: input.title, place: input.place ?? '', startsAt: input.startsAt,
      convenerBodyId, quorum: input.quorum ?? null,
      publicNoticeDays: input.kind === 'hearing' ? (input.publicNoticeDays ?? DEFAULT_PUBLIC_NOTICE_DAYS) : null,
      checkinSecret: randomBytes(32).toString('base64url'), clerkAccountId: actor.accountId, createdBy: actor.accountId,
    }).returning();
    const m = row!;
    await audit(tx, actor, {
      action: 'meeting.create', targetType: 'meeting', targetId: m.id, territoryId: m.territoryId,
      after: { kind: m.kind, title: m.title, place: m.place, startsAt: m.startsAt, convenerBodyId, quorum: m.quorum, publicNoticeDays: m.publicNoticeDays },
    });
    return m.id;
  });
}
