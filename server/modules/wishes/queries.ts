import { type SQL, and, desc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { wish } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { ownCommunityFirst, reachPaths, reaches, underAny } from '../activities/reach.ts';
import { WISH_STAFF } from './policy.ts';
import { presentWish } from './presenters.ts';

const claimer = alias(person, 'claimer');

/**
 * Who sees a wish, as one SQL condition: staff everything in their territory; members the open
 * wishes of their street and the ones they claimed; a resident their own.
 */
function visible(actor: Actor): SQL {
  const me = actor.personId;
  const conds: SQL[] = [underAny(reachPaths(actor, 'wish.read', WISH_STAFF), territory.path)];
  const street = reachPaths(actor, 'wish.read', ['party_member']);
  if (me && street.length) conds.push(and(underAny(street, territory.path), or(eq(wish.state, 'open'), eq(wish.claimedBy, me)))!);
  if (me && actor.grants.some((g) => g.role === 'resident')) conds.push(eq(wish.residentId, me));
  return or(...conds)!;
}

const select = (db: Db) =>
  db.select({ w: wish, territoryName: territory.name, path: territory.path, residentName: person.name, claimerName: claimer.name })
    .from(wish)
    .innerJoin(territory, eq(territory.id, wish.territoryId))
    .innerJoin(person, eq(person.id, wish.residentId))
    .leftJoin(claimer, eq(claimer.id, wish.claimedBy));

type Row = { w: typeof wish.$inferSelect; territoryName: string; path: string; residentName: string; claimerName: string | null };

const present = (actor: Actor) => (r: Row) =>
  presentWish({
    ...r,
    fullNames: reaches(reachPaths(actor, 'wish.read', WISH_STAFF), r.path) || r.w.residentId === actor.personId,
    me: actor.personId,
  });

export interface WishQuery {
  state?: (typeof wish.$inferSelect)['state'];
  mine?: boolean;
  territoryId?: string;
}

export async function listWishes(db: Db, actor: Actor, q: WishQuery) {
  const conds: SQL[] = [visible(actor)];
  if (q.state) conds.push(eq(wish.state, q.state));
  if (q.mine) conds.push(actor.personId ? or(eq(wish.residentId, actor.personId), eq(wish.claimedBy, actor.personId))! : sql`false`);
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], territory.path));
  }
  const rows = await select(db).where(and(...conds)).orderBy(...ownCommunityFirst(actor, territory.path), desc(wish.createdAt)).limit(500);
  return rows.map(present(actor));
}

/** A wish the caller may see; otherwise it does not exist for them. */
export async function visibleWish(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(wish.id, id), visible(actor)));
  if (!row) throw notFound('wish', id);
  return { row, view: present(actor)(row) };
}

/** A wish with its node's path, for actions to check their own rights on. */
export async function wishWithPath(db: Db, id: string) {
  const [row] = await db.select({ w: wish, path: territory.path }).from(wish).innerJoin(territory, eq(territory.id, wish.territoryId)).where(eq(wish.id, id));
  if (!row) throw notFound('wish', id);
  return row;
}
