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

type Query = { text: string; values: unknown[] };
type QueryFn = (...args: unknown[]) => unknown;

/**
 * EXPLAIN ANALYZE of every statement one request runs, captured from the database client while
 * the request is served in-process: the plans are those of the server's own SQL and parameters.
 */
export async function explainRequest(ctx: AppContext, app: { inject(o: { method: 'GET'; url: string; headers: Record<string, string> }): Promise<{ statusCode: number }> }, url: string, headers: Record<string, string>): Promise<string> {
  const client = (ctx.db as unknown as { $client: { query: QueryFn } }).$client;
  const original = client.query;
  const seen: Query[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const [a, b] = args;
    if (typeof a === 'string') seen.push({ text: a, values: (Array.isArray(b) ? b : []) as unknown[] });
    else if (a && typeof a === 'object' && 'text' in a) seen.push({ text: (a as Query).text, values: (a as Query).values ?? (Array.isArray(b) ? b : []) });
    return original.apply(this, args);
  };
  try {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  } finally {
    client.query = original;
  }
  const out: string[] = [`## ${url}`];
  for (const q of seen.filter((x) => /^\s*(select|with)\b/i.test(x.text))) {
    const r = (await original.call(client, `explain (analyze, buffers) ${q.text}`, q.values)) as { rows: Record<string, string>[] };
    out.push(`-- ${q.text}\n-- params: ${JSON.stringify(q.values).slice(0, 300)}\n${r.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
  }
  return out.join('\n\n');
}
