import { randomUUID } from 'node:crypto';
import type { Pii } from '../core/pii.ts';
import { hashPassword } from '../core/password.ts';
import type { Db } from '../db/client.ts';
import { type Role, account, grant } from '../db/schema/accounts.ts';
import { type BodyKind, type Position, body, bodyMember } from '../db/schema/bodies.ts';
import { household, person } from '../db/schema/people.ts';
import { type TerritoryKind, territory } from '../db/schema/territory.ts';
import { encryptedNumbers } from '../modules/people/actions/person-fields.ts';
import { childPath, rootPath } from '../modules/territory/rules.ts';
import { chineseName, idNumber, phoneNumber, seeded, type Random } from './random.ts';

/**
 * Builders shared by the demo district, the tests and the benchmarks: they write rows directly,
 * without audit, because they stand for data that already exists.
 */
export type Node = typeof territory.$inferSelect;

export async function makeNode(db: Db, parent: Node | null, kind: TerritoryKind, name: string, code: string | null = null): Promise<Node> {
  const id = randomUUID();
  const [n] = await db
    .insert(territory)
    .values({ id, parentId: parent?.id ?? null, kind, name, code, path: parent ? childPath(parent.path, id) : rootPath(id), depth: parent ? parent.depth + 1 : 0 })
    .returning();
  return n!;
}

export async function makeBody(db: Db, node: Node, kind: BodyKind, name: string) {
  const [b] = await db.insert(body).values({ territoryId: node.id, kind, name }).returning();
  return b!;
}

export async function makeMember(db: Db, bodyId: string, personId: string, position: Position) {
  await db.insert(bodyMember).values({ bodyId, personId, position });
}

/** Numbers come from a serial; start it where existing data ends (`setSerial`) to stay unique. */
let serial = 0;
export const setSerial = (n: number) => {
  serial = n;
};
export interface PersonOptions {
  name?: string;
  gender?: 'male' | 'female';
  idNumber?: string;
  phone?: string | null;
  room?: string;
  relation?: string;
  isPartyMember?: boolean;
  partyOrgId?: string | null;
  random?: Random;
}

export async function makeHousehold(db: Db, node: Node, room: string) {
  const [h] = await db.insert(household).values({ territoryId: node.id, room, address: `${node.name}${room}室` }).returning();
  return h!;
}

export async function makePerson(db: Db, pii: Pii, node: Node, o: PersonOptions & { householdId?: string | null } = {}) {
  const n = ++serial;
  const r = o.random ?? seeded(n * 7919);
  const gender = o.gender ?? (r.next() < 0.5 ? 'male' : 'female');
  const id = o.idNumber ?? idNumber(n, gender);
  const phone = o.phone === undefined ? phoneNumber(n) : o.phone;
  const numbers = encryptedNumbers(pii, id, phone);
  const [p] = await db
    .insert(person)
    .values({
      territoryId: node.id, householdId: o.householdId ?? null, relation: o.relation ?? null,
      name: o.name ?? chineseName(r), ...numbers,
      isPartyMember: o.isPartyMember ?? false, partyOrgId: o.partyOrgId ?? null,
      joinedPartyOn: o.isPartyMember ? `${2026 - r.int(1, 40)}-07-01` : null,
    })
    .returning();
  return p!;
}

export async function makeAccount(
  db: Db,
  o: { username: string; displayName?: string; password: string; personId?: string | null; mustChangePassword?: boolean; grants?: { role: Role; territoryId: string }[] },
) {
  const [a] = await db
    .insert(account)
    .values({
      username: o.username, displayName: o.displayName ?? o.username, personId: o.personId ?? null,
      passwordHash: await hashPassword(o.password), mustChangePassword: o.mustChangePassword ?? false,
    })
    .returning();
  for (const g of o.grants ?? []) await db.insert(grant).values({ accountId: a!.id, ...g });
  return a!;
}
