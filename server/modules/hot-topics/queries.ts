import { type SQL, and, desc, eq, inArray, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { Pii } from '../../core/pii.ts';
import { type Actor, likePrefix, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { demand, hotTopic } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { presentFor, selectDemands, visibleDemands } from '../demands/queries.ts';
import { type hotTopicStates, presentHotTopic } from './presenters.ts';

/** Warnings of nodes inside the caller's granted subtrees (a street's admin sees its communities' and its own). */
const inSight = (actor: Actor): SQL => scope(actor, 'demand.stats', territory.path);

const select = (db: Db) =>
  db.select({ h: hotTopic, territoryName: territory.name, path: territory.path })
    .from(hotTopic)
    .innerJoin(territory, eq(territory.id, hotTopic.territoryId));

export interface HotTopicQuery {
  territoryId?: string;
  state?: (typeof hotTopicStates)[number];
}

/** Open warnings first, the most surprising on top; closed ones of the last 90 days after them. */
export async function listHotTopics(db: Db, actor: Actor, q: HotTopicQuery) {
  const conds: SQL[] = [inSight(actor)];
  if (q.state) conds.push(eq(hotTopic.state, q.state));
  else conds.push(sql`(${hotTopic.state} <> 'closed' or ${hotTopic.updatedAt} > now() - interval '90 days')`);
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(sql`${territory.path} like ${likePrefix(node.path)}`);
  }
  const rows = await select(db).where(and(...conds))
    .orderBy(sql`case ${hotTopic.state} when 'open' then 0 when 'acknowledged' then 1 else 2 end`, desc(hotTopic.score), desc(hotTopic.detectedAt))
    .limit(200);
  return rows.map(presentHotTopic);
}

/** A warning the caller may see; otherwise it does not exist for them. */
export async function visibleHotTopic(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(hotTopic.id, id), inSight(actor)));
  if (!row) throw notFound('hotTopic', id);
  return row;
}

/** The warning's demands as the caller sees them, newest first. */
export async function hotTopicDemands(db: Db, pii: Pii, actor: Actor, ids: string[]) {
  if (!ids.length) return [];
  const rows = await selectDemands(db)
    .where(and(inArray(demand.id, ids), visibleDemands(actor)))
    .orderBy(desc(demand.createdAt));
  return rows.map(presentFor(actor, pii));
}
