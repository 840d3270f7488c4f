import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type TestContext, as, createTestContext, login } from '../test/harness.ts';
import { DEMO_PASSWORD, loadDemo } from './load-demo.ts';

let t: TestContext;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestContext();
  await loadDemo(t);
  for (const u of ['demo-member', 'demo-resident', 'demo-secretary', 'demo-unit']) sessions[u] = await login(t.app, u, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

describe('the demo community 龙潭社区', () => {
  it('has an activity under way that demo-member signed up for and can check in to with the venue code', async () => {
    const member = as(t.app, sessions['demo-member']!);
    const items = (await member.get('/api/activities')).json().items as { id: string; startsAt: string; endsAt: string; mySignup: { state: string } | null }[];
    const now = Date.now();
    const today = items.find((a) => new Date(a.startsAt).getTime() <= now && new Date(a.endsAt).getTime() > now && a.mySignup);
    expect(today).toBeDefined();
    expect(items.length).toBeGreaterThanOrEqual(4);
    const qr = (await as(t.app, sessions['demo-secretary']!).get(`/api/activities/${today!.id}/qr`)).json();
    const checkedIn = await member.post(`/api/activities/${today!.id}/checkin`, { code: qr.code });
    expect(checkedIn.json().state).toBe('checked_in');
    expect((await member.get('/api/services')).json().items.length).toBeGreaterThanOrEqual(4);
  });

  it('has wishes in every state, one fulfilled for demo-resident to confirm', async () => {
    const states = new Set((await as(t.app, sessions['demo-secretary']!).get('/api/wishes')).json().items.map((w: { state: string }) => w.state));
    expect([...states].sort()).toEqual(['claimed', 'confirmed', 'fulfilled', 'open', 'pending_review', 'rejected']);
    const resident = as(t.app, sessions['demo-resident']!);
    const fulfilled = (await resident.get('/api/wishes?state=fulfilled')).json().items;
    expect(fulfilled).toHaveLength(1);
    expect((await resident.post(`/api/wishes/${fulfilled[0].id}/confirm`)).json().state).toBe('confirmed');
    const open = (await as(t.app, sessions['demo-member']!).get('/api/wishes?state=open')).json().items;
    expect(open.length).toBeGreaterThanOrEqual(2);
  });

  it('counts the members of an earlier clean-up as active that month, two hours each', async () => {
    const secretary = as(t.app, sessions['demo-secretary']!);
    const past = (await secretary.get('/api/activities')).json().items.find((a: { title: string }) => a.title === '楼道堆物清理');
    const month = new Date(new Date(past.startsAt).getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
    const active = (await secretary.get(`/api/activities/active?month=${month}`)).json().items;
    expect(active.filter((m: { hours: number }) => m.hours === 2)).toHaveLength(3);
  });

  it("gives demo-unit its unit's party branch to register with the community", async () => {
    const liaison = as(t.app, sessions['demo-unit']!);
    const mine = (await liaison.get('/api/bodies?mine=true')).json().items as { id: string; kind: string; territoryId: string }[];
    const branch = mine.find((b) => b.kind === 'party_branch');
    expect(branch).toBeDefined();
    const res = await liaison.post('/api/unit-registrations', { bodyId: branch!.id, territoryId: branch!.territoryId, commitments: '每月组织一次志愿服务' });
    expect(res.statusCode).toBe(201);
    expect(res.json().state).toBe('pending');
  });
});
