import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { territory } from '../db/schema/territory.ts';
import { type TestContext, as, createTestContext, login } from '../test/harness.ts';
import { DEMO_PASSWORD, loadDemo } from './load-demo.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext();
  await loadDemo(t);
}, 180_000);
afterAll(() => t.close());

describe('the demo district\'s resolutions and co-governance matters', () => {
  it('shows 龙潭社区 one resolution done, one in progress, one overdue and carried over, one published with an objection', async () => {
    const secretary = await login(t.app, 'demo-secretary', DEMO_PASSWORD);
    const items = (await as(t.app, secretary).get('/api/resolutions?pageSize=100')).json().items;
    const [longtan] = await t.db.select().from(territory).where(eq(territory.code, '310117001001'));
    expect(items.every((r: { community: { id: string } }) => r.community.id === longtan!.id)).toBe(true);
    const byState = (s: string) => items.filter((r: { state: string }) => r.state === s);
    expect(byState('done')).toHaveLength(1);
    expect(items.filter((r: { overdue: boolean; carriedOverAt: string | null }) => r.overdue && r.carriedOverAt)).toHaveLength(1);
    expect(items.filter((r: { state: string; overdue: boolean }) => r.state === 'in_progress' && !r.overdue)).toHaveLength(1);
    expect(byState('published')).toMatchObject([{ publicationOpen: true, objectionCount: 1, unansweredObjections: 1 }]);

    const resident = await login(t.app, 'demo-resident', DEMO_PASSWORD);
    const seen = (await as(t.app, resident).get(`/api/resolutions/${byState('published')[0].id}`)).json();
    expect(seen.objections).toMatchObject([{ mine: true }]);
    expect(seen.actions).toEqual(['object']);
  });

  it('has a matter of the pipeline proposed and waiting for the joint conference\'s consultation', async () => {
    const street = await login(t.app, 'demo-street', DEMO_PASSWORD);
    const matters = (await as(t.app, street).get('/api/cogov-matters')).json().items;
    expect(matters).toHaveLength(1);
    expect(matters[0]).toMatchObject({ state: 'proposed', next: 'consult' });
    expect(matters[0].stages[0]).toMatchObject({ stage: 'propose', done: true, body: { kind: 'residents_committee' } });
  });
});
