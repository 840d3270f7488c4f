import { asc, eq } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import { agendaItem, meeting, meetingItem, meetingParticipant } from '../../../db/schema/deliberation.ts';
import { shanghaiTime } from '../../activities/rules.ts';
import { accountsOfPeople, tellProposer } from '../../agenda/notices.ts';
import { notify } from '../../notifications/notify.ts';
import { managedMeeting } from '../queries.ts';
import { FOUR_BODIES, fourBodiesOf, publicNoticeInTime } from '../rules.ts';
import '../messages.ts';

const CAPACITY_ZH: Record<(typeof FOUR_BODIES)[number], string> = {
  party_org: '社区党组织', residents_committee: '居委会', owners_committee: '业委会', property_company: '物业公司',
};

export const KIND_ZH: Record<string, string> = {
  joint_four_in_one: '四位一体联席会', deliberation: '议事会', hearing: '听证会', review: '评议会',
  regional_joint_conference: '区域化党建联席会', representative_assembly: '社区代表大会', owners_assembly: '业主大会',
};

/** The notice as people read it: what, when, where, and the agenda in order. */
export function defaultNoticeText(m: { kind: string; title: string; startsAt: Date; place: string }, items: string[]): string {
  const lines = [`兹定于 ${shanghaiTime(m.startsAt)} 在${m.place || '（地点另行通知）'}召开${KIND_ZH[m.kind] ?? ''}：${m.title}。`, '会议议题：'];
  items.forEach((t, i) => lines.push(`${i + 1}. ${t}`));
  lines.push('请准时参加。');
  return lines.join('\n');
}

/**
 * Sends the notice: a four-in-one meeting only when all four bodies sit in it, a hearing only
 * when its public notice can run its days. Every participant with an account is told in-app.
 */
export async function issueNotice(ctx: AppContext, actor: Actor, id: string, text?: string): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const m = await managedMeeting(tx, actor, id);
    if (m.state !== 'draft') throw new DomainError('meeting.badState', 409, { state: m.state });
    const participants = await tx.select().from(meetingParticipant).where(eq(meetingParticipant.meetingId, id));
    const items = await tx.select({ title: agendaItem.title }).from(meetingItem).innerJoin(agendaItem, eq(agendaItem.id, meetingItem.agendaItemId))
      .where(eq(meetingItem.meetingId, id)).orderBy(asc(meetingItem.position));
    if (m.kind === 'joint_four_in_one') {
      const { missing } = fourBodiesOf(participants);
      if (missing.length) {
        const params = { missing, missingNames: missing.map((c) => CAPACITY_ZH[c]).join('、') };
        throw new DomainError('meeting.bodiesMissing', 422, params, [{ field: 'participants', code: 'meeting.bodiesMissing', params }]);
      }
    }
    if (!participants.length) throw new DomainError('meeting.noParticipants', 422, {}, [{ field: 'participants', code: 'meeting.noParticipants' }]);
    if (!items.length) throw new DomainError('meeting.noItems', 422, {}, [{ field: 'items', code: 'meeting.noItems' }]);
    const now = new Date();
    if (m.kind === 'hearing' && !publicNoticeInTime(now, m.startsAt, m.publicNoticeDays ?? 0)) {
      const params = { days: m.publicNoticeDays };
      throw new DomainError('meeting.publicNoticeTooLate', 422, params, [{ field: 'startsAt', code: 'meeting.publicNoticeTooLate', params }]);
    }
    const noticeText = text?.trim() || defaultNoticeText(m, items.map((i) => i.title));
    await tx.update(meeting).set({ state: 'noticed', noticeText, noticedAt: now }).where(eq(meeting.id, id));
    const accounts = await accountsOfPeople(tx, participants.map((p) => p.personId));
    await notify(tx, accounts, {
      kind: 'meeting.noticed', title: `会议通知：${m.title}（${shanghaiTime(m.startsAt)}）`, body: noticeText,
      link: `/m/meetings/${id}`, params: { meetingId: id, title: m.title, startsAt: m.startsAt.toISOString() },
    });
    // Whoever proposed an item learns when and where it will be taken.
    const proposals = await tx.select().from(agendaItem).where(eq(agendaItem.meetingId, id));
    for (const item of proposals) {
      await tellProposer(tx, item, 'agenda.scheduled', `您提出的议题「${item.title}」将在${shanghaiTime(m.startsAt)}的会议上讨论`, { meetingId: id, startsAt: m.startsAt.toISOString() });
    }
    await audit(tx, actor, { action: 'meeting.notice', targetType: 'meeting', targetId: id, territoryId: m.territoryId, before: { state: 'draft' }, after: { state: 'noticed', noticeText } });
    return id;
  });
}
