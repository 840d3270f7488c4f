import { type SQL, and, asc, count, desc, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../../core/errors.ts';
import { type Actor, likePrefix, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { body } from '../../db/schema/bodies.ts';
import { memberRegistration as r, pointsBalance, unitRegistration as u } from '../../db/schema/members.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { periodsOf } from '../points/periods.ts';
import { nodeInSight } from '../territory/queries.ts';
import { type RegistrationRow, type UnitRegistrationRow, presentRegistration, presentUnitRegistration } from './presenters.ts';

const community = alias(territory, 'community');
const workplace = alias(body, 'workplace');

export const registrationColumns = {
  id: r.id, personId: r.personId, personName: person.name, communityId: r.communityId, communityName: community.name,
  workplaceOrgId: r.workplaceOrgId, workplaceBodyName: workplace.name, workplaceOrgName: r.workplaceOrgName, state: r.state,
  reason: r.reason, submittedAt: r.submittedAt, decidedAt: r.decidedAt,
};

const registrations = (db: Db) => db.select(registrationColumns).from(r)
  .innerJoin(person, eq(person.id, r.personId))
  .innerJoin(community, eq(community.id, r.communityId))
  .leftJoin(workplace, eq(workplace.id, r.workplaceOrgId));

export async function registrationById(db: Db, id: string): Promise<(RegistrationRow & { communityPath: string }) | undefined> {
  const [row] = await db.select({ ...registrationColumns, communityPath: community.path }).from(r)
    .innerJoin(person, eq(person.id, r.personId))
    .innerJoin(community, eq(community.id, r.communityId))
    .leftJoin(workplace, eq(workplace.id, r.workplaceOrgId))
    .where(eq(r.id, id));
  return row;
}

export async function myRegistrations(db: Db, personId: string) {
  const rows = await registrations(db).where(eq(r.personId, personId)).orderBy(desc(r.submittedAt));
  const history = rows.map(presentRegistration);
  return { current: history.find((h) => h.state === 'pending' || h.state === 'confirmed') ?? null, history };
}

export interface RegistrationFilter { territoryId?: string; state?: RegistrationRow['state']; q?: string }

async function registrationWhere(db: Db, actor: Actor, f: RegistrationFilter) {
  const node = f.territoryId ? await nodeInSight(db, actor, 'registration.read', f.territoryId) : null;
  return and(
    scope(actor, 'registration.read', community.path),
    node ? like(community.path, likePrefix(node.path)) : undefined,
    f.state ? eq(r.state, f.state) : undefined,
    f.q ? ilike(person.name, `%${f.q.replace(/[\\%_]/g, '\\$&')}%`) : undefined,
  );
}

const yearPoints = sql<number>`coalesce((select ${pointsBalance.points} from ${pointsBalance} where ${pointsBalance.personId} = ${r.personId} and ${pointsBalance.period} = ${periodsOf(new Date())[1]!}), 0)`;

/** Registrations to communities in the caller's territory; `state=confirmed` is the roster. */
export async function listRegistrations(db: Db, actor: Actor, f: RegistrationFilter & { page: number; pageSize: number }) {
  const where = await registrationWhere(db, actor, f);
  const rows = await registrations(db).where(where).orderBy(desc(r.submittedAt), asc(r.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const extra = rows.length === 0 ? [] : await db.select({ id: r.id, phone: person.phoneMasked, points: yearPoints }).from(r)
    .innerJoin(person, eq(person.id, r.personId)).where(inArray(r.id, rows.map((x) => x.id)));
  const [t] = await db.select({ n: count() }).from(r).innerJoin(person, eq(person.id, r.personId)).innerJoin(community, eq(community.id, r.communityId)).where(where);
  return {
    items: rows.map((x) => {
      const e = extra.find((y) => y.id === x.id);
      return { ...presentRegistration(x), phone: e?.phone ?? null, pointsYear: Number(e?.points ?? 0) };
    }),
    total: Number(t!.n), page: f.page, pageSize: f.pageSize,
  };
}

/** The confirmed members of the caller's communities, for the roster file. */
export async function rosterRows(db: Db, actor: Actor, territoryId: string | undefined) {
  const where = await registrationWhere(db, actor, { territoryId, state: 'confirmed' });
  return db.select({ ...registrationColumns, gender: person.gender, phone: person.phoneMasked, points: yearPoints })
    .from(r).innerJoin(person, eq(person.id, r.personId)).innerJoin(community, eq(community.id, r.communityId)).leftJoin(workplace, eq(workplace.id, r.workplaceOrgId))
    .where(where).orderBy(asc(community.name), asc(person.name)).limit(50_000);
}

/** Party bodies of the member's district by name: the picker for a workplace organisation. */
export async function workplaceOrgs(db: Db, districtPath: string, q: string | undefined) {
  const rows = await db.select({ id: body.id, name: body.name, kind: body.kind, territoryName: territory.name }).from(body)
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .where(and(like(body.kind, 'party\\_%'), like(territory.path, likePrefix(districtPath)), q ? ilike(body.name, `%${q.replace(/[\\%_]/g, '\\$&')}%`) : undefined))
    .orderBy(asc(body.name)).limit(20);
  return rows;
}

const unitNode = alias(territory, 'unit_node');
const target = alias(territory, 'target');
const unitColumns = {
  id: u.id, bodyId: u.bodyId, bodyName: body.name, territoryId: u.territoryId, territoryName: target.name, territoryKind: target.kind,
  commitments: u.commitments, state: u.state, reason: u.reason, submittedAt: u.submittedAt, decidedAt: u.decidedAt,
};
const unitRegistrations = (db: Db) => db.select({ ...unitColumns, targetPath: target.path, unitPath: unitNode.path }).from(u)
  .innerJoin(body, eq(body.id, u.bodyId))
  .innerJoin(unitNode, eq(unitNode.id, body.territoryId))
  .innerJoin(target, eq(target.id, u.territoryId));

export async function unitRegistrationById(db: Db, id: string) {
  const [row] = await unitRegistrations(db).where(eq(u.id, id));
  return row as (UnitRegistrationRow & { targetPath: string; unitPath: string }) | undefined;
}

/** Unit registrations to the caller's nodes, or made by units in the caller's territory. */
export async function listUnitRegistrations(db: Db, actor: Actor, f: { territoryId?: string; state?: UnitRegistrationRow['state']; page: number; pageSize: number }) {
  const node = f.territoryId ? await nodeInSight(db, actor, 'unit-registration.read', f.territoryId) : null;
  const where: SQL | undefined = and(
    or(scope(actor, 'unit-registration.read', target.path), scope(actor, 'unit-registration.read', unitNode.path)),
    node ? or(like(target.path, likePrefix(node.path)), like(unitNode.path, likePrefix(node.path))) : undefined,
    f.state ? eq(u.state, f.state) : undefined,
  );
  const rows = await unitRegistrations(db).where(where).orderBy(desc(u.submittedAt), asc(u.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize);
  const [t] = await db.select({ n: count() }).from(u).innerJoin(body, eq(body.id, u.bodyId)).innerJoin(unitNode, eq(unitNode.id, body.territoryId))
    .innerJoin(target, eq(target.id, u.territoryId)).where(where);
  return { items: rows.map((x) => presentUnitRegistration(x as UnitRegistrationRow)), total: Number(t!.n), page: f.page, pageSize: f.pageSize };
}

export async function bodyWithPath(db: Db, id: string) {
  const [b] = await db.select({ id: body.id, name: body.name, kind: body.kind, territoryId: body.territoryId, path: territory.path }).from(body)
    .innerJoin(territory, eq(territory.id, body.territoryId)).where(eq(body.id, id));
  if (!b) throw notFound('body', id);
  return b;
}
