import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { notification } from '../../db/schema/notifications.ts';
import { ballot, voteMatter } from '../../db/schema/voting.ts';
import { type Node, makeBody, makeMember, makeNode, makePerson } from '../../demo/factories.ts';
import { idNumber } from '../../demo/random.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, accountFor } from '../../test/two-streets.ts';
import { runVotingJobs } from './jobs.ts';
import { countVotes } from './queries.ts';
import { tallyVote } from './tally.ts';
import { makeBallot, makeEstate, makeMatter } from './test-data.ts';

let t: TestContext;
let community: Node, building: Node;
let secretary: RoleAccount;
let serial = 810_000;

beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', 'J');
  const street = await makeNode(t.db, district, 'subdistrict', '测试街道', 'J-S');
  community = await makeNode(t.db, street, 'neighborhood', '龙潭居民区', 'J-C');
  building = await makeNode(t.db, community, 'building', '1号楼', 'J-B');
  secretary = await accountFor(t, 'community_secretary', community, 'job-secretary');
});
afterAll(() => t.close());

async function resident(name: string) {
  const p = await makePerson(t.db, t.pii, building, { name, idNumber: idNumber(++serial, 'female') });
  return { person: p, ...(await accountFor(t, 'resident', building, `job-owner-${serial}`, p.id)) };
}

/** On PostgreSQL, a second connection pool to the test's database, as another server would open. */
async function otherInstance() {
  const url = process.env.DATABASE_URL;
  if (!url) return t;
  const [row] = rowsOf<{ name: string }>(await t.db.execute(sql`select current_database() as name`));
  const u = new URL(url);
  u.pathname = `/${row!.name}`;
  const other = await openDatabase({ url: u.toString(), poolSize: 4 });
  return { ...t, db: other.db, close: () => other.close() };
}

const noticesOf = (accountId: string, matterId: string) =>
  t.db.select().from(notification).where(eq(notification.accountId, accountId)).then((rows) => rows.filter((n) => n.params?.matterId === matterId));

describe('the closing timer', () => {
  it('closes a matter past its closing time once across two instances, freezes the tally, audits it as the system and tells the verdict', async () => {
    const [voterA, voterB, silent, chair] = [await resident('钱一'), await resident('钱二'), await resident('钱三'), await resident('孙主任')];
    const { estate, ownerIds } = await makeEstate(t.db, t.pii, community, [
      { name: '钱一', units: [['1-101', 9_000]], personId: voterA.person.id },
      { name: '钱二', units: [['1-102', 8_000]], personId: voterB.person.id },
      { name: '钱三', units: [['1-103', 7_000]], personId: silent.person.id },
    ]);
    const committee = await makeBody(t.db, community, 'owners_committee', '龙潭苑业委会');
    await makeMember(t.db, committee.id, chair.person.id, 'director');
    const closesAt = new Date(Date.now() - 5 * 60_000);
    const m = await makeMatter(t.db, estate.id, { closesAt, title: '增设充电桩' });
    const later = await makeMatter(t.db, estate.id, { closesAt: new Date(Date.now() + 86_400_000) });
    await makeBallot(t.db, t.pii, m.id, ownerIds[0]!, 'for');
    await makeBallot(t.db, t.pii, m.id, ownerIds[1]!, 'against');
    const expected = tallyVote(m.kind, await countVotes(t.db, estate.id, m.id));

    const second = await otherInstance();
    try {
      const runs = await Promise.all([runVotingJobs(t), runVotingJobs(second), runVotingJobs(t)]);
      expect(runs.reduce((n, r) => n + r.closed, 0)).toBe(1);
    } finally {
      if (second !== t) await second.close();
    }

    const [closed] = await t.db.select().from(voteMatter).where(eq(voteMatter.id, m.id));
    expect(closed).toMatchObject({ state: 'closed', result: { ...expected } });
    expect(closed!.closedAt).toBeInstanceOf(Date);
    const [notYet] = await t.db.select().from(voteMatter).where(eq(voteMatter.id, later.id));
    expect(notYet!.state).toBe('open');

    const trail = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, m.id), eq(auditLog.action, 'voteMatter.close')));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actor: 'vote-timer', accountId: null, after: { state: 'closed', reason: 'closesAt', verdict: expected.verdict } });

    for (const who of [voterA, voterB, chair]) {
      const got = await noticesOf(who.accountId, m.id);
      expect(got.map((n) => [n.kind, n.link])).toEqual([['voting.closed', `/m/votes/${m.id}`]]);
      expect(got[0]!.title).toContain('增设充电桩');
    }
    expect((await noticesOf(secretary.accountId, m.id)).map((n) => n.link)).toEqual([`/console/estates/${estate.id}`]);
    expect(await noticesOf(silent.accountId, m.id)).toHaveLength(0);

    // Frozen: the tally route answers the closed result, and no ballot gets in any more.
    expect((await as(t.app, secretary.session).get(`/api/vote-matters/${m.id}/tally`)).json()).toEqual(expected);
    const late = await as(t.app, silent.session).post(`/api/vote-matters/${m.id}/ballot`, { choice: 'for' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'voting.notOpen']);
    expect(await t.db.select().from(ballot).where(eq(ballot.matterId, m.id))).toHaveLength(2);

    expect((await runVotingJobs(t)).closed).toBe(0);
  });

  it('a matter closed by hand meanwhile is left as it was', async () => {
    const o = await resident('李一');
    const { estate } = await makeEstate(t.db, t.pii, community, [{ name: '李一', units: [['2-101', 9_000]], personId: o.person.id }]);
    const m = await makeMatter(t.db, estate.id, { closesAt: new Date(Date.now() - 60_000) });
    expect((await as(t.app, secretary.session).post(`/api/vote-matters/${m.id}/close`)).statusCode).toBe(200);
    await runVotingJobs(t);
    const closes = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, m.id), eq(auditLog.action, 'voteMatter.close')));
    expect(closes.map((r) => r.actor)).toEqual(['job-secretary']);
  });
});

describe('receipts stored before sealing', () => {
  it('are checked as before, sealed by the timer, and still shown to their owner', async () => {
    const o = await resident('周一');
    const { estate, ownerIds } = await makeEstate(t.db, t.pii, community, [{ name: '周一', units: [['3-101', 9_000]], personId: o.person.id }]);
    const m = await makeMatter(t.db, estate.id);
    const code = 'LEGACY2345';
    await t.db.insert(ballot).values({ matterId: m.id, ownerId: ownerIds[0]!, choice: 'abstain', legacyReceipt: code });
    const check = () => as(t.app, o.session).post(`/api/vote-matters/${m.id}/receipt-check`, { receipt: code.toLowerCase() });
    expect((await check()).json()).toMatchObject({ counted: true, mine: true, choice: 'abstain' });

    expect((await runVotingJobs(t)).sealed).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.select().from(ballot).where(eq(ballot.matterId, m.id));
    expect(row!.legacyReceipt).toBeNull();
    expect(JSON.stringify(row)).not.toContain(code);
    expect((await check()).json()).toMatchObject({ counted: true, mine: true, choice: 'abstain' });
    const mine = (await as(t.app, o.session).get('/api/my/vote-matters')).json().items.find((x: { id: string }) => x.id === m.id);
    expect(mine.myBallot.receipt).toBe(code);
    expect((await runVotingJobs(t)).sealed).toBe(0);
  });
});
