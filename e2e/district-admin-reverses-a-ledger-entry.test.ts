/**
 * A district administrator opens a member's ledger from the district's ledger, reverses a wrongly awarded
 * entry with a reason: the reversing entry appears and the balance drops. A second attempt from a
 * screen opened before is refused with the server's message, and nothing changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, expectExactText, expectText, login, shot, useBrowser } from './harness.ts';

const browser = useBrowser();

interface Entry { id: number; personId: string; personName: string; points: number; reversesId: number | null; reversedBy: number | null }
interface Entries { items: Entry[]; total: number; sum: number }
type Api = Awaited<ReturnType<typeof apiAs>>;

let admin: Api;
let entry: Entry;
let balance: number;
const reason = '同一次服务重复计分，予以冲正';

beforeAll(async () => {
  admin = await apiAs('demo-district');
  const ledger = await admin.get<Entries>('/api/points/entries?pageSize=20');
  entry = ledger.items.find((e) => e.points > 0 && e.reversesId === null && e.reversedBy === null)!;
  expect(entry).toBeDefined();
  balance = (await admin.get<Entries>(`/api/points/entries?personId=${entry.personId}&pageSize=1`)).sum;
});

describe('a district administrator reverses a ledger entry', () => {
  it('reverses with a reason; the balance drops; a second reversal is refused', async () => {
    const desk = await browser.desktop();
    await login(desk, 'demo-district');
    // In the district's ledger, the member's name opens their own ledger with their balance.
    await desk.goto('/console/points');
    await desk.getByTestId('points-tab-ledger').click();
    await desk.getByTestId(`ledger-person-${entry.id}`).click();
    await expectText(desk.getByTestId('ledger-table'), entry.personName);
    expect(new URL(desk.url()).searchParams.get('personId')).toBe(entry.personId);
    await expectExactText(desk.getByTestId('ledger-balance'), String(balance));

    // A second screen, opened now, still offers to reverse the entry later.
    const stale = await browser.desktop();
    await login(stale, 'demo-district');
    await stale.goto(`/console/points?tab=ledger&personId=${entry.personId}`);
    await stale.getByTestId(`ledger-reverse-${entry.id}`).waitFor();

    await desk.getByTestId(`ledger-reverse-${entry.id}`).click();
    const note = desk.getByTestId('ledger-reverse-note');
    await note.waitFor();
    // The reason is required: without one nothing is sent and the field says so.
    await desk.getByTestId('ledger-reverse-submit').click();
    await desk.locator('.ant-modal .ant-form-item-explain-error').waitFor();
    expect((await admin.get<Entries>(`/api/points/entries?personId=${entry.personId}&pageSize=1`)).sum).toBe(balance);
    await note.fill(reason);
    await desk.getByTestId('ledger-reverse-submit').click();

    await expectExactText(desk.getByTestId('ledger-balance'), String(balance - entry.points));
    await desk.getByTestId(`ledger-reversed-${entry.id}`).waitFor();
    const after = await admin.get<Entries>(`/api/points/entries?personId=${entry.personId}&pageSize=100`);
    const reversal = after.items.find((e) => e.reversesId === entry.id)!;
    expect(reversal).toMatchObject({ points: -entry.points });
    await expectText(desk.getByTestId(`ledger-row-${reversal.id}`), reason);
    await expectExactText(desk.getByTestId(`ledger-points-${reversal.id}`), String(-entry.points));
    expect(await desk.getByTestId(`ledger-reverse-${entry.id}`).count()).toBe(0);
    await shot(desk, 'ledger-reversed');

    await stale.getByTestId(`ledger-reverse-${entry.id}`).click();
    await stale.getByTestId('ledger-reverse-note').fill('再冲正一次');
    await stale.getByTestId('ledger-reverse-submit').click();
    await expectText(stale.getByTestId('error-notice'), '该积分记录已被冲正过');
    // The stale screen catches up and shows the entry reversed.
    await stale.getByTestId(`ledger-reversed-${entry.id}`).waitFor();
    await expectExactText(stale.getByTestId('ledger-balance'), String(balance - entry.points));
    const again = await admin.get<Entries>(`/api/points/entries?personId=${entry.personId}&pageSize=100`);
    expect(again.total).toBe(after.total);
    expect(again.sum).toBe(balance - entry.points);
    await shot(stale, 'ledger-refused');
  });
});
