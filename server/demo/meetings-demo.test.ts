import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, as, createTestContext, login } from '../test/harness.ts';
import { DEMO_PASSWORD, loadDemo } from './load-demo.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  await loadDemo(t);
}, 180_000);
afterAll(() => t.close());

describe("the demo district's agenda and meetings", () => {
  it('gives 龙潭社区 items in several states, one from a demand, and a closed four-in-one meeting with minutes and decisions', async () => {
    const secretary = await login(t.app, 'demo-secretary', DEMO_PASSWORD);
    const items = (await as(t.app, secretary).get('/api/agenda-items?pageSize=100')).json().items as { state: string; source: string; demand: unknown }[];
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['proposed', 'returned', 'accepted', 'merged', 'decided', 'scheduled']));
    expect(items.find((i) => i.source === 'demand')?.demand).not.toBeNull();

    const meetings = (await as(t.app, secretary).get('/api/meetings')).json().items as { id: string; kind: string; state: string }[];
    const closed = meetings.find((m) => m.kind === 'joint_four_in_one' && m.state === 'closed')!;
    const print = (await as(t.app, secretary).get(`/api/meetings/${closed.id}/minutes`)).json();
    expect(print.quorum.met).toBe(true);
    expect(new Set(print.participants.map((p: { capacity: string }) => p.capacity))).toEqual(new Set(['party_org', 'residents_committee', 'owners_committee', 'property_company']));
    expect(print.items.every((i: { decision: unknown; minutes: unknown[] }) => i.decision && i.minutes.length > 0)).toBe(true);
    expect(meetings.filter((m) => m.state === 'noticed').map((m) => m.kind).sort()).toEqual(['deliberation', 'hearing']);
  });

  it('shows the demo resident the hearing to register for and the meeting they sit in', async () => {
    const resident = await login(t.app, 'demo-resident', DEMO_PASSWORD);
    const meetings = (await as(t.app, resident).get('/api/meetings')).json().items as { kind: string; mine: boolean; actions: string[] }[];
    expect(meetings.find((m) => m.kind === 'hearing')?.actions).toEqual(['register']);
    expect(meetings.find((m) => m.kind === 'deliberation')?.mine).toBe(true);
  });
});
