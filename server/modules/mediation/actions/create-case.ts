import { eq, sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { forbidden, invalid, notFound } from '../../../core/errors.ts';
import { type Actor, canAt } from '../../../core/policy.ts';
import { rowsOf } from '../../../db/client.ts';
import { mediationCase, mediationParty } from '../../../db/schema/deliberation.ts';
import { demandLink } from '../../../db/schema/demands.ts';
import { territory } from '../../../db/schema/territory.ts';
import { recordStep } from '../../demands/events.ts';
import { visibleDemand } from '../../demands/queries.ts';
import { canHandle } from '../../demands/rights.ts';
import { idsOfPath } from '../../territory/rules.ts';
import '../messages.ts';
import { mediationPolicy as P } from '../policy.ts';
import { caseNo } from '../rules.ts';
import { type PartyInput, partyValues } from './party-values.ts';
import { checkMediator } from './set-mediator.ts';

export interface NewCase {
  territoryId: string;
  kind: (typeof mediationCase.$inferSelect)['kind'];
  title: string;
  description?: string;
  /** The demand the dispute came in as: linked both ways, with a 'link' step on the demand. */
  demandId?: string | null;
  mediatorPersonId?: string | null;
  parties?: PartyInput[];
}

const COMMUNITY_DEPTH = 3;

/** Opens a case with its number, its parties and, when it came from a demand, the link to it — all or nothing. */
export async function createCase(ctx: AppContext, actor: Actor, input: NewCase) {
  const [node] = await ctx.db.select().from(territory).where(eq(territory.id, input.territoryId));
  if (!node || !canAt(actor, P['mediation.handle'], node.path)) throw notFound('territory', input.territoryId);
  if (idsOfPath(node.path).length < COMMUNITY_DEPTH) throw invalid('territoryId', 'mediation.placeAboveCommunity');
  const community = `/${idsOfPath(node.path).slice(0, COMMUNITY_DEPTH).join('/')}/`;
  const source = input.demandId ? (await visibleDemand(ctx.db, actor, input.demandId)).d : null;
  if (source && !canHandle(actor, source)) throw forbidden();
  if (source && !source.path.startsWith(community)) throw invalid('demandId', 'mediation.demandElsewhere');
  return ctx.db.transaction(async (tx) => {
    if (input.mediatorPersonId) await checkMediator(tx, node.path, input.mediatorPersonId);
    const [{ serial }] = rowsOf<{ serial: number }>(await tx.execute(sql`select nextval('mediation_no_seq')::int as serial`)) as [{ serial: number }];
    const [m] = await tx.insert(mediationCase).values({
      no: caseNo(new Date().getFullYear(), serial), districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path,
      kind: input.kind, title: input.title, description: input.description ?? '', demandId: input.demandId ?? null,
      mediatorPersonId: input.mediatorPersonId ?? null, createdBy: actor.accountId,
    }).returning();
    const parties = [];
    for (const [i, p] of (input.parties ?? []).entries()) parties.push(await partyValues(tx, ctx.pii, node.path, m!.id, p, `parties.${i}`));
    if (parties.length) await tx.insert(mediationParty).values(parties);
    if (source) {
      await tx.insert(demandLink).values({ demandId: source.id, targetType: 'mediation_case', targetId: m!.id, note: m!.no, createdBy: actor.accountId }).onConflictDoNothing();
      await recordStep(tx, source.id, actor, { action: 'link', note: m!.no, data: { targetType: 'mediation_case', targetId: m!.id } });
      await audit(tx, actor, { action: 'demand.link', targetType: 'demand', targetId: source.id, territoryId: source.territoryId, after: { targetType: 'mediation_case', targetId: m!.id } });
    }
    await audit(tx, actor, {
      action: 'mediation.create', targetType: 'mediation_case', targetId: m!.id, territoryId: node.id,
      after: { no: m!.no, kind: m!.kind, title: m!.title, demandId: m!.demandId, mediatorPersonId: m!.mediatorPersonId, parties: parties.map((p) => ({ side: p.side, name: p.nameMasked })) },
    });
    return m!.id;
  });
}
