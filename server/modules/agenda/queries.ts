import { type SQL, and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../core/errors.ts';
import type { Actor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { body } from '../../db/schema/bodies.ts';
import { demand } from '../../db/schema/demands.ts';
import { agendaItem, meeting, meetingItem, meetingParticipant, meetingVote } from '../../db/schema/deliberation.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { underAny } from '../activities/reach.ts';
import { type AgendaRow, type DecisionOut, presentAgendaItem } from './presenters.ts';
import { type AgendaState, PUBLIC_STATES, agendaActions, isProposer, isStaffAt, ownCommunities, staffPaths } from './rules.ts';

const target = alias(agendaItem, 'merge_target');

/**
 * Who sees an item, as one SQL condition: staff their territory; a proposer their own; residents
 * and party members what the party organisation has taken up in their community.
 */
export function visibleItems(actor: Actor): SQL {
  const conds: SQL[] = [underAny(staffPaths(actor, 'agenda.read'), agendaItem.path), eq(agendaItem.proposedBy, actor.accountId)];
  if (actor.personId) conds.push(eq(agendaItem.proposerPersonId, actor.personId));
  const communities = ownCommunities(actor, 'agenda.read');
  if (communities.length) conds.push(and(underAny(communities, agendaItem.path), inArray(agendaItem.state, PUBLIC_STATES))!);
  return or(...conds)!;
}

const select = (db: Db) =>
  db.select({
    a: agendaItem, communityName: territory.name, personName: person.name, bodyName: body.name,
    demandNo: demand.no, demandTitle: demand.title, mergedTitle: target.title,
    meetingTitle: meeting.title, meetingStartsAt: meeting.startsAt, meetingState: meeting.state,
  })
    .from(agendaItem)
    .innerJoin(territory, eq(territory.id, agendaItem.territoryId))
    .leftJoin(person, eq(person.id, agendaItem.proposerPersonId))
    .leftJoin(body, eq(body.id, agendaItem.proposerBodyId))
    .leftJoin(demand, eq(demand.id, agendaItem.demandId))
    .leftJoin(target, eq(target.id, agendaItem.mergedIntoId))
    .leftJoin(meeting, eq(meeting.id, agendaItem.meetingId));

const present = (actor: Actor) => (r: AgendaRow) => {
  const mine = isProposer(actor, r.a);
  return presentAgendaItem(r, { fullNames: mine || isStaffAt(actor, 'agenda.read', r.a.path), mine, actions: agendaActions(actor, r.a) });
};

export interface AgendaQuery {
  state?: AgendaState[];
  territoryId?: string;
  mine?: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

export async function listAgendaItems(db: Db, actor: Actor, q: AgendaQuery) {
  const conds: SQL[] = [visibleItems(actor)];
  if (q.state?.length) conds.push(inArray(agendaItem.state, q.state));
  if (q.mine) conds.push(or(eq(agendaItem.proposedBy, actor.accountId), actor.personId ? eq(agendaItem.proposerPersonId, actor.personId) : sql`false`)!);
  if (q.q) conds.push(or(ilike(agendaItem.title, `%${escapeLike(q.q)}%`), ilike(agendaItem.description, `%${escapeLike(q.q)}%`))!);
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], agendaItem.path));
  }
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    select(db).where(where).orderBy(desc(agendaItem.createdAt), desc(agendaItem.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(agendaItem).where(where),
  ]);
  return { items: rows.map(present(actor)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** An item the caller may see; otherwise it does not exist for them. */
export async function visibleAgendaItem(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(agendaItem.id, id), visibleItems(actor)));
  if (!row) throw notFound('agendaItem', id);
  return row;
}

export async function agendaItemDetail(db: Db, actor: Actor, id: string) {
  const row = await visibleAgendaItem(db, actor, id);
  const [merged, decision] = await Promise.all([
    db.select({ id: agendaItem.id, title: agendaItem.title }).from(agendaItem).where(and(eq(agendaItem.mergedIntoId, id), visibleItems(actor))).orderBy(asc(agendaItem.createdAt)),
    decisionOfAgendaItem(db, id),
  ]);
  return { ...present(actor)(row), merged, decision };
}

/** The decision taken on an agenda item, if a meeting decided it. */
async function decisionOfAgendaItem(db: Db, agendaItemId: string): Promise<DecisionOut | null> {
  const [mi] = await db.select().from(meetingItem).where(and(eq(meetingItem.agendaItemId, agendaItemId), sql`${meetingItem.outcome} is not null`));
  if (!mi) return null;
  return (await decisionsOf(db, [mi])).get(mi.id) ?? null;
}

/** The decisions of meeting items, with show-of-hands votes by name. */
export async function decisionsOf(db: Db, items: (typeof meetingItem.$inferSelect)[]): Promise<Map<string, DecisionOut>> {
  const decided = items.filter((i) => i.outcome && i.method && i.decidedAt);
  const out = new Map<string, DecisionOut>();
  if (!decided.length) return out;
  const [votes, signIns] = await Promise.all([
    db.select({ itemId: meetingVote.meetingItemId, participantId: meetingVote.participantId, name: meetingParticipant.name, choice: meetingVote.choice })
      .from(meetingVote).innerJoin(meetingParticipant, eq(meetingParticipant.id, meetingVote.participantId))
      .where(inArray(meetingVote.meetingItemId, decided.map((i) => i.id))).orderBy(asc(meetingParticipant.name)),
    db.select({ meetingId: meetingParticipant.meetingId, at: meetingParticipant.signedInAt }).from(meetingParticipant)
      .where(and(inArray(meetingParticipant.meetingId, [...new Set(decided.map((i) => i.meetingId))]), eq(meetingParticipant.voting, true), sql`${meetingParticipant.signedInAt} is not null`)),
  ]);
  for (const i of decided) {
    const f = i.votesFor ?? 0, a = i.votesAgainst ?? 0, ab = i.votesAbstain ?? 0;
    // Those present when the item was decided: signed in by then (people may still arrive later).
    const present = signIns.filter((s) => s.meetingId === i.meetingId && s.at! <= i.decidedAt!).length;
    out.set(i.id, {
      method: i.method!, for: f, against: a, abstain: ab, present,
      outcome: i.outcome === 'adopted' ? 'adopted' : 'rejected',
      votes: votes.filter((v) => v.itemId === i.id).map(({ participantId, name, choice }) => ({ participantId, name, choice })),
      decidedAt: i.decidedAt!.toISOString(),
    });
  }
  return out;
}

/** An item with nothing filtered, for actions that check their own rights. */
export async function agendaItemById(db: Db, id: string) {
  const [a] = await db.select().from(agendaItem).where(eq(agendaItem.id, id));
  if (!a) throw notFound('agendaItem', id);
  return a;
}
