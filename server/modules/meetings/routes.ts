import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { bodyKinds, positions } from '../../db/schema/bodies.ts';
import { meetingKinds } from '../../db/schema/deliberation.ts';
import { currentCode } from '../activities/rules.ts';
import { addMinutes } from './actions/add-minutes.ts';
import { addParticipant } from './actions/add-participant.ts';
import { cancelMeeting } from './actions/cancel-meeting.ts';
import { closeMeeting } from './actions/close-meeting.ts';
import { createMeeting } from './actions/create-meeting.ts';
import { decideItem } from './actions/decide-item.ts';
import { issueNotice } from './actions/issue-notice.ts';
import { registerSpeaker } from './actions/register-speaker.ts';
import { removeParticipant } from './actions/remove-participant.ts';
import { reorderItems } from './actions/reorder-items.ts';
import { scheduleItem } from './actions/schedule-item.ts';
import { checkInByCode, signInByClerk } from './actions/sign-in.ts';
import { startMeeting } from './actions/start-meeting.ts';
import { unscheduleItem } from './actions/unschedule-item.ts';
import { updateMeeting } from './actions/update-meeting.ts';
import { meetingsPolicy as P } from './policy.ts';
import { meetingDetail as detailOut, meetingOut, minutesPrint } from './presenters.ts';
import { listMeetings, managedMeeting, meetingDetail, minutesOf } from './queries.ts';
import { capacities } from './rules.ts';
import { suggestParticipants } from './suggestions.ts';

const tags = ['meetings'];
const idParams = z.object({ id: z.uuid() });
const states = ['draft', 'noticed', 'in_progress', 'closed', 'cancelled'] as const;
const stateList = z.string().transform((s) => s.split(',').filter(Boolean)).pipe(z.array(z.enum(states)));
const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const count = z.number().int().min(0).max(100_000);
const future = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const meetingFields = {
  title: z.string().trim().min(1).max(100), place: z.string().trim().max(200),
  startsAt: future, convenerBodyId: z.uuid().nullable(),
  quorum: z.number().int().min(1).max(10_000).nullable(), publicNoticeDays: z.number().int().min(1).max(60).nullable(),
};

export function meetingsRoutes(app: App, ctx: AppContext) {
  const detail = (req: { actor: Parameters<typeof actorOf>[0]['actor'] }, id: string) => meetingDetail(ctx.db, actorOf(req), id);

  app.get('/api/meetings', {
    config: { permission: P['meeting.read'] },
    schema: {
      tags, summary: 'Meetings the caller may see: staff their territory, anyone those they sit in, residents the hearings of their community',
      querystring: z.object({
        state: stateList.optional(), kind: z.enum(meetingKinds).optional(), territoryId: z.uuid().optional(),
        from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(), mine: boolString.optional(),
        page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20),
      }),
      response: { 200: z.object({ items: z.array(meetingOut), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => listMeetings(ctx.db, actorOf(req), req.query));

  app.get('/api/meetings/:id', {
    config: { permission: P['meeting.read'] },
    schema: { tags, summary: 'One meeting: participants with sign-in, quorum, agenda with decisions, minutes', params: idParams, response: { 200: detailOut } },
  }, async (req) => detail(req, req.params.id));

  app.post('/api/meetings', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Create a meeting in draft (the party organisation at the node convenes by default)',
      body: z.object({
        territoryId: z.uuid(), kind: z.enum(meetingKinds), title: meetingFields.title, place: meetingFields.place.optional(), startsAt: meetingFields.startsAt,
        convenerBodyId: z.uuid().optional(), quorum: meetingFields.quorum.optional(), publicNoticeDays: meetingFields.publicNoticeDays.optional(),
      }),
      response: { 201: detailOut },
    },
  }, async (req, reply) => reply.code(201).send(await detail(req, await createMeeting(ctx, actorOf(req), req.body))));

  app.patch('/api/meetings/:id', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Correct a draft meeting', params: idParams,
      body: z.object({
        title: meetingFields.title.optional(), place: meetingFields.place.optional(), startsAt: meetingFields.startsAt.optional(),
        convenerBodyId: meetingFields.convenerBodyId.optional(), quorum: meetingFields.quorum.optional(), publicNoticeDays: meetingFields.publicNoticeDays.optional(),
      }),
      response: { 200: detailOut },
    },
  }, async (req) => detail(req, await updateMeeting(ctx, actorOf(req), req.params.id, req.body)));

  app.get('/api/meetings/:id/suggested-participants', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: "Who sits for the community's four bodies (party organisation, residents' committee, owners' committee, property company)", params: idParams,
      response: {
        200: z.object({
          items: z.array(z.object({ personId: z.string(), name: z.string(), bodyId: z.string(), bodyName: z.string(), bodyKind: z.enum(bodyKinds), position: z.enum(positions), capacity: z.enum(capacities) })),
          missing: z.array(z.enum(capacities)),
        }),
      },
    },
  }, async (req) => {
    const m = await ctx.db.transaction((tx) => managedMeeting(tx, actorOf(req), req.params.id));
    return suggestParticipants(ctx.db, m);
  });

  app.post('/api/meetings/:id/participants', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Put a person (or a guest by name) on the list, for a body and in a capacity', params: idParams,
      body: z.object({
        personId: z.uuid().optional(), name: z.string().trim().max(50).optional(), bodyId: z.uuid().optional(),
        capacity: z.enum(capacities), voting: z.boolean().optional(),
      }),
      response: { 200: detailOut },
    },
  }, async (req) => detail(req, await addParticipant(ctx, actorOf(req), req.params.id, req.body)));

  app.delete('/api/meetings/:id/participants/:participantId', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'Take someone off the list before the meeting', params: z.object({ id: z.uuid(), participantId: z.uuid() }), response: { 200: detailOut } },
  }, async (req) => detail(req, await removeParticipant(ctx, actorOf(req), req.params.id, req.params.participantId)));

  app.post('/api/meetings/:id/items', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Put an accepted agenda item on the meeting (agenda control: nothing else goes on)', params: idParams,
      body: z.object({ agendaItemId: z.uuid() }), response: { 200: detailOut },
    },
  }, async (req) => detail(req, await scheduleItem(ctx, actorOf(req), req.params.id, req.body.agendaItemId)));

  app.delete('/api/meetings/:id/items/:meetingItemId', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'Take an item off a draft meeting (back to accepted)', params: z.object({ id: z.uuid(), meetingItemId: z.uuid() }), response: { 200: detailOut } },
  }, async (req) => detail(req, await unscheduleItem(ctx, actorOf(req), req.params.id, req.params.meetingItemId)));

  app.put('/api/meetings/:id/items/order', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Set the order of the agenda, until the meeting closes: every item of the meeting, each once, first to last', params: idParams,
      body: z.object({ meetingItemIds: z.array(z.uuid()).max(200) }), response: { 200: detailOut },
    },
  }, async (req) => detail(req, await reorderItems(ctx, actorOf(req), req.params.id, req.body.meetingItemIds)));

  app.post('/api/meetings/:id/notice', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Issue the notice with the agenda; a four-in-one meeting needs all four bodies, a hearing its public notice days', params: idParams,
      body: z.object({ noticeText: z.string().trim().max(4000).optional() }), response: { 200: detailOut },
    },
  }, async (req) => detail(req, await issueNotice(ctx, actorOf(req), req.params.id, req.body.noticeText)));

  app.post('/api/meetings/:id/register', {
    config: { permission: P['meeting.attend'] },
    schema: { tags, summary: 'Register to speak at an announced hearing, until it starts', params: idParams, response: { 200: detailOut } },
  }, async (req) => detail(req, await registerSpeaker(ctx, actorOf(req), req.params.id)));

  app.post('/api/meetings/:id/start', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'Open an announced meeting: sign-in, minutes and decisions begin', params: idParams, response: { 200: detailOut } },
  }, async (req) => detail(req, await startMeeting(ctx, actorOf(req), req.params.id)));

  app.get('/api/meetings/:id/code', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'The rotating sign-in code to show at the venue', params: idParams, response: { 200: z.object({ code: z.string(), expiresAt: z.string() }) } },
  }, async (req) => {
    const m = await ctx.db.transaction((tx) => managedMeeting(tx, actorOf(req), req.params.id));
    const { code, expiresAt } = currentCode(m.checkinSecret, m.id, Date.now());
    return { code, expiresAt: expiresAt.toISOString() };
  });

  app.post('/api/meetings/:id/sign-in', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'The clerk signs a participant in', params: idParams, body: z.object({ participantId: z.uuid() }), response: { 200: detailOut } },
  }, async (req) => detail(req, await signInByClerk(ctx, actorOf(req), req.params.id, req.body.participantId)));

  app.post('/api/meetings/:id/check-in', {
    config: { permission: P['meeting.attend'] },
    schema: { tags, summary: 'A participant signs themself in with the venue code', params: idParams, body: z.object({ code: z.string().trim().min(1).max(20) }), response: { 200: detailOut } },
  }, async (req) => detail(req, await checkInByCode(ctx, actorOf(req), req.params.id, req.body.code)));

  app.post('/api/meetings/:id/minutes', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Add an entry to the minutes: a speaker and their opinion, on an item', params: idParams,
      body: z.object({ opinion: z.string().trim().min(1).max(4000), meetingItemId: z.uuid().optional(), participantId: z.uuid().optional(), speaker: z.string().trim().max(50).optional() }),
      response: { 200: detailOut },
    },
  }, async (req) => detail(req, await addMinutes(ctx, actorOf(req), req.params.id, req.body)));

  app.post('/api/meetings/:id/items/:meetingItemId/decision', {
    config: { permission: P['meeting.manage'] },
    schema: {
      tags, summary: 'Decide an item: a show of hands by name or a secret ballot as counts; adopted when more than half of those present are in favour',
      params: z.object({ id: z.uuid(), meetingItemId: z.uuid() }),
      body: z.discriminatedUnion('method', [
        z.object({ method: z.literal('show_of_hands'), votes: z.array(z.object({ participantId: z.uuid(), choice: z.enum(['for', 'against', 'abstain']) })).max(10_000) }),
        z.object({ method: z.literal('secret_ballot'), for: count, against: count, abstain: count }),
      ]),
      response: { 200: detailOut },
    },
  }, async (req) => detail(req, await decideItem(ctx, actorOf(req), req.params.id, req.params.meetingItemId, req.body)));

  app.post('/api/meetings/:id/close', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'Close the meeting; undecided items go back to the accepted ones', params: idParams, body: z.object({ summary: z.string().trim().max(4000).optional() }), response: { 200: detailOut } },
  }, async (req) => detail(req, await closeMeeting(ctx, actorOf(req), req.params.id, req.body.summary)));

  app.post('/api/meetings/:id/cancel', {
    config: { permission: P['meeting.manage'] },
    schema: { tags, summary: 'Call a meeting off before it starts, with the reason', params: idParams, body: z.object({ reason: z.string().trim().min(1).max(500) }), response: { 200: detailOut } },
  }, async (req) => detail(req, await cancelMeeting(ctx, actorOf(req), req.params.id, req.body.reason)));

  app.get('/api/meetings/:id/minutes', {
    config: { permission: P['meeting.read'] },
    schema: { tags, summary: 'Everything for the printed minutes: meeting, sign-in, items with speakers and opinions, decisions with counts', params: idParams, response: { 200: minutesPrint } },
  }, async (req) => minutesOf(ctx.db, actorOf(req), req.params.id));
}
