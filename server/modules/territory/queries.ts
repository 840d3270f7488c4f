import { and, asc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { body } from '../../db/schema/bodies.ts';
import { household, person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { forbidden, notFound } from '../../core/errors.ts';
import { type Actor, can, canAt, grantsFor, likePrefix, minimalPaths, scope } from '../../core/policy.ts';
import { presentNode } from './presenters.ts';
import { idsOfPath } from './rules.ts';

// Spelled out: inside a select list drizzle renders a column without its table, which the
// subquery would then resolve to its own alias.
const hasChildren = sql<boolean>`exists (select 1 from ${territory} c where c.parent_id = "territory"."id")`;

/**
 * Refuses a record at `path` unless a grant for `permission` covers it. A record the caller cannot
 * even see answers 404, as if it did not exist, so ids outside one's territory confirm nothing;
 * one the caller sees but may not change, or a right the caller holds nowhere, answers 403.
 */
export function authorizeRecord(actor: Actor, permission: string, seePermission: string, path: string, what: string, id: string): void {
  if (canAt(actor, permission, path)) return;
  if (!can(actor, permission) || canAt(actor, seePermission, path)) throw forbidden();
  throw notFound(what, id);
}

/** Loads a node the caller may see for `permission`; outside the caller's subtrees it does not exist (404). */
export async function nodeInSight(db: Db, actor: Actor, permission: string, id: string) {
  const [n] = await db.select().from(territory).where(eq(territory.id, id));
  if (!n) throw notFound('territory', id);
  authorizeRecord(actor, permission, 'territory.read', n.path, 'territory', id);
  return n;
}

export async function roots(db: Db, actor: Actor) {
  const paths = minimalPaths(grantsFor(actor, 'territory.read').map((g) => g.path));
  const ids = paths.map((p) => idsOfPath(p).at(-1)!);
  if (ids.length === 0) return [];
  const rows = await db.select({ t: territory, hasChildren }).from(territory).where(inArray(territory.id, ids)).orderBy(asc(territory.code));
  return rows.map((r) => presentNode(r.t, r.hasChildren));
}

export async function children(db: Db, actor: Actor, id: string) {
  await nodeInSight(db, actor, 'territory.read', id);
  const rows = await db
    .select({ t: territory, hasChildren })
    .from(territory)
    .where(eq(territory.parentId, id))
    .orderBy(asc(territory.code), asc(territory.name));
  return rows.map((r) => presentNode(r.t, r.hasChildren));
}

export async function search(db: Db, actor: Actor, q: { code?: string; q?: string }) {
  const match = q.code
    ? eq(territory.code, q.code)
    : or(ilike(territory.name, `%${q.q!.replace(/[\\%_]/g, '\\$&')}%`), like(territory.code, `${q.q!.replace(/[\\%_]/g, '\\$&')}%`));
  const rows = await db
    .select({ t: territory, hasChildren })
    .from(territory)
    .where(and(match, scope(actor, 'territory.read', territory.path)))
    .orderBy(asc(territory.depth), asc(territory.code))
    .limit(50);
  return rows.map((r) => presentNode(r.t, r.hasChildren));
}

/** A node with its breadcrumb (the ancestors the caller may see) and what hangs under it. */
export async function nodeDetail(db: Db, actor: Actor, id: string) {
  const n = await nodeInSight(db, actor, 'territory.read', id);
  const ancestorIds = idsOfPath(n.path).slice(0, -1);
  const ancestors = ancestorIds.length
    ? await db.select().from(territory).where(and(inArray(territory.id, ancestorIds), scope(actor, 'territory.read', territory.path))).orderBy(asc(territory.depth))
    : [];
  const sub = likePrefix(n.path);
  const [counts] = await db
    .select({
      children: sql<number>`(select count(*)::int from ${territory} c where c.parent_id = ${n.id})`,
      bodies: sql<number>`(select count(*)::int from ${body} b where b.territory_id = ${n.id} and b.retired_at is null)`,
      people: sql<number>`(select count(*)::int from ${person} p join ${territory} t on t.id = p.territory_id where t.path like ${sub})`,
      households: sql<number>`(select count(*)::int from ${household} h join ${territory} t on t.id = h.territory_id where t.path like ${sub})`,
    })
    .from(sql`(select 1) as one`);
  const [hc] = await db.select({ hasChildren }).from(territory).where(eq(territory.id, n.id));
  return {
    ...presentNode(n, hc!.hasChildren),
    ancestors: ancestors.map((a) => presentNode(a, true)),
    counts: counts!,
  };
}

/** Per child of a node: how many communities, grids, buildings, households, people and members lie below. */
export async function overview(db: Db, actor: Actor, id: string) {
  const n = await nodeInSight(db, actor, 'stats.read', id);
  const rows = (await db.execute(sql`
    with kids as (select * from ${territory} where parent_id = ${n.id}),
    sub as (
      select k.id as child_id, t.id, t.kind from kids k join ${territory} t on t.path like k.path || '%'
    )
    select k.id, k.parent_id, k.code, k.name, k.kind, k.retired,
      exists (select 1 from ${territory} c where c.parent_id = k.id) as has_children,
      (select count(*) from sub s where s.child_id = k.id and s.id <> k.id and s.kind in ('subdistrict','town','zone'))::int as subdistricts,
      (select count(*) from sub s where s.child_id = k.id and s.id <> k.id and s.kind in ('neighborhood','village'))::int as communities,
      (select count(*) from sub s where s.child_id = k.id and s.id <> k.id and s.kind = 'grid')::int as grids,
      (select count(*) from sub s where s.child_id = k.id and s.id <> k.id and s.kind = 'building')::int as buildings,
      (select count(*) from sub s join ${household} h on h.territory_id = s.id where s.child_id = k.id)::int as households,
      (select count(*) from sub s join ${person} p on p.territory_id = s.id where s.child_id = k.id)::int as people,
      (select count(*) from sub s join ${person} p on p.territory_id = s.id where s.child_id = k.id and p.is_party_member)::int as party_members,
      (select count(*) from sub s join ${body} b on b.territory_id = s.id where s.child_id = k.id and b.retired_at is null)::int as bodies
    from kids k order by k.code, k.name`)) as unknown as { rows: Record<string, unknown>[] };
  return {
    node: presentNode(n, true),
    rows: rows.rows.map((r) => ({
      node: {
        id: r.id as string, parentId: r.parent_id as string, code: r.code as string | null, name: r.name as string,
        kind: r.kind as string, retired: r.retired as boolean, hasChildren: r.has_children as boolean,
      },
      subdistricts: r.subdistricts as number, communities: r.communities as number, grids: r.grids as number,
      buildings: r.buildings as number, households: r.households as number, people: r.people as number,
      partyMembers: r.party_members as number, bodies: r.bodies as number,
    })),
  };
}
