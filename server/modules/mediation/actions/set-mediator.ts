import { eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, invalid } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { mediationCase } from '../../../db/schema/deliberation.ts';
import { person } from '../../../db/schema/people.ts';
import { territory } from '../../../db/schema/territory.ts';
import { streetOf } from '../../activities/reach.ts';
import '../messages.ts';
import { lockCase } from '../queries.ts';
import { canDo } from '../rules.ts';

/** A mediator is a person of the case's street (the "老娘舅" of the community or the street's committee). */
export async function checkMediator(tx: Db, casePath: string, personId: string) {
  const [p] = await tx.select({ path: territory.path }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, personId));
  if (!p || !p.path.startsWith(streetOf(casePath))) throw invalid('mediatorPersonId', 'mediation.mediatorOutside');
}

export async function setMediator(ctx: AppContext, actor: Actor, id: string, personId: string) {
  return ctx.db.transaction(async (tx) => {
    const m = await lockCase(tx, actor, id);
    if (!canDo('mediator', m.state)) throw new DomainError('mediation.wrongState', 409, { state: m.state });
    await checkMediator(tx, m.path, personId);
    await tx.update(mediationCase).set({ mediatorPersonId: personId, updatedAt: new Date() }).where(eq(mediationCase.id, id));
    await audit(tx, actor, { action: 'mediation.mediator', targetType: 'mediation_case', targetId: id, territoryId: m.territoryId, before: { mediatorPersonId: m.mediatorPersonId }, after: { mediatorPersonId: personId } });
    return id;
  });
}
