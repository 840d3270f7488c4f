import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Pii } from '../core/pii.ts';
import type { Actor } from '../core/policy.ts';
import type { Db } from '../db/client.ts';
import { type Role, account, grant } from '../db/schema/accounts.ts';
import { type DemandAction, type DemandChannel, type DemandRating, type DemandState, demand, demandCategory, demandEvent } from '../db/schema/demands.ts';
import { notification } from '../db/schema/notifications.ts';
import { person } from '../db/schema/people.ts';
import { territory } from '../db/schema/territory.ts';
import { ensureCalendar2026 } from '../modules/demand-deadlines/holidays.ts';
import { type Creator, createDemand } from '../modules/demands/actions/create-demand.ts';
import { type Exceptions, addWorkingDaysWith, dayOf, loadExceptions } from '../modules/demands/calendar.ts';
import { ensureDefaultCategories } from '../modules/demands/default-categories.ts';
import { asks, ratingComments, rejectReasons, results } from './demands-demo-texts.ts';
import { chineseName, phoneNumber, seeded, type Random } from './random.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DISTRICT = '310117';
const LONGTAN = '310117001001';
const OTHERS = [['310117001002', 25], ['310117002003', 25], ['310117109201', 20], ['310117120202', 20]] as const;
/** Ten weeks of history: the hot-topic baseline (8 weeks) and the window before it have something to count. */
const SPAN_DAYS = 70;

type Category = typeof demandCategory.$inferSelect;
type Person = Pick<typeof person.$inferSelect, 'id' | 'name' | 'territoryId'>;
/** Who took a step: a demo account, or someone of the community known only by name. */
interface Hand { accountId: string | null; name: string }

/** One step of a demand's history as it happened. */
interface Beat {
  action: DemandAction;
  to: DemandState;
  at: Date;
  by: Hand;
  note?: string | null;
  data?: Record<string, unknown>;
  rating?: DemandRating;
}

interface Plan {
  community: Community;
  place: string;
  category: Category;
  ask: [string, string];
  createdAt: Date;
  channel: DemandChannel;
  creator: Creator;
  reporter: Person | null;
  contact: { name: string; phone: string } | null;
  externalNo?: string;
  /** The state the story aims at; it stops earlier when the next step would lie in the future. */
  target: DemandState | 'reopened' | 'auto';
}

interface Community {
  node: typeof territory.$inferSelect;
  buildings: string[];
  /** Buildings of the first grid: demo-grid's, where their visits happen. */
  firstGrid: Set<string>;
  residents: Person[];
  staff: Hand[];
}

/**
 * 群众诉求 of the demo district: some 150 demands over ten weeks in the five demo communities, in
 * every state with their steps, ratings and overdue ones; 龙潭社区 gets a planted hot topic (电梯,
 * 12 in the last 7 days against 1.5 a week before) and demo-resident demands of their own, one
 * resolved and waiting for their rating. Intake goes through createDemand; the later steps are
 * written as history with the times they happened.
 */
export async function loadDemandsDemo(db: Db, pii: Pii, now = new Date()) {
  const [district] = await db.select().from(territory).where(eq(territory.code, DISTRICT));
  if (!district) return;
  await ensureDefaultCategories(db, district.id);
  await ensureCalendar2026(db, district.id);
  const categories = new Map((await db.select().from(demandCategory).where(eq(demandCategory.districtId, district.id))).map((c) => [c.code, c]));
  const exceptions = await loadExceptions(db, district.id, dayOf(new Date(now.getTime() - (SPAN_DAYS + 5) * DAY)), dayOf(new Date(now.getTime() + 60 * DAY)));
  const actors = await demoActors(db);
  const r = seeded(12345);
  const cat = (code: string) => categories.get(code)!;

  const longtan = await communityAt(db, LONGTAN, [actors.secretary, actors.worker].filter((a): a is Actor => !!a).map(handOf));
  if (!longtan) return;
  const plans: Plan[] = [];
  const at = (daysAgo: number) => workingTime(now, daysAgo, r);
  const others = (c: Community, codes: string[]) => (createdAt: Date, target: Plan['target'], code = r.pick(codes)) =>
    plans.push(randomPlan(r, c, cat(code), createdAt, target, actors, pickAsk(r, code, c)));

  // The planted spike: 12 about the lift in the last 7 days, 12 spread over the 8 weeks before.
  const hot = asks.elevator!.slice(0, 12);
  hot.forEach((ask, i) => plans.push({ ...randomPlan(r, longtan, cat('elevator'), at(0.2 + i * 0.53), 'auto', actors, ask) }));
  for (let i = 0; i < 12; i++) plans.push(randomPlan(r, longtan, cat('elevator'), at(8 + i * 4.6 + r.next() * 2), 'auto', actors, r.pick(asks.elevator!)));
  const urbanCodes = [...categories.keys()].filter((c) => c !== 'elevator');
  const addLongtan = others(longtan, urbanCodes);
  for (let i = 0; i < 24; i++) addLongtan(at(r.next() * SPAN_DAYS), 'auto');
  addLongtan(at(25), 'reopened', 'noise');
  addLongtan(at(41), 'closed', 'parking');
  addLongtan(at(40), 'merged', 'parking'); // the same ask as the day before
  addLongtan(at(12), 'rejected');
  // One of each open state whatever the hour the demo loads: the random stories alone may miss one.
  for (const state of ['submitted', 'accepted', 'assigned', 'in_progress'] as const) addLongtan(at(state === 'submitted' ? 0.1 : 3), state);

  for (const [code, n] of OTHERS) {
    const c = await communityAt(db, code, []);
    if (!c) continue;
    const rural = c.node.kind === 'village';
    const codes = [...categories.keys()].filter((k) => !rural || !['elevator', 'property-service', 'water-leak'].includes(k));
    const add = others(c, codes);
    for (let i = 0; i < n; i++) add(at(r.next() * SPAN_DAYS), 'auto');
  }
  if (actors.resident) plans.push(...residentPlans(longtan, actors.resident, cat, now));

  plans.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const events: (typeof demandEvent.$inferInsert)[] = [];
  const byCommunity = new Map<string, { id: string; no: string; categoryId: string }[]>();
  for (const p of plans) {
    const row = await createDemand(db, pii, p.creator, {
      territoryId: p.place, categoryId: p.category.id, channel: p.channel, title: p.ask[0], description: p.ask[1],
      reporterPersonId: p.reporter?.id ?? null, contactName: p.contact?.name, contactPhone: p.contact?.phone,
      externalNo: p.externalNo ?? null, createdAt: p.createdAt,
    });
    const earlier = byCommunity.get(p.community.node.id) ?? [];
    // Each story draws from its own generator: how far a story got by `now` never shifts the
    // people, places and asks of the demands after it, whatever the hour the demo loads.
    const beats = story(seeded(r.int(1, 2 ** 31)), p, now, exceptions, earlier.filter((d) => d.categoryId === p.category.id).at(-1) ?? null);
    earlier.push({ id: row.id, no: row.no, categoryId: p.category.id });
    byCommunity.set(p.community.node.id, earlier);
    if (!beats.length) continue;
    events.push(...beats.map((b, i) => ({
      demandId: row.id, action: b.action, fromState: i ? beats[i - 1]!.to : 'submitted', toState: b.to, accountId: b.by.accountId, actorName: b.by.name,
      note: b.note ?? null, data: b.data, at: b.at, public: true,
    })));
    await db.update(demand).set(columnsAfter(beats, p, exceptions)).where(eq(demand.id, row.id));
  }
  for (let i = 0; i < events.length; i += 500) await db.insert(demandEvent).values(events.slice(i, i + 500));
  // Intake stamped its notices with the loading time: move them to when each demand came in.
  await db.execute(sql`update ${notification} n set created_at = d.created_at,
    read_at = case when d.created_at < ${new Date(now.getTime() - 2 * DAY)}::timestamptz then ${now}::timestamptz end
    from ${demand} d where n.params->>'demandId' = d.id::text`);
}

/** A weekday-ish moment `daysAgo` before now, in office hours (Shanghai) when that is not in the future. */
function workingTime(now: Date, daysAgo: number, r: Random): Date {
  const base = new Date(now.getTime() - daysAgo * DAY);
  const day = dayOf(base);
  const t = new Date(Date.parse(`${day}T00:00:00Z`) - 8 * HOUR + (8.5 + r.next() * 9.5) * HOUR);
  const lately = new Date(now.getTime() - (0.2 + r.next()) * HOUR); // drawn either way, so the stream does not depend on the hour
  return t.getTime() < now.getTime() - 10 * 60_000 ? t : lately;
}

const handOf = (a: Actor): Hand => ({ accountId: a.accountId, name: a.displayName });

async function demoActors(db: Db) {
  const rows = await db.select({ id: account.id, username: account.username, displayName: account.displayName, personId: account.personId, role: grant.role })
    .from(account).innerJoin(grant, eq(grant.accountId, account.id))
    .where(inArray(account.username, ['demo-secretary', 'demo-worker', 'demo-grid', 'demo-deputy', 'demo-resident']));
  const actor = (username: string): Actor | null => {
    const a = rows.find((x) => x.username === username);
    return a ? { accountId: a.id, username: a.username, displayName: a.displayName, personId: a.personId, grants: [], ip: '127.0.0.1', role: a.role as Role } : null;
  };
  return { secretary: actor('demo-secretary'), worker: actor('demo-worker'), grid: actor('demo-grid'), deputy: actor('demo-deputy'), resident: actor('demo-resident') };
}
type Actors = Awaited<ReturnType<typeof demoActors>>;

async function communityAt(db: Db, code: string, staff: Hand[]): Promise<Community | null> {
  const [node] = await db.select().from(territory).where(eq(territory.code, code));
  if (!node) return null;
  const under = await db.select({ id: territory.id, kind: territory.kind, path: territory.path }).from(territory).where(and(like(territory.path, `${node.path}%`), eq(territory.retired, false)));
  const residents = await db.select({ id: person.id, name: person.name, territoryId: person.territoryId }).from(person)
    .where(inArray(person.territoryId, under.filter((n) => n.kind === 'building').map((n) => n.id)));
  const name = node.name.replace(/(社区)?(居委会|村委会)$/, '');
  const firstGrid = under.filter((n) => n.kind === 'grid').sort((a, b) => a.path.localeCompare(b.path))[0];
  return {
    node, residents, buildings: under.filter((n) => n.kind === 'building').map((n) => n.id),
    firstGrid: new Set(firstGrid ? under.filter((n) => n.kind === 'building' && n.path.startsWith(firstGrid.path)).map((n) => n.id) : []),
    staff: staff.length ? staff : [{ accountId: null, name: `${name}${node.kind === 'village' ? '村委会' : '居委会'}` }],
  };
}

/** A village may ask anything of its categories; a town estate has no fields, rivers or village roads. */
function pickAsk(r: Random, code: string, c: Community): [string, string] {
  const fits = asks[code]!.filter(([title]) => c.node.kind === 'village' || !/村|田|河道/.test(title));
  return r.pick(fits.length ? fits : asks[code]!);
}

let hotlineSerial = 0;

/** Who brought it in: a grid worker on a visit, a phone call to the community, the 12345 hotline, a deputy's reception day. */
function randomPlan(r: Random, c: Community, category: Category, createdAt: Date, target: Plan['target'], actors: Actors, ask: [string, string]): Plan {
  const resident = r.pick(c.residents);
  const place = resident?.territoryId ?? r.pick(c.buildings);
  const longtan = c.node.code === LONGTAN;
  const roll = r.next();
  const base = { community: c, place, category, ask, createdAt, target };
  const phone = phoneNumber(70_000_000 + r.int(0, 9_999_999));
  if (roll < 0.35) {
    return { ...base, channel: 'hotline_12345', creator: { system: '12345热线' }, reporter: null, contact: { name: chineseName(r), phone }, externalNo: `SH${dayOf(createdAt).replaceAll('-', '')}${String(++hotlineSerial).padStart(5, '0')}` };
  }
  const contact = resident ? { name: resident.name, phone } : null;
  if (roll < 0.65) {
    if (longtan && actors.grid) {
      const visited = r.pick(c.residents.filter((p) => c.firstGrid.has(p.territoryId)));
      return { ...base, place: visited.territoryId, channel: 'grid_visit', creator: actors.grid, reporter: visited, contact: { name: visited.name, phone } };
    }
    return { ...base, channel: 'grid_visit', creator: { system: `${c.staff[0]!.name}网格员` }, reporter: resident ?? null, contact };
  }
  if (roll < 0.75 && longtan && actors.deputy) return { ...base, channel: 'deputy_reception', creator: actors.deputy, reporter: resident ?? null, contact };
  const creator = longtan && actors.worker ? actors.worker : { system: c.staff[0]!.name };
  return { ...base, channel: 'phone', creator, reporter: resident ?? null, contact };
}

/** demo-resident's own: one resolved and waiting for their rating, one being worked, one closed, one just sent. */
function residentPlans(c: Community, resident: Actor, cat: (code: string) => Category, now: Date): Plan[] {
  const me = c.residents.find((p) => p.id === resident.personId);
  const place = me?.territoryId ?? c.buildings[0]!;
  const mine = (code: string, ask: [string, string], daysAgo: number, target: Plan['target']): Plan => ({
    community: c, place, category: cat(code), ask, createdAt: new Date(now.getTime() - daysAgo * DAY), target,
    channel: 'portal', creator: resident, reporter: me ?? null, contact: null,
  });
  return [
    mine('property-service', ['楼道声控灯不亮', '我们单元三楼到五楼的声控灯都不亮，晚上上下楼看不清。'], 3.2, 'resolved'),
    mine('garbage', ['垃圾房异味', '垃圾房清洗不及时，夏天味道很重，希望每天冲洗。'], 2.1, 'in_progress'),
    mine('road-facility', ['门口积水', '小区门口一下雨就积水，进出要绕着走。'], 21.3, 'closed'),
    mine('other', ['健身器材螺丝松动', '中心花园的健身器材螺丝松动，晃得厉害。'], 0.12, 'submitted'),
  ];
}

/** The state a demand of this age has most likely reached. */
function targetFor(r: Random, ageDays: number): DemandState {
  const x = r.next();
  if (ageDays < 0.6) return x < 0.6 ? 'submitted' : 'accepted';
  if (ageDays < 3) return x < 0.1 ? 'submitted' : x < 0.35 ? 'accepted' : x < 0.65 ? 'assigned' : 'in_progress';
  if (ageDays < 10) return x < 0.3 ? 'in_progress' : x < 0.6 ? 'resolved' : x < 0.95 ? 'closed' : 'rejected';
  return x < 0.74 ? 'closed' : x < 0.8 ? 'rejected' : x < 0.9 ? 'in_progress' : 'resolved';
}

const ORDER: DemandState[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed'];

/** The steps after intake, each at a believable time, none in the future. */
function story(r: Random, p: Plan, now: Date, exceptions: Exceptions, duplicateOf: { id: string; no: string } | null): Beat[] {
  const age = (now.getTime() - p.createdAt.getTime()) / DAY;
  const target = p.target === 'auto' ? targetFor(r, age) : p.target;
  const staff = () => r.pick(p.community.staff);
  const rater: Hand = p.channel === 'portal' && p.creator && !('system' in p.creator) ? handOf(p.creator) : { accountId: null, name: '12345回访' };
  const beats: Beat[] = [];
  let t = p.createdAt.getTime();
  const next = (hours: number) => (t += hours * HOUR) < now.getTime();

  if (target === 'submitted') return beats;
  if (target === 'rejected') return next(1 + r.next() * 20) ? [{ action: 'reject', to: 'rejected', at: new Date(t), by: staff(), note: r.pick(rejectReasons) }] : beats;
  if (target === 'merged') {
    if (!duplicateOf || !next(1 + r.next() * 8)) return beats;
    return [{ action: 'merge', to: 'merged', at: new Date(t), by: staff(), note: `与 ${duplicateOf.no} 反映的是同一件事`, data: { intoId: duplicateOf.id, intoNo: duplicateOf.no } }];
  }
  const goal = target === 'reopened' ? ORDER.length : ORDER.indexOf(target);
  if (!next(0.5 + r.next() * 20)) return beats;
  beats.push({ action: 'accept', to: 'accepted', at: new Date(t), by: staff() });
  const due = addWorkingDaysWith(new Date(t), p.category.deadlineDays, exceptions).getTime();
  if (goal >= 2 && next(1 + r.next() * 4)) beats.push({ action: 'assign', to: 'assigned', at: new Date(t), by: staff(), data: { handlerKind: p.category.defaultHandler } });
  if (goal >= 3 && beats.length === 2 && next(2 + r.next() * 20)) beats.push({ action: 'start', to: 'in_progress', at: new Date(t), by: staff() });
  if (goal < 4 || beats.length < 3) return beats;
  // Most are resolved in time; the rest a day or a few after the deadline.
  const inTime = Math.min(due, now.getTime() - HOUR);
  const resolveAt = r.next() < 0.82 && inTime > t ? t + r.next() * (inTime - t) : due + (0.5 + r.next() * 3.5) * DAY;
  const resolve = (note: string) => {
    if (resolveAt > t) t = resolveAt;
    if (t >= now.getTime()) return false;
    beats.push({ action: 'resolve', to: 'resolved', at: new Date(t), by: staff(), note, data: { onTime: t <= due } });
    return true;
  };
  const result = r.pick(results[p.category.code] ?? results.other!);
  if (!resolve(result)) return beats;
  if (target === 'reopened') {
    if (!next(20)) return beats;
    beats.push({ action: 'rate', to: 'in_progress', at: new Date(t), by: rater, rating: 'unsatisfied', note: r.pick(ratingComments.unsatisfied), data: { rating: 'unsatisfied', reopened: true } });
    if (!next(30)) return beats;
    beats.push({ action: 'resolve', to: 'resolved', at: new Date(t), by: staff(), note: '再次上门协调，当事方已更换低噪音设备并签署承诺书。', data: { onTime: false } });
    if (next(24)) beats.push({ action: 'rate', to: 'closed', at: new Date(t), by: rater, rating: 'basically_satisfied', data: { rating: 'basically_satisfied' } });
    return beats;
  }
  if (goal < 5) return beats;
  if (r.next() < 0.85) {
    const rating: DemandRating = r.next() < 0.74 ? 'satisfied' : r.next() < 0.85 ? 'basically_satisfied' : 'unsatisfied';
    if (next(4 + r.next() * 60)) beats.push({ action: 'rate', to: 'closed', at: new Date(t), by: rater, rating, note: r.pick(ratingComments[rating]) || null, data: { rating } });
  } else if (next(7 * 24 + r.next() * 24)) {
    beats.push({ action: 'close', to: 'closed', at: new Date(t), by: staff(), note: '居民逾期未评价，按期办结。' });
  }
  return beats;
}

/** The demand's columns once its story has happened. */
function columnsAfter(beats: Beat[], p: Plan, exceptions: Exceptions): Partial<typeof demand.$inferInsert> {
  const last = beats.at(-1)!;
  const find = (a: DemandAction) => beats.filter((b) => b.action === a).at(-1);
  const accepted = find('accept');
  const resolved = find('resolve');
  const rated = beats.filter((b) => b.action === 'rate' && b.to === 'closed').at(-1);
  const open = ['accepted', 'assigned', 'in_progress'].includes(last.to);
  const reopened = beats.some((b) => b.action === 'rate' && b.to === 'in_progress');
  return {
    state: last.to,
    acceptedAt: accepted?.at ?? null,
    dueAt: accepted && (open || last.to === 'resolved' || last.to === 'closed') ? addWorkingDaysWith(accepted.at, p.category.deadlineDays, exceptions) : null,
    rejectReason: last.action === 'reject' ? last.note : null,
    mergedIntoId: last.action === 'merge' ? (last.data!.intoId as string) : null,
    resolvedAt: last.to === 'resolved' || last.to === 'closed' ? resolved?.at ?? null : null,
    onTime: resolved ? (resolved.data!.onTime as boolean) : null,
    closedAt: last.to === 'closed' ? last.at : null,
    rating: rated?.rating ?? null,
    ratingComment: rated?.note ?? null,
    reopenCount: reopened ? 1 : 0,
    updatedAt: last.at,
  };
}
