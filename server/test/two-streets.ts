import type { Role } from '../db/schema/accounts.ts';
import { roles } from '../db/schema/accounts.ts';
import type { person } from '../db/schema/people.ts';
import { createSession } from '../core/session.ts';
import { type Node, makeAccount, makeBody, makeHousehold, makeMember, makeNode, makePerson } from '../demo/factories.ts';
import { TEST_PASSWORD, type Session, type TestContext } from './harness.ts';

export type Person = typeof person.$inferSelect;
type Body = Awaited<ReturnType<typeof makeBody>>;

/** One street of the test district, each level with something on it. */
export interface Street {
  street: Node;
  community: Node;
  grid: Node;
  building: Node;
  person: Person;
  /** The community's party general branch, and the building's party group (楼组党小组). */
  branch: Body;
  group: Body;
}

export interface TwoStreets {
  district: Node;
  a: Street;
  b: Street;
}

/**
 * A district with streets A and B, each down to a building with a household, a person and
 * bodies. Codes are `T-<street>-<level>` so CSV imports can name the nodes.
 */
export async function makeTwoStreets(t: TestContext): Promise<TwoStreets> {
  const district = await makeNode(t.db, null, 'district', '测试区', 'T');
  const street = async (s: 'A' | 'B'): Promise<Street> => {
    const st = await makeNode(t.db, district, 'subdistrict', `${s}街道`, `T-${s}`);
    const community = await makeNode(t.db, st, 'neighborhood', `${s}居民区`, `T-${s}-C`);
    const grid = await makeNode(t.db, community, 'grid', `${s}第一网格`, `T-${s}-G`);
    const building = await makeNode(t.db, grid, 'building', `${s}1号楼`, `T-${s}-B`);
    const branch = await makeBody(t.db, community, 'party_general_branch', `${s}居民区党总支`);
    const group = await makeBody(t.db, building, 'party_group', `${s}1号楼党小组`);
    const hh = await makeHousehold(t.db, building, '101');
    const p = await makePerson(t.db, t.pii, building, { name: `${s === 'A' ? '甲' : '乙'}居民`, householdId: hh.id, relation: '户主' });
    await makeMember(t.db, group.id, p.id, 'member');
    return { street: st, community, grid, building, person: p, branch, group };
  };
  return { district, a: await street('A'), b: await street('B') };
}

/** Where each role is granted in street A: the level its daily work sits at (DESIGN §2). */
export const grantLevel: Record<Role, keyof Street | 'district'> = {
  resident: 'building',
  party_member: 'community',
  grid_worker: 'grid',
  community_worker: 'community',
  community_secretary: 'community',
  street_admin: 'street',
  district_admin: 'district',
  unit_liaison: 'community',
  deputy: 'community',
  sysadmin: 'district',
  secadmin: 'district',
  auditor: 'district',
};

export interface RoleAccount {
  role: Role;
  accountId: string;
  /** The account's own person: set for the party member and the resident. */
  personId: string | null;
  username: string;
  node: Node;
  session: Session;
}

/** One account per role, granted per `grantLevel` in street A, each with a live session. */
export async function makeRoleAccounts(t: TestContext, f: TwoStreets): Promise<Record<Role, RoleAccount>> {
  const out = {} as Record<Role, RoleAccount>;
  for (const role of roles) {
    const level = grantLevel[role];
    // The member is a person living in street A, so the member's own routes have someone to act for;
    // the resident is street A's resident, who posts and confirms wishes of their own.
    const personId = role === 'party_member' ? (await makePerson(t.db, t.pii, f.a.building, { name: '甲党员', isPartyMember: true })).id
      : role === 'resident' ? f.a.person.id : null;
    out[role] = await accountFor(t, role, level === 'district' ? f.district : (f.a[level] as Node), `r-${role}`, personId);
  }
  return out;
}

/** An account holding one role on one node, logged in. */
export async function accountFor(t: TestContext, role: Role, node: Node, username = `r-${role}`, personId: string | null = null): Promise<RoleAccount> {
  const a = await makeAccount(t.db, { username, password: TEST_PASSWORD, personId, grants: [{ role, territoryId: node.id }] });
  return { role, accountId: a.id, personId, username, node, session: await sessionFor(t, a.id) };
}

/** A session made directly, without the (deliberately slow) password check of a login. */
export async function sessionFor(t: TestContext, accountId: string): Promise<Session> {
  const { token, csrfToken } = await createSession(t.db, accountId, '127.0.0.1');
  return { cookie: `gz_session=${token}`, csrf: csrfToken };
}
