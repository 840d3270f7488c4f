import { sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import type { Actor } from '../../../core/policy.ts';
import { commendation, pointsBalance as b } from '../../../db/schema/members.ts';
import { nodeInSight } from '../../territory/queries.ts';
import { starLevels } from '../rules.ts';
import { balanceColumnOf } from '../scope-column.ts';

/**
 * Commends every member of a node at or above each star threshold for a year. Idempotent: a
 * member already commended at a level for that year is not commended again, so it can be rerun
 * as the year goes on and newcomers over a threshold are added.
 */
export async function commend(ctx: AppContext, actor: Actor, input: { territoryId: string; period: string }) {
  return ctx.db.transaction(async (tx) => {
    const node = await nodeInSight(tx, actor, 'points.commend', input.territoryId);
    const column = balanceColumnOf(node);
    let created = 0;
    for (const { level, min } of starLevels) {
      const res = await tx.execute(sql`
        insert into ${commendation} (person_id, level, period, points)
        select ${b.personId}, ${level}, ${b.period}, ${b.points} from ${b}
        where ${column} = ${node.id} and ${b.period} = ${input.period} and ${b.points} >= ${min}
        on conflict do nothing returning id`);
      const rows = (res as unknown as { rows: unknown[] }).rows;
      created += rows.length;
    }
    await audit(tx, actor, { action: 'points.commend', targetType: 'territory', targetId: node.id, territoryId: node.id, after: { period: input.period, created } });
    return { created };
  });
}
