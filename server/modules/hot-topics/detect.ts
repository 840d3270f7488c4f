import { and, inArray, ne, sql } from 'drizzle-orm';
import { audit } from '../../core/audit.ts';
import { type Db, rowsOf } from '../../db/client.ts';
import { hotTopic } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { accountsCovering, notify } from '../notifications/notify.ts';
import { type Assessment, BASELINE_WINDOWS, KEEP_MIN_COUNT, WINDOW_DAYS, assess, hotTopicText } from './rules.ts';

/** Only one instance computes at a time; the others skip the round. */
const HOT_TOPIC_LOCK = 727_004;
const DAY = 86_400_000;
const SYSTEM = { system: 'hot-topics' };

interface Tally {
  districtId: string;
  nodeId: string;
  term: string;
  count: number;
  base: number;
  ids: string[] | string;
}

export interface DetectionResult {
  /** False when another instance held the lock and this run did nothing. */
  ran: boolean;
  raised: number;
  updated: number;
  closed: number;
}

/**
 * Counts every word of the demands of each community and each street in the window ending at
 * `now`, against the same node's baseline windows before it; raises a warning for a spike (one
 * open warning per node and word, updated by later runs), and closes the warnings that subsided.
 * Safe with several instances: a try-lock makes the others skip, and the partial unique index
 * turns a repeated raise into an update.
 */
export async function detectHotTopics(db: Db, now: Date = new Date()): Promise<DetectionResult> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${HOT_TOPIC_LOCK}) as ok`));
    if (!lock?.ok) return { ran: false, raised: 0, updated: 0, closed: 0 };

    const judged = (await tallies(tx, now)).map((t) => ({ ...t, ids: idList(t.ids), a: assess(t.count, t.base) }));
    const live = judged.filter((t) => t.a.verdict !== 'quiet');
    const open = await tx.select({ id: hotTopic.id, territoryId: hotTopic.territoryId, term: hotTopic.term, state: hotTopic.state })
      .from(hotTopic).where(ne(hotTopic.state, 'closed'));
    const openKey = new Map(open.map((o) => [`${o.territoryId}|${o.term}`, o]));
    const names = await nodeNames(tx, [...new Set(live.map((t) => t.nodeId))]);

    let raised = 0;
    let updated = 0;
    const stillHot = new Set<string>();
    for (const t of live) {
      const key = `${t.nodeId}|${t.term}`;
      const existing = openKey.get(key);
      if (!existing && t.a.verdict !== 'raise') continue;
      stillHot.add(key);
      const figures = { count: t.count, baseline: round3(t.a.usual), score: round3(t.a.score), demandIds: t.ids, updatedAt: now };
      const [row] = await tx.insert(hotTopic)
        .values({ districtId: t.districtId, territoryId: t.nodeId, term: t.term, windowDays: WINDOW_DAYS, ...figures, detectedAt: now })
        .onConflictDoUpdate({ target: [hotTopic.territoryId, hotTopic.term], targetWhere: sql`state <> 'closed'`, set: figures })
        .returning({ id: hotTopic.id, inserted: sql<boolean>`(xmax = 0)` });
      if (!row) continue;
      if (!row.inserted) {
        updated++;
        continue;
      }
      raised++;
      const node = names.get(t.nodeId)!;
      await audit(tx, SYSTEM, {
        action: 'hotTopic.raise', targetType: 'hot_topic', targetId: row.id, territoryId: t.nodeId,
        after: { term: t.term, count: t.count, baseline: figures.baseline, score: figures.score },
      });
      await tellStaff(tx, node, row.id, t.term, t.count, t.a);
    }

    const subsided = open.filter((o) => !stillHot.has(`${o.territoryId}|${o.term}`));
    if (subsided.length) {
      await tx.update(hotTopic).set({ state: 'closed', updatedAt: now })
        .where(and(inArray(hotTopic.id, subsided.map((o) => o.id)), ne(hotTopic.state, 'closed')));
      for (const o of subsided) {
        await audit(tx, SYSTEM, {
          action: 'hotTopic.close', targetType: 'hot_topic', targetId: o.id, territoryId: o.territoryId,
          before: { state: o.state }, after: { state: 'closed' },
        });
      }
    }
    return { ran: true, raised, updated, closed: subsided.length };
  });
}

/**
 * Per community and per street, per word: demands in the window and in the baseline windows
 * before it, with the window's demand ids. Words below the keep threshold in the window cannot
 * matter and are dropped in SQL.
 */
async function tallies(tx: Db, now: Date): Promise<Tally[]> {
  const windowStart = new Date(now.getTime() - WINDOW_DAYS * DAY);
  const baselineStart = new Date(windowStart.getTime() - BASELINE_WINDOWS * WINDOW_DAYS * DAY);
  return rowsOf<Tally>(await tx.execute(sql`
    with words as (
      select d.id, d.district_id, d.street_id, d.community_id, d.created_at >= ${windowStart.toISOString()}::timestamptz as cur, w.term
      from demand d cross join lateral unnest(d.terms) as w(term)
      where d.created_at >= ${baselineStart.toISOString()}::timestamptz and d.created_at < ${now.toISOString()}::timestamptz
    ), per_node as (
      select district_id, community_id as node_id, term, cur, id from words
      union all
      select district_id, street_id, term, cur, id from words
    )
    select district_id as "districtId", node_id as "nodeId", term,
      (count(*) filter (where cur))::int as count, (count(*) filter (where not cur))::int as base,
      array_agg(id order by id) filter (where cur) as ids
    from per_node
    group by district_id, node_id, term
    having count(*) filter (where cur) >= ${KEEP_MIN_COUNT}`));
}

async function nodeNames(tx: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { id: string; name: string; path: string; kind: string }>();
  const rows = await tx.select({ id: territory.id, name: territory.name, path: territory.path, kind: territory.kind })
    .from(territory).where(inArray(territory.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** A community's warning goes to its workers and secretary and to the street's admins; a street's to the street's admins. */
async function tellStaff(tx: Db, node: { name: string; path: string; kind: string }, id: string, term: string, count: number, a: Assessment) {
  const street = node.kind === 'subdistrict' || node.kind === 'town';
  const community = street ? [] : await accountsCovering(tx, node.path, ['community_worker', 'community_secretary']);
  const streetAdmins = await accountsCovering(tx, node.path, ['street_admin']);
  await notify(tx, [...community, ...streetAdmins], {
    kind: 'hotTopic.raised',
    title: `热点预警 ${hotTopicText(node.name, term, WINDOW_DAYS, count, a.usual)}`,
    link: `/console/hot-topics/${id}`,
    params: { hotTopicId: id, node: node.name, term, count, windowDays: WINDOW_DAYS, usual: round3(a.usual) },
  });
}

/** uuid[] arrives as an array from `pg` and may arrive as its text form from other drivers. */
function idList(v: string[] | string | null): string[] {
  if (!v) return [];
  if (Array.isArray(v)) return v;
  return v.replace(/^\{|\}$/g, '').split(',').filter(Boolean);
}

const round3 = (x: number) => Math.round(Math.min(x, 9_999_999) * 1000) / 1000;
