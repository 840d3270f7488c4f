import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt, grantsFor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { agendaItem, meeting, meetingItem, resolution } from '../../../db/schema/deliberation.ts';
import { territory } from '../../../db/schema/territory.ts';
import { idsOfPath } from '../../territory/rules.ts';
import '../messages.ts';
import { bodyNear } from '../places.ts';

export interface DraftInput {
  meetingItemId?: string;
  territoryId?: string;
  title?: string;
  text: string;
  responsibleBodyId?: string;
  dueOn?: string;
  publicDays?: number;
}

const UNIQUE_VIOLATION = '23505';
const isUnique = (e: unknown) => [(e as { code?: string }).code, (e as { cause?: { code?: string } }).cause?.code].includes(UNIQUE_VIOLATION);

/** Where a resolution belongs and what it comes from: an adopted meeting item, or a node of the caller's. */
async function originOf(tx: Db, actor: Actor, input: DraftInput) {
  if (input.meetingItemId) {
    const [it] = await tx.select({ item: meetingItem, m: meeting, agendaTitle: agendaItem.title }).from(meetingItem)
      .innerJoin(meeting, eq(meeting.id, meetingItem.meetingId))
      .innerJoin(agendaItem, eq(agendaItem.id, meetingItem.agendaItemId))
      .where(eq(meetingItem.id, input.meetingItemId));
    if (!it || !canAt(actor, 'resolution.manage', it.m.path)) throw notFound('meetingItem', input.meetingItemId);
    if (it.item.outcome !== 'adopted') throw invalid('meetingItemId', 'resolution.itemNotAdopted');
    return { territoryId: it.m.territoryId, districtId: it.m.districtId, path: it.m.path, meetingId: it.m.id, meetingItemId: it.item.id, title: it.agendaTitle };
  }
  const grants = grantsFor(actor, 'resolution.manage');
  const territoryId = input.territoryId ?? (grants.length === 1 ? grants[0]!.territoryId : undefined);
  if (!territoryId) throw invalid('territoryId', 'resolution.placeRequired');
  const [node] = await tx.select({ id: territory.id, path: territory.path }).from(territory).where(eq(territory.id, territoryId));
  if (!node || !canAt(actor, 'resolution.manage', node.path)) throw notFound('territory', territoryId);
  return { territoryId: node.id, districtId: idsOfPath(node.path)[0]!, path: node.path, meetingId: null, meetingItemId: null, title: undefined };
}

/** A draft resolution, from an adopted meeting item or standalone; one per item, however many drafts race. */
export async function draftResolution(ctx: AppContext, actor: Actor, input: DraftInput): Promise<string> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const o = await originOf(tx, actor, input);
      const title = input.title ?? o.title;
      if (!title) throw invalid('title', 'field.required');
      if (input.responsibleBodyId && !(await bodyNear(tx, input.responsibleBodyId, o.path))) throw invalid('responsibleBodyId', 'resolution.badBody');
      if (o.meetingItemId) {
        const [taken] = await tx.select({ id: resolution.id }).from(resolution).where(eq(resolution.meetingItemId, o.meetingItemId));
        if (taken) throw new DomainError('resolution.itemTaken', 409, { resolutionId: taken.id });
      }
      const [created] = await tx.insert(resolution).values({
        districtId: o.districtId, territoryId: o.territoryId, path: o.path, meetingId: o.meetingId, meetingItemId: o.meetingItemId,
        title, text: input.text, responsibleBodyId: input.responsibleBodyId ?? null, dueOn: input.dueOn ?? null,
        publicDays: input.publicDays ?? 7, createdBy: actor.accountId,
      }).returning();
      await audit(tx, actor, { action: 'resolution.draft', targetType: 'resolution', targetId: created!.id, territoryId: o.territoryId, after: created });
      return created!.id;
    });
  } catch (e) {
    if (isUnique(e)) throw new DomainError('resolution.itemTaken', 409, { meetingItemId: input.meetingItemId });
    throw e;
  }
}
