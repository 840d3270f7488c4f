import { and, asc, count, eq, isNull, like, or, type SQL } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { isValidIdNumber, isValidPhone, normalizeIdNumber, normalizePhone, type Pii } from '../../core/pii.ts';
import { type Actor, canAt, likePrefix, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { body, bodyMember } from '../../db/schema/bodies.ts';
import { household, person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { authorizeRecord, nodeInSight } from '../territory/queries.ts';
import { presentPerson } from './presenters.ts';

export interface PeopleFilter {
  territoryId?: string | undefined;
  q?: string | undefined;
  partyMember?: boolean | undefined;
}

/** The columns of a list row, before the presenter masks and shapes it. */
export const rowColumns = {
  id: person.id, name: person.name, gender: person.gender, birthDate: person.birthDate, phoneMasked: person.phoneMasked,
  idNumberMasked: person.idNumberMasked, territoryId: person.territoryId, territoryName: territory.name, room: household.room,
  isPartyMember: person.isPartyMember,
};

/**
 * The filter of a people list, territory scope included: a name prefix, or an exact phone or
 * ID number found through its keyed hash.
 */
export async function peopleWhere(db: Db, pii: Pii, actor: Actor, permission: string, f: PeopleFilter): Promise<SQL> {
  const conds: (SQL | undefined)[] = [scope(actor, permission, territory.path)];
  if (f.territoryId) {
    const n = await nodeInSight(db, actor, permission, f.territoryId);
    conds.push(like(territory.path, likePrefix(n.path)));
  }
  if (f.partyMember) conds.push(eq(person.isPartyMember, true));
  const q = f.q?.trim();
  if (q) {
    const phone = normalizePhone(q);
    const id = normalizeIdNumber(q);
    if (isValidPhone(phone)) conds.push(eq(person.phoneHash, pii.hash(phone)));
    else if (isValidIdNumber(id)) conds.push(eq(person.idNumberHash, pii.hash(id)));
    else {
      const namePrefix = like(person.name, `${q.replace(/[\\%_]/g, '\\$&')}%`);
      // Room numbers start with a digit or a letter, names with a Chinese character. Alone, the name
      // condition is answered by the (territory, name) index; OR-ed with the household's room it
      // forces a read of every person in the subtree (a whole street: tens of thousands of rows).
      conds.push(/^[0-9A-Za-z]/.test(q) ? or(namePrefix, eq(household.room, q)) : namePrefix);
    }
  }
  return and(...conds)!;
}

export async function listPeople(db: Db, pii: Pii, actor: Actor, f: PeopleFilter & { page: number; pageSize: number }) {
  const where = await peopleWhere(db, pii, actor, 'person.read', f);
  const base = () => db.select(rowColumns).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).leftJoin(household, eq(household.id, person.householdId));
  const [items, [total]] = await Promise.all([
    base().where(where).orderBy(asc(person.name), asc(person.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).leftJoin(household, eq(household.id, person.householdId)).where(where),
  ]);
  return { items: items.map(presentPerson), total: total!.n, page: f.page, pageSize: f.pageSize };
}

export async function personInScope(db: Db, actor: Actor, permission: string, id: string) {
  const row = await loadPerson(db, id);
  authorizeRecord(actor, permission, 'person.read', row.path, 'person', id);
  return row;
}

export async function loadPerson(db: Db, id: string) {
  const [row] = await db
    .select({ p: person, path: territory.path, territoryName: territory.name, room: household.room })
    .from(person)
    .innerJoin(territory, eq(territory.id, person.territoryId))
    .leftJoin(household, eq(household.id, person.householdId))
    .where(eq(person.id, id));
  if (!row) throw notFound('person', id);
  return row;
}

export async function personDetail(db: Db, actor: Actor, id: string) {
  const row = await personInScope(db, actor, 'person.read', id);
  return describe(db, row, canAt(actor, 'person.reveal', row.path));
}

/** A person's page: the masked record, household, positions and party organisation. */
export async function describe(db: Db, row: Awaited<ReturnType<typeof personInScope>>, canReveal: boolean) {
  const { p } = row;
  const [hh] = p.householdId ? await db.select().from(household).where(eq(household.id, p.householdId)) : [];
  const housemates = hh
    ? await db.select({ id: person.id, name: person.name, relation: person.relation }).from(person).where(eq(person.householdId, hh.id)).orderBy(asc(person.birthDate))
    : [];
  const memberships = await db
    .select({ bodyId: body.id, bodyName: body.name, position: bodyMember.position })
    .from(bodyMember)
    .innerJoin(body, eq(body.id, bodyMember.bodyId))
    .where(and(eq(bodyMember.personId, p.id), isNull(bodyMember.endedOn)));
  const [partyOrg] = p.partyOrgId ? await db.select({ id: body.id, name: body.name }).from(body).where(eq(body.id, p.partyOrgId)) : [];
  return {
    ...presentPerson({ ...p, territoryName: row.territoryName, room: row.room }),
    household: hh ? { id: hh.id, room: hh.room, address: hh.address, members: housemates } : null,
    memberships,
    partyOrg: partyOrg ?? null,
    joinedPartyOn: p.joinedPartyOn,
    canReveal,
  };
}

export async function householdsOf(db: Db, actor: Actor, territoryId: string) {
  await nodeInSight(db, actor, 'person.read', territoryId);
  const rows = await db
    .select({ hid: household.id, room: household.room, pid: person.id, name: person.name, phone: person.phoneMasked, relation: person.relation })
    .from(household)
    .leftJoin(person, eq(person.householdId, household.id))
    .where(eq(household.territoryId, territoryId))
    .orderBy(asc(household.room), asc(person.birthDate));
  const byId = new Map<string, { id: string; room: string; members: { id: string; name: string; phone: string | null; relation: string | null }[] }>();
  for (const r of rows) {
    const h = byId.get(r.hid) ?? { id: r.hid, room: r.room, members: [] };
    if (r.pid) h.members.push({ id: r.pid, name: r.name!, phone: r.phone, relation: r.relation });
    byId.set(r.hid, h);
  }
  return [...byId.values()].sort((a, b) => a.room.localeCompare(b.room, 'zh-CN', { numeric: true }));
}
