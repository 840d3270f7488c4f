import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { body } from '../../../db/schema/bodies.ts';
import { agendaItem, type agendaSources } from '../../../db/schema/deliberation.ts';
import { demandLink } from '../../../db/schema/demands.ts';
import { territory } from '../../../db/schema/territory.ts';
import { recordStep } from '../../demands/events.ts';
import { visibleDemand } from '../../demands/queries.ts';
import { canHandle } from '../../demands/rights.ts';
import { accountsCovering, notify } from '../../notifications/notify.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { communityPathOf, isStaffAt, ownCommunities } from '../rules.ts';
import '../messages.ts';

export interface NewAgendaItem {
  title?: string;
  description?: string;
  territoryId?: string;
  proposerBodyId?: string;
  demandId?: string;
}

const PARTY_KINDS = ['party_committee', 'party_working_committee', 'party_general_branch', 'party_branch', 'party_group'];

async function communityOf(tx: Db, territoryId: string) {
  const [node] = await tx.select({ path: territory.path, retired: territory.retired }).from(territory).where(eq(territory.id, territoryId));
  if (!node || node.retired) throw invalid('territoryId', 'agenda.placeAboveCommunity');
  const ids = idsOfPath(node.path);
  if (ids.length < 3) throw invalid('territoryId', 'agenda.placeAboveCommunity');
  return communityPathOf(node.path);
}

/**
 * Files a proposed item on its community: a resident or party member for themself in their own
 * community, staff for a body (or the party organisation) or from a demand they handle, keeping
 * the link both ways. The community's party organisation is told there is something to review.
 */
export async function proposeAgendaItem(ctx: AppContext, actor: Actor, input: NewAgendaItem): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const demandRow = input.demandId ? await visibleDemand(tx, actor, input.demandId) : null;
    const own = ownCommunities(actor, 'agenda.propose');
    const path = demandRow ? communityPathOf(demandRow.d.path)
      : input.territoryId ? await communityOf(tx, input.territoryId)
      : own[0];
    if (!path) throw invalid('territoryId', 'agenda.placeAboveCommunity');
    const staff = isStaffAt(actor, 'agenda.propose', path);
    if (!staff && !own.includes(path)) throw input.territoryId ? forbidden() : new DomainError('agenda.ownCommunityOnly', 403);
    if (!staff && (input.proposerBodyId || input.demandId)) throw forbidden();
    if (!staff && !actor.personId) throw new DomainError('agenda.noPerson', 409);
    if (demandRow && !canHandle(actor, demandRow.d)) throw new DomainError('agenda.demandNotHandled', 403);

    let source: (typeof agendaSources)[number] = staff ? 'party_org' : 'resident';
    if (input.proposerBodyId) {
      const [b] = await tx.select({ kind: body.kind, path: territory.path }).from(body).innerJoin(territory, eq(territory.id, body.territoryId)).where(eq(body.id, input.proposerBodyId));
      if (!b || !b.path.startsWith(path)) throw invalid('proposerBodyId', 'agenda.unknownBody');
      source = PARTY_KINDS.includes(b.kind) ? 'party_org' : 'committee';
    }
    if (demandRow) source = 'demand';
    const title = (input.title?.trim() || demandRow?.d.title || '').slice(0, 80);
    if (!title) throw invalid('title', 'field.required');
    const ids = idsOfPath(path);
    const [row] = await tx.insert(agendaItem).values({
      districtId: ids[0]!, territoryId: ids[2]!, path, title,
      description: input.description?.trim() ?? (demandRow?.d.description ?? ''),
      source, proposedBy: actor.accountId, proposerPersonId: staff ? null : actor.personId,
      proposerBodyId: input.proposerBodyId ?? null, demandId: input.demandId ?? null,
    }).returning();
    const item = row!;
    if (demandRow) {
      await tx.insert(demandLink).values({ demandId: demandRow.d.id, targetType: 'agenda_item', targetId: item.id, createdBy: actor.accountId }).onConflictDoNothing();
      await recordStep(tx, demandRow.d.id, actor, { action: 'link', note: item.title, data: { targetType: 'agenda_item', targetId: item.id } });
    }
    if (!staff) {
      const reviewers = await accountsCovering(tx, path, ['community_worker', 'community_secretary']);
      await notify(tx, reviewers, { kind: 'agenda.proposed', title: `居民提出新议题：${item.title}`, link: `/console/agenda/${item.id}`, params: { agendaItemId: item.id, title: item.title } });
    }
    await audit(tx, actor, { action: 'agenda.propose', targetType: 'agenda_item', targetId: item.id, territoryId: item.territoryId, after: { title, source, demandId: item.demandId, proposerBodyId: item.proposerBodyId } });
    return item.id;
  });
}

