import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App, AppContext } from '../../core/context.ts';
import { openDatabase, rowsOf } from '../../db/client.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { demand, demandEvent } from '../../db/schema/demands.ts';
import { notification } from '../../db/schema/notifications.ts';
import { type TestContext, createTestContext } from '../../test/harness.ts';
import { type RoleAccount, type TwoStreets, accountFor, makeTwoStreets } from '../../test/two-streets.ts';
import { endOfDay } from '../demands/calendar.ts';
import { type DemandSeed, makeDemand } from '../demands/fixtures.ts';
import { notificationsEnUS } from '../../../web/src/app/i18n/notifications.en-US.ts';
import { renderNotice } from '../../../web/src/modules/notifications/notice-text.ts';
import { ensureCalendar2026 } from './holidays.ts';
import { runDeadlineJobs } from './jobs.ts';

/** An instant given as Shanghai wall-clock time. */
const sh = (local: string) => new Date(`${local}+08:00`);

let t: TestContext;
let f: TwoStreets;
let worker: RoleAccount;
let gridWorker: RoleAccount;
let streetA: RoleAccount;
let streetB: RoleAccount;
let district: RoleAccount;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureCalendar2026(t.db, f.district.id);
  worker = await accountFor(t, 'community_worker', f.a.community, 'worker-a');
  gridWorker = await accountFor(t, 'grid_worker', f.a.grid, 'grid-a');
  streetA = await accountFor(t, 'street_admin', f.a.street, 'street-a');
  streetB = await accountFor(t, 'street_admin', f.b.street, 'street-b');
  district = await accountFor(t, 'district_admin', f.district, 'district');
});
afterAll(() => t.close());

/** A demand in street A's building; the noise category has 2 working days and a reminder 1 day before. */
const demandIn = (set: DemandSeed['set'], category = 'noise') => makeDemand(t, { at: f.a.building, districtId: f.district.id, category, set });

/** On PostgreSQL, a second connection pool to the test's database, as another server would open. */
async function ownPool() {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const [row] = rowsOf<{ name: string }>(await t.db.execute(sql`select current_database() as name`));
  const u = new URL(url);
  u.pathname = `/${row!.name}`;
  return openDatabase({ url: u.toString(), poolSize: 6 });
}

const stepsOf = (id: string, action: 'remind' | 'escalate') =>
  t.db.select().from(demandEvent).where(and(eq(demandEvent.demandId, id), eq(demandEvent.action, action)));
const reread = async (id: string) => (await t.db.select().from(demand).where(eq(demand.id, id)))[0]!;
const noticesOf = (accountId: string, demandId: string) =>
  t.db.select().from(notification).where(eq(notification.accountId, accountId)).then((rows) => rows.filter((n) => n.params?.demandId === demandId));
/** The notice as an English reader sees it: from the catalogue only when its params fill the sentence. */
const inEnglish = (n: typeof notification.$inferSelect) => renderNotice(n, 'en-US', (key) => (notificationsEnUS as Record<string, string>)[key]);

describe('reminders', () => {
  it('reminds the community and the grid worker once, a working day before the deadline', async () => {
    // Due at the end of Tuesday 10 March.
    const d = await demandIn({ state: 'in_progress', acceptedAt: sh('2026-03-06T09:00'), dueAt: endOfDay('2026-03-10') });
    await runDeadlineJobs(t, sh('2026-03-06T10:00'));
    expect(await stepsOf(d.id, 'remind')).toHaveLength(0); // Friday: two working days to go

    await Promise.all(Array.from({ length: 6 }, () => runDeadlineJobs(t, sh('2026-03-09T10:00'))));
    const steps = await stepsOf(d.id, 'remind');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ public: false, accountId: null, actorName: 'deadline-timer' });
    expect((await reread(d.id)).remindedAt).toEqual(sh('2026-03-09T10:00'));
    expect((await noticesOf(worker.accountId, d.id)).map((n) => n.kind)).toContain('demand.reminder');
    expect((await noticesOf(gridWorker.accountId, d.id)).map((n) => n.kind)).toContain('demand.reminder');
    expect(await noticesOf(streetA.accountId, d.id)).toHaveLength(0);

    await runDeadlineJobs(t, sh('2026-03-10T10:00'));
    expect(await stepsOf(d.id, 'remind')).toHaveLength(1);
    expect((await noticesOf(worker.accountId, d.id)).filter((n) => n.kind === 'demand.reminder')).toHaveLength(1);
    const [reminder] = (await noticesOf(worker.accountId, d.id)).filter((n) => n.kind === 'demand.reminder');
    expect(inEnglish(reminder!)).toMatchObject({ fromCatalogue: true, title: expect.stringContaining(d.title) });
  });

  it('counts the reminder day in working days: before 春节 the Saturday worked is the day before', async () => {
    // Due at the end of Tuesday 24 February, the first day back after 春节 (15–23 February).
    const d = await demandIn({ state: 'accepted', acceptedAt: sh('2026-02-12T09:00'), dueAt: endOfDay('2026-02-24') });
    await runDeadlineJobs(t, sh('2026-02-13T10:00'));
    expect(await stepsOf(d.id, 'remind')).toHaveLength(0); // Friday: Saturday 14 and Tuesday 24 still to go
    await runDeadlineJobs(t, sh('2026-02-14T10:00'));
    expect(await stepsOf(d.id, 'remind')).toHaveLength(1); // the Saturday worked: one working day left
  });

  it('leaves alone what is not open, and what has no deadline', async () => {
    const resolved = await demandIn({ state: 'resolved', dueAt: endOfDay('2026-03-10'), resolvedAt: sh('2026-03-09T09:00') });
    const submitted = await demandIn({ state: 'submitted', createdAt: sh('2026-03-09T09:00') });
    await runDeadlineJobs(t, sh('2026-03-09T10:00'));
    expect(await stepsOf(resolved.id, 'remind')).toHaveLength(0);
    expect(await stepsOf(submitted.id, 'remind')).toHaveLength(0);
  });
});

describe('escalation of overdue demands', () => {
  it('moves an overdue demand up exactly once with two server instances running the timer at once', async () => {
    const d = await demandIn({ state: 'in_progress', acceptedAt: sh('2026-03-06T09:00'), dueAt: endOfDay('2026-03-10'), remindedAt: sh('2026-03-09T10:00') });
    // A second instance: its own app and timer over the same database (on PostgreSQL, through a
    // connection pool of its own; PGlite in memory is one database only this process can open).
    const own = await ownPool();
    const second: AppContext = { db: own?.db ?? t.db, dbKind: t.dbKind, pii: t.pii, keySource: t.keySource, config: t.config };
    const secondApp: App = await buildApp(second, { serveWeb: false });
    try {
      const now = sh('2026-03-11T09:00');
      const runs = await Promise.all([
        ...Array.from({ length: 10 }, () => runDeadlineJobs(t, now)),
        ...Array.from({ length: 10 }, () => runDeadlineJobs(second, now)),
      ]);
      expect(runs.length).toBe(20);
    } finally {
      await secondApp.close();
      await own?.close();
    }

    const steps = await stepsOf(d.id, 'escalate');
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ actorName: 'deadline-timer', public: true, fromState: 'in_progress', toState: 'in_progress' });
    expect(steps[0]!.data).toMatchObject({ fromLevel: 'community', toLevel: 'street', reason: 'overdue' });
    const after = await reread(d.id);
    expect(after).toMatchObject({ level: 'street', state: 'in_progress', remindedAt: null, escalatedAt: sh('2026-03-11T09:00') });
    // A fresh deadline of the category's two working days from Wednesday: the end of Friday.
    expect(after.dueAt).toEqual(endOfDay('2026-03-13'));

    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.targetId, d.id), eq(auditLog.action, 'demand.escalate')));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: 'deadline-timer', accountId: null });
    expect(audits[0]!.after).toMatchObject({ level: 'street', reason: 'overdue' });

    expect((await noticesOf(streetA.accountId, d.id)).map((n) => n.kind)).toEqual(['demand.overdueRaised']);
    expect(await noticesOf(streetB.accountId, d.id)).toHaveLength(0);
    expect(await noticesOf(district.accountId, d.id)).toHaveLength(0);

    // The next minute there is nothing left to do for it.
    await runDeadlineJobs(t, sh('2026-03-11T09:01'));
    expect(await stepsOf(d.id, 'escalate')).toHaveLength(1);
    expect((await reread(d.id)).level).toBe('street');
  });

  it('takes a demand the street let run over to the district, where it stays with a fresh deadline', async () => {
    const d = await demandIn({ state: 'assigned', level: 'street', dueAt: endOfDay('2026-04-03'), escalatedAt: sh('2026-04-01T09:00') });
    // 清明节 (4–6 April) lies between: the fresh deadline of two working days is Wednesday 8 April.
    await runDeadlineJobs(t, sh('2026-04-04T09:00'));
    let row = await reread(d.id);
    expect(row.level).toBe('district');
    expect(row.dueAt).toEqual(endOfDay('2026-04-08'));
    expect((await noticesOf(district.accountId, d.id)).map((n) => n.kind)).toEqual(['demand.overdueRaised']);
    expect(inEnglish((await noticesOf(district.accountId, d.id))[0]!)).toMatchObject({ fromCatalogue: true, title: expect.stringContaining('went up to the district') });

    await runDeadlineJobs(t, sh('2026-04-09T09:00'));
    row = await reread(d.id);
    expect(row.level).toBe('district');
    expect(row.dueAt).toEqual(endOfDay('2026-04-13'));
    const steps = await stepsOf(d.id, 'escalate');
    expect(steps.map((s) => [s.data?.fromLevel, s.data?.toLevel])).toEqual([['street', 'district'], ['district', 'district']]);
  });

  it('reminds again before the fresh deadline of an escalated demand', async () => {
    const d = await demandIn({ state: 'in_progress', dueAt: endOfDay('2026-05-12'), remindedAt: sh('2026-05-11T09:00') });
    await runDeadlineJobs(t, sh('2026-05-13T09:00')); // escalated; due end of Friday 15 May
    expect(await stepsOf(d.id, 'remind')).toHaveLength(0);
    await runDeadlineJobs(t, sh('2026-05-14T09:00'));
    expect(await stepsOf(d.id, 'remind')).toHaveLength(1);
    expect((await noticesOf(streetA.accountId, d.id)).map((n) => n.kind).sort()).toEqual(['demand.overdueRaised', 'demand.reminder']);
  });

  it('escalates a submitted demand nobody accepted by the end of the next working day', async () => {
    const monday = await demandIn({ createdAt: sh('2026-03-09T10:00') });
    await runDeadlineJobs(t, sh('2026-03-10T23:30'));
    expect((await reread(monday.id)).level).toBe('community');
    await runDeadlineJobs(t, sh('2026-03-11T00:30'));
    const row = await reread(monday.id);
    expect(row).toMatchObject({ level: 'street', state: 'submitted' });
    expect(row.dueAt).toEqual(endOfDay('2026-03-13'));

    // Submitted on the eve of 春节: the Saturday worked is its day; overdue once that is over.
    const eve = await demandIn({ createdAt: sh('2026-02-13T18:00') });
    await runDeadlineJobs(t, sh('2026-02-14T20:00'));
    expect((await reread(eve.id)).level).toBe('community');
    await runDeadlineJobs(t, sh('2026-02-15T09:00'));
    expect((await reread(eve.id)).level).toBe('street');
  });

  it('never touches a demand that is resolved, closed, rejected or merged', async () => {
    const ids = await Promise.all((['resolved', 'closed', 'rejected', 'merged'] as const).map(async (state) =>
      (await demandIn({ state, dueAt: endOfDay('2026-03-02'), createdAt: sh('2026-02-26T09:00') })).id));
    await runDeadlineJobs(t, sh('2026-03-20T09:00'));
    const rows = await t.db.select().from(demand).where(inArray(demand.id, ids));
    expect(rows.map((r) => r.level)).toEqual(['community', 'community', 'community', 'community']);
    const steps = await t.db.select().from(demandEvent).where(and(inArray(demandEvent.demandId, ids), inArray(demandEvent.action, ['remind', 'escalate'])));
    expect(steps).toHaveLength(0);
  });
});
