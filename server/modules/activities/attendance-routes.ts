import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/policy.ts';
import { checkIn, checkOut } from './actions/attendance.ts';
import { activeMembers, listSignups } from './attendance-queries.ts';
import { activitiesPolicy as P } from './policy.ts';
import { presentSignup, signupOut } from './presenters.ts';
import { activityInReach, pointsFor } from './queries.ts';
import { currentCode } from './rules.ts';
import { codeBody, idParams } from './schemas.ts';

const tags = ['activities'];
const personParams = z.object({ id: z.uuid(), personId: z.uuid() });

export function attendanceRoutes(app: App, ctx: AppContext) {
  /** The signup as it now stands, with the points its check-out earned. */
  const answer = async (r: Awaited<ReturnType<typeof checkIn>>) =>
    presentSignup(r.signup, r.activity, (await pointsFor(ctx.db, r.signup.personId, [r.activity.id])).get(r.activity.id) ?? null);
  const scan = (act: typeof checkIn) => async (req: { actor: Actor | null; params: { id: string }; body: { code: string } }) =>
    answer(await act(ctx, actorOf(req), req.params.id, { by: 'scan', code: req.body.code }));
  const byStaff = (act: typeof checkIn) => async (req: { actor: Actor | null; params: { id: string; personId: string } }) =>
    answer(await act(ctx, actorOf(req), req.params.id, { by: 'staff', personId: req.params.personId }));

  app.get('/api/activities/:id/qr', {
    config: { permission: P['activity.manage'] },
    schema: {
      tags, summary: 'The venue code of this 30-second window, for the check-in screen', params: idParams,
      response: { 200: z.object({ code: z.string(), url: z.string(), expiresAt: z.string() }) },
    },
  }, async (req) => {
    const { a } = await activityInReach(ctx.db, actorOf(req), 'activity.manage', req.params.id);
    const { code, expiresAt } = currentCode(a.qrSecret, a.id, Date.now());
    return { code, url: `/m/checkin?activity=${a.id}&code=${code}`, expiresAt: expiresAt.toISOString() };
  });

  app.post('/api/activities/:id/checkin', {
    config: { permission: P['activity.join'] },
    schema: { tags, summary: 'Check in by the venue code', params: idParams, body: codeBody, response: { 200: signupOut } },
  }, scan(checkIn));

  app.post('/api/activities/:id/checkout', {
    config: { permission: P['activity.join'] },
    schema: { tags, summary: 'Check out by the venue code; hours served become points', params: idParams, body: codeBody, response: { 200: signupOut } },
  }, scan(checkOut));

  app.get('/api/activities/:id/signups', {
    config: { permission: P['activity.manage'] },
    schema: {
      tags, summary: 'Sign-ups with their state, for the organiser', params: idParams,
      response: { 200: z.object({ items: z.array(signupOut.extend({ name: z.string() })) }) },
    },
  }, async (req) => ({ items: await listSignups(ctx.db, actorOf(req), req.params.id) }));

  app.post('/api/activities/:id/signups/:personId/checkin', {
    config: { permission: P['activity.manage'] },
    schema: { tags, summary: 'The organiser checks a member in', params: personParams, response: { 200: signupOut } },
  }, byStaff(checkIn));

  app.post('/api/activities/:id/signups/:personId/checkout', {
    config: { permission: P['activity.manage'] },
    schema: { tags, summary: 'The organiser checks a member out', params: personParams, response: { 200: signupOut } },
  }, byStaff(checkOut));

  app.get('/api/activities/active', {
    config: { permission: P['activity.stats'] },
    schema: {
      tags, summary: 'Members who checked in during a month, with check-ins and hours',
      querystring: z.object({ territoryId: z.uuid().optional(), month: z.string().regex(/^\d{4}-\d{2}$/).optional() }),
      response: {
        200: z.object({
          month: z.string(),
          items: z.array(z.object({ personId: z.string(), name: z.string(), communityId: z.string(), communityName: z.string(), checkIns: z.number(), hours: z.number() })),
        }),
      },
    },
  }, async (req) => activeMembers(ctx.db, actorOf(req), req.query));
}
