import { asc, count, eq } from 'drizzle-orm';
import type { AppContext } from '../server/core/context.ts';
import { loadGrants } from '../server/core/session.ts';
import { household, person } from '../server/db/schema/people.ts';
import { territory } from '../server/db/schema/territory.ts';
import { peopleWhere } from '../server/modules/people/queries.ts';

/**
 * EXPLAIN ANALYZE of the two statements behind GET /api/people (the page and the total), built
 * from the same filter as the route so the plan is the one the server runs.
 */
export async function explainPeopleList(ctx: AppContext, accountId: string, territoryId: string, q: string): Promise<string> {
  const grants = await loadGrants(ctx.db, accountId);
  const actor = { accountId, username: 'bench', displayName: 'bench', personId: null, grants, ip: '127.0.0.1', role: null };
  const where = await peopleWhere(ctx.db, ctx.pii, actor, 'person.read', { territoryId, q });
  const from = () => ctx.db.select({ id: person.id, name: person.name, room: household.room, territoryName: territory.name })
    .from(person).innerJoin(territory, eq(territory.id, person.territoryId)).leftJoin(household, eq(household.id, person.householdId));
  const page = from().where(where).orderBy(asc(person.name), asc(person.id)).limit(20).toSQL();
  const total = ctx.db.select({ n: count() }).from(person).innerJoin(territory, eq(territory.id, person.territoryId))
    .leftJoin(household, eq(household.id, person.householdId)).where(where).toSQL();
  const client = (ctx.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<{ rows: Record<string, string>[] }> } }).$client;
  const out: string[] = [];
  for (const [label, s] of [['page', page], ['total', total]] as const) {
    const r = await client.query(`explain (analyze, buffers) ${s.sql}`, s.params);
    out.push(`-- ${label}: ${s.sql}\n${r.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
  return out.join('\n\n');
}
