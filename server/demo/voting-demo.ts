import { eq, like } from 'drizzle-orm';
import type { Pii } from '../core/pii.ts';
import type { Db } from '../db/client.ts';
import { account } from '../db/schema/accounts.ts';
import { person } from '../db/schema/people.ts';
import { territory } from '../db/schema/territory.ts';
import { voteMatter } from '../db/schema/voting.ts';
import { countVotesFromRows } from '../modules/voting/demo-tally.ts';
import { type OwnerSpec, makeBallot, makeEstate, makeMatter } from '../modules/voting/test-data.ts';

const LONGTAN = '310117001001';
const DAY = 86_400_000;

/**
 * 龙潭苑: 60 flats, four buyers with two each, eight unsold developer flats counted as one owner,
 * demo-resident owning 1号楼101. One open vote (renewing the property manager, some ballots in)
 * and one closed (charging points on common ground) with its result frozen.
 */
export async function loadVotingDemo(db: Db, pii: Pii) {
  const [community] = await db.select().from(territory).where(eq(territory.code, LONGTAN));
  if (!community) return;
  const [resident] = await db.select({ personId: account.personId }).from(account).where(eq(account.username, 'demo-resident'));
  const people = await db.select({ id: person.id, name: person.name }).from(person).innerJoin(territory, eq(territory.id, person.territoryId))
    .where(like(territory.path, `${community.path}%`)).limit(60);
  const others = people.filter((p) => p.id !== resident?.personId);
  const flats: [string, number][] = [];
  for (let b = 1; b <= 5; b++) for (let f = 1; f <= 12; f++) flats.push([`${b}号楼${Math.ceil(f / 2)}0${(f % 2) + 1}室`, 7_850 + ((b * 13 + f * 7) % 9) * 1_125]);
  const owners: OwnerSpec[] = [{ name: '开发商（上海龙潭置业有限公司）', isDeveloper: true, units: flats.slice(52, 60) }];
  let next = 0;
  const [me] = resident?.personId ? await db.select({ id: person.id, name: person.name }).from(person).where(eq(person.id, resident.personId)) : [];
  for (let i = 0; next < 52; i++) {
    const p = i === 0 ? me : others[i];
    const units = i >= 1 && i <= 4 ? flats.slice(next, next + 2) : flats.slice(next, next + 1);
    next += units.length;
    owners.push({ name: p?.name ?? `业主${i}`, personId: p?.id ?? null, units });
  }
  const { estate, ownerIds } = await makeEstate(db, pii, community, owners, { name: '龙潭苑' });
  // Only the demo resident and the first few owners vote with accounts; the rest are register entries.
  const open = await makeMatter(db, estate.id, { kind: 'property_service', title: '续聘上海龙潭物业服务有限公司为本小区物业服务企业', closesAt: new Date(Date.now() + 10 * DAY) });
  for (const [i, id] of ownerIds.entries()) if (i >= 2 && i < 24) await makeBallot(db, pii, open.id, id, i % 6 === 0 ? 'against' : i % 9 === 0 ? 'abstain' : 'for');

  const closed = await makeMatter(db, estate.id, { kind: 'common_use_change', title: '在地面停车场增设电动自行车充电桩', state: 'closed', closesAt: new Date(Date.now() - 3 * DAY) });
  for (const [i, id] of ownerIds.entries()) if (i !== 1 && i < 44) await makeBallot(db, pii, closed.id, id, i % 5 === 0 ? 'against' : 'for');
  await db.update(voteMatter).set({ result: { ...(await countVotesFromRows(db, estate.id, closed.id, closed.kind)) }, closedAt: closed.closesAt }).where(eq(voteMatter.id, closed.id));
}
