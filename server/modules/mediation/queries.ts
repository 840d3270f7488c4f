import { type SQL, and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, canAt, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { body, bodyMember } from '../../db/schema/bodies.ts';
import { mediationCase, mediationParty, mediationSession } from '../../db/schema/deliberation.ts';
import { demand } from '../../db/schema/demands.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { streetOf, underAny } from '../activities/reach.ts';
import { mediationPolicy as P } from './policy.ts';
import { presentCase, presentParty, presentSession } from './presenters.ts';
import { caseActions, canDo } from './rules.ts';

const select = (db: Db) =>
  db.select({ m: mediationCase, territoryName: territory.name, mediatorName: person.name })
    .from(mediationCase)
    .innerJoin(territory, eq(territory.id, mediationCase.territoryId))
    .leftJoin(person, eq(person.id, mediationCase.mediatorPersonId));

async function partiesOf(db: Db, caseIds: string[]) {
  if (!caseIds.length) return [];
  return db.select().from(mediationParty).where(inArray(mediationParty.caseId, caseIds)).orderBy(asc(mediationParty.side), asc(mediationParty.id));
}

export interface CaseQuery {
  territoryId?: string;
  state?: (typeof mediationCase.$inferSelect)['state'];
}

export async function listCases(db: Db, actor: Actor, q: CaseQuery) {
  const conds: SQL[] = [scope(actor, P['mediation.read'], mediationCase.path)];
  if (q.state) conds.push(eq(mediationCase.state, q.state));
  if (q.territoryId) {
    const [node] = await db.select({ path: territory.path }).from(territory).where(eq(territory.id, q.territoryId));
    if (!node) throw notFound('territory', q.territoryId);
    conds.push(underAny([node.path], mediationCase.path));
  }
  const rows = await select(db).where(and(...conds)).orderBy(desc(mediationCase.createdAt)).limit(500);
  const parties = await partiesOf(db, rows.map((r) => r.m.id));
  return rows.map((r) => presentCase({ ...r, parties: parties.filter((p) => p.caseId === r.m.id) }));
}

/** The whole case as the caller may read it; outside their territory it does not exist. */
export async function caseDetail(db: Db, actor: Actor, id: string) {
  const [row] = await select(db).where(and(eq(mediationCase.id, id), scope(actor, P['mediation.read'], mediationCase.path)));
  if (!row) throw notFound('mediationCase', id);
  const parties = await partiesOf(db, [id]);
  const sessions = await db.select({ s: mediationSession, recordedBy: account.displayName }).from(mediationSession)
    .leftJoin(account, eq(account.id, mediationSession.accountId)).where(eq(mediationSession.caseId, id)).orderBy(asc(mediationSession.heldAt));
  const [d] = row.m.demandId ? await db.select({ id: demand.id, no: demand.no }).from(demand).where(eq(demand.id, row.m.demandId)) : [];
  const { m } = row;
  const handles = canAt(actor, P['mediation.handle'], m.path);
  return {
    ...presentCase({ ...row, parties }),
    description: m.description, demand: d ?? null,
    partyList: parties.map(presentParty), sessions: sessions.map((s) => presentSession({ ...s.s, recordedBy: s.recordedBy })),
    agreementText: m.agreementText, agreedAt: m.agreedAt?.toISOString() ?? null, failReason: m.failReason,
    followUpOn: m.followUpOn, followUpNote: m.followUpNote, followedUpAt: m.followedUpAt?.toISOString() ?? null,
    actions: handles ? caseActions.filter((a) => canDo(a, m.state)) : [],
  };
}

/** The case locked for the rest of the transaction, if the caller handles cases at its place. */
export async function lockCase(tx: Db, actor: Actor, id: string) {
  const [m] = await tx.select().from(mediationCase).where(eq(mediationCase.id, id)).for('update');
  if (!m || !canAt(actor, P['mediation.handle'], m.path)) throw notFound('mediationCase', id);
  return m;
}

/** People the street's bodies name as mediators (position mediator), the natural choices for a case at this node. */
export async function mediatorsNear(db: Db, actor: Actor, territoryId: string) {
  const [node] = await db.select({ path: territory.path }).from(territory).where(and(eq(territory.id, territoryId), scope(actor, P['mediation.read'], territory.path)));
  if (!node) throw notFound('territory', territoryId);
  const rows = await db.selectDistinctOn([person.id], { id: person.id, name: person.name, bodyName: body.name, path: territory.path })
    .from(bodyMember).innerJoin(body, eq(body.id, bodyMember.bodyId)).innerJoin(person, eq(person.id, bodyMember.personId))
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .where(and(eq(bodyMember.position, 'mediator'), isNull(bodyMember.endedOn), underAny([streetOf(node.path)], territory.path)))
    .orderBy(person.id).limit(100);
  // The ones of the case's own community first.
  return rows.map((r) => ({ id: r.id, name: r.name, bodyName: r.bodyName, near: node.path.startsWith(r.path) }))
    .sort((a, b) => Number(b.near) - Number(a.near) || a.name.localeCompare(b.name, 'zh'));
}
