import { and, desc, eq, inArray, isNull, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { account } from '../db/schema/accounts.ts';
import { body, bodyMember } from '../db/schema/bodies.ts';
import { agendaItem, meetingItem, meetingVote, minutesEntry } from '../db/schema/deliberation.ts';
import { demand, demandLink } from '../db/schema/demands.ts';
import { person } from '../db/schema/people.ts';
import { territory } from '../db/schema/territory.ts';
import { likePrefix } from '../core/policy.ts';
import { recordStep } from '../modules/demands/events.ts';
import { defaultNoticeText } from '../modules/meetings/actions/issue-notice.ts';
import { makeAgendaItem, makeMeeting, makeMeetingItem, makeParticipant } from '../modules/meetings/fixtures.ts';
import { type Capacity, POSITION_ORDER, fourBodyOf } from '../modules/meetings/rules.ts';

const LONGTAN = '310117001001';
const DAY = 86_400_000;
const at = (days: number, hour = 14) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d;
};

/**
 * 龙潭社区's agenda and meetings: items in every state (one made from a resident's demand about the
 * lift), a closed four-in-one joint meeting with its sign-in, minutes and decisions, an announced
 * deliberation meeting the demo resident sits in, and a hearing under public notice.
 */
export async function loadMeetingsDemo(db: Db) {
  const [community] = await db.select().from(territory).where(eq(territory.code, LONGTAN));
  if (!community) return;
  const accounts = await db.select({ id: account.id, username: account.username, name: account.displayName, personId: account.personId }).from(account)
    .where(inArray(account.username, ['demo-secretary', 'demo-worker', 'demo-resident', 'demo-member']));
  const who = (u: string) => accounts.find((a) => a.username === u);
  const secretary = who('demo-secretary');
  const resident = who('demo-resident');
  const member = who('demo-member');

  // Who sits for the four bodies: leaders first, one seat per person.
  const seats = await db.select({ personId: person.id, name: person.name, bodyId: body.id, kind: body.kind, position: bodyMember.position })
    .from(bodyMember).innerJoin(body, eq(body.id, bodyMember.bodyId)).innerJoin(person, eq(person.id, bodyMember.personId))
    .where(and(eq(body.territoryId, community.id), isNull(bodyMember.endedOn)));
  const reps = new Map<Capacity, (typeof seats)[number]>();
  const taken = new Set<string>();
  for (const s of seats.sort((a, b) => POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position))) {
    const capacity = fourBodyOf(s.kind);
    if (!capacity || reps.has(capacity) || taken.has(s.personId)) continue;
    reps.set(capacity, s);
    taken.add(s.personId);
  }
  const partyOrg = seats.find((s) => s.kind === 'party_general_branch')?.bodyId ?? null;

  const item = (title: string, o: Partial<typeof agendaItem.$inferInsert> = {}) =>
    makeAgendaItem(db, community, { title, source: 'party_org', proposedBy: secretary?.id ?? null, reviewedBy: secretary?.id ?? null, ...o });

  // Items waiting, returned, merged, and one taken up from the lift demands.
  await item('小区南门增设无障碍坡道', { source: 'resident', description: '轮椅和婴儿车进出南门要绕行两百米。', proposedBy: resident?.id ?? null, proposerPersonId: resident?.personId ?? null, reviewedBy: null, createdAt: at(-1) });
  await item('广场舞音响音量约定', {
    source: 'resident', state: 'returned', proposedBy: member?.id ?? null, proposerPersonId: member?.personId ?? null,
    reason: '已纳入《龙潭苑文明公约》修订稿征求意见，请在公约意见栏中留言。', reviewedAt: at(-3), createdAt: at(-6),
  });
  const [lift] = await db.select().from(demand).where(and(like(demand.path, likePrefix(community.path)), like(demand.title, '%电梯%'))).orderBy(desc(demand.createdAt)).limit(1);
  const fromDemand = await item(lift ? `议题：${lift.title}` : '加装电梯后续维保', {
    source: 'demand', state: 'accepted', demandId: lift?.id ?? null, description: lift?.description ?? '', reviewedAt: at(-2), createdAt: at(-4),
  });
  if (lift && secretary) {
    await db.insert(demandLink).values({ demandId: lift.id, targetType: 'agenda_item', targetId: fromDemand.id, createdBy: secretary.id }).onConflictDoNothing();
    await recordStep(db, lift.id, { accountId: secretary.id, displayName: secretary.name }, { action: 'link', note: fromDemand.title, data: { targetType: 'agenda_item', targetId: fromDemand.id } });
  }
  await item('电梯维保公示', { source: 'resident', state: 'merged', mergedIntoId: fromDemand.id, proposedBy: resident?.id ?? null, proposerPersonId: resident?.personId ?? null, reviewedAt: at(-2), createdAt: at(-3) });

  // A closed four-in-one joint meeting: all four bodies signed in, minutes and two decisions.
  const closedTitles = ['楼道堆物集中清理', '增设电动自行车集中充电棚'];
  const closedAt = { kind: 'joint_four_in_one' as const, title: '龙潭苑十一月四位一体联席会', place: '龙潭社区党群服务站二楼会议室', startsAt: at(-10) };
  const closed = await makeMeeting(db, community, {
    ...closedAt, noticeText: defaultNoticeText(closedAt, closedTitles),
    state: 'closed', convenerBodyId: partyOrg, noticedAt: at(-14), startedAt: at(-10), closedAt: at(-10, 16),
    clerkAccountId: secretary?.id ?? null, createdBy: secretary?.id ?? null, summary: '两项议题均获通过，由物业和业委会分别落实，社区党总支跟踪督办。',
  });
  const participants: Awaited<ReturnType<typeof makeParticipant>>[] = [];
  for (const [capacity, s] of reps) {
    participants.push(await makeParticipant(db, closed.id, { personId: s.personId, name: s.name, bodyId: s.bodyId, capacity, signedInAt: at(-10, 13) }));
  }
  const decided = [
    await item(closedTitles[0]!, { state: 'decided', meetingId: closed.id, reviewedAt: at(-15), createdAt: at(-16) }),
    await item(closedTitles[1]!, { source: 'committee', state: 'decided', meetingId: closed.id, reviewedAt: at(-15), createdAt: at(-17) }),
  ];
  const [first, second] = [await makeMeetingItem(db, closed.id, decided[0]!, 1), await makeMeetingItem(db, closed.id, decided[1]!, 2)];
  const voters = participants.length;
  await db.update(meetingItem).set({ method: 'show_of_hands', votesFor: voters, votesAgainst: 0, votesAbstain: 0, outcome: 'adopted', decidedAt: at(-10, 15) }).where(eq(meetingItem.id, first!.id));
  if (voters) await db.insert(meetingVote).values(participants.map((p) => ({ meetingItemId: first!.id, participantId: p.id, choice: 'for' as const })));
  await db.update(meetingItem).set({ method: 'secret_ballot', votesFor: Math.max(voters - 1, 0), votesAgainst: voters ? 1 : 0, votesAbstain: 0, outcome: voters > 2 ? 'adopted' : 'rejected', decidedAt: at(-10, 15) }).where(eq(meetingItem.id, second!.id));
  const speak = (p: (typeof participants)[number] | undefined) => ({ participantId: p?.id ?? null, speaker: p?.name ?? '参会代表' });
  await db.insert(minutesEntry).values([
    { meetingId: closed.id, meetingItemId: first!.id, ...speak(participants[0]), opinion: '楼道堆物是消防隐患，党总支牵头，楼组长逐户上门沟通。', position: 1, createdAt: at(-10, 14) },
    { meetingId: closed.id, meetingItemId: first!.id, ...speak(participants[3]), opinion: '物业负责清运，一个月内完成，费用从公共收益中列支。', position: 2, createdAt: at(-10, 14) },
    { meetingId: closed.id, meetingItemId: second!.id, ...speak(participants[2]), opinion: '业委会同意选址东侧空地，施工方案需报街道审核。', position: 3, createdAt: at(-10, 15) },
    { meetingId: closed.id, meetingItemId: second!.id, ...speak(participants[1]), opinion: '居委会负责征求两个楼组住户意见并公示。', position: 4, createdAt: at(-10, 15) },
  ]);

  // An announced deliberation meeting the demo resident sits in, on the item from the lift demands.
  const upcomingAt = { kind: 'deliberation' as const, title: '龙潭苑电梯维保议事会', place: '龙潭社区居委会会议室', startsAt: at(5, 19) };
  const upcoming = await makeMeeting(db, community, {
    ...upcomingAt, noticeText: defaultNoticeText(upcomingAt, ['电梯维保费用分摊方案']),
    state: 'noticed', convenerBodyId: partyOrg, noticedAt: at(-1), clerkAccountId: secretary?.id ?? null, createdBy: secretary?.id ?? null,
  });
  const scheduled = await item('电梯维保费用分摊方案', { state: 'scheduled', meetingId: upcoming.id, reviewedAt: at(-2), createdAt: at(-5) });
  await makeMeetingItem(db, upcoming.id, scheduled, 1);
  for (const [capacity, s] of reps) await makeParticipant(db, upcoming.id, { personId: s.personId, name: s.name, bodyId: s.bodyId, capacity });
  if (resident?.personId && !taken.has(resident.personId)) {
    const [p] = await db.select({ name: person.name }).from(person).where(eq(person.id, resident.personId));
    await makeParticipant(db, upcoming.id, { personId: resident.personId, name: p?.name ?? '居民代表', capacity: 'resident_rep' });
  }

  // A hearing under public notice: residents read it and may register to speak.
  const hearingAt = { kind: 'hearing' as const, title: '龙潭苑停车收费标准调整听证会', place: '龙潭社区党群服务站一楼大厅', startsAt: at(8, 19) };
  const hearing = await makeMeeting(db, community, {
    ...hearingAt, noticeText: defaultNoticeText(hearingAt, ['地面停车位收费标准调整']),
    state: 'noticed', publicNoticeDays: 5, convenerBodyId: partyOrg, noticedAt: at(-1), clerkAccountId: secretary?.id ?? null, createdBy: secretary?.id ?? null,
  });
  const parking = await item('地面停车位收费标准调整', { source: 'committee', state: 'scheduled', meetingId: hearing.id, reviewedAt: at(-2), createdAt: at(-7) });
  await makeMeetingItem(db, hearing.id, parking, 1);
  for (const [capacity, s] of reps) await makeParticipant(db, hearing.id, { personId: s.personId, name: s.name, bodyId: s.bodyId, capacity });
}
