import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { cancelActivity } from './actions/cancel-activity.ts';
import { cancelSignup } from './actions/cancel-signup.ts';
import { createActivity } from './actions/create-activity.ts';
import { signUp } from './actions/sign-up.ts';
import { updateActivity } from './actions/update-activity.ts';
import { mySignups } from './attendance-queries.ts';
import { activitiesPolicy as P } from './policy.ts';
import { activityOut, presentSignup, signupOut } from './presenters.ts';
import { activityDetail, listActivities } from './queries.ts';
import { activityBody, activityPatch, activityQuery, idParams } from './schemas.ts';

const tags = ['activities'];

export function activityRoutes(app: App, ctx: AppContext) {
  app.get('/api/activities', {
    config: { permission: P['activity.read'] },
    schema: {
      tags, summary: 'Activities: members see upcoming ones in their street, own community first; staff their territory',
      querystring: activityQuery, response: { 200: z.object({ items: z.array(activityOut) }) },
    },
  }, async (req) => ({ items: await listActivities(ctx.db, actorOf(req), req.query) }));

  app.get('/api/activities/:id', {
    config: { permission: P['activity.read'] },
    schema: { tags, summary: 'One activity, with the caller\'s own sign-up', params: idParams, response: { 200: activityOut } },
  }, async (req) => activityDetail(ctx.db, actorOf(req), req.params.id));

  app.post('/api/activities', {
    config: { permission: P['activity.manage'] },
    schema: { tags, summary: 'Publish an activity in a community', body: activityBody, response: { 201: activityOut } },
  }, async (req, reply) => reply.code(201).send(await createActivity(ctx, actorOf(req), req.body)));

  app.patch('/api/activities/:id', {
    config: { permission: P['activity.manage'] },
    schema: { tags, summary: 'Edit an activity', params: idParams, body: activityPatch, response: { 200: activityOut } },
  }, async (req) => updateActivity(ctx, actorOf(req), req.params.id, req.body));

  app.post('/api/activities/:id/cancel', {
    config: { permission: P['activity.manage'] },
    schema: { tags, summary: 'Call an activity off', params: idParams, response: { 200: activityOut } },
  }, async (req) => cancelActivity(ctx, actorOf(req), req.params.id));

  app.post('/api/activities/:id/signup', {
    config: { permission: P['activity.join'] },
    schema: { tags, summary: 'Sign up (within capacity)', params: idParams, response: { 200: signupOut, 201: signupOut } },
  }, async (req, reply) => {
    const r = await signUp(ctx, actorOf(req), req.params.id);
    return reply.code(r.created ? 201 : 200).send(presentSignup(r.signup, r.activity, null));
  });

  app.delete('/api/activities/:id/signup', {
    config: { permission: P['activity.join'] },
    schema: { tags, summary: 'Cancel one\'s sign-up before the deadline', params: idParams, response: { 200: signupOut } },
  }, async (req) => {
    const r = await cancelSignup(ctx, actorOf(req), req.params.id);
    return presentSignup(r.signup, r.activity, null);
  });

  app.get('/api/me/signups', {
    config: { permission: P['activity.join'] },
    schema: {
      tags, summary: 'My sign-ups, newest activity first',
      response: { 200: z.object({ items: z.array(z.object({ signup: signupOut, activity: activityOut })) }) },
    },
  }, async (req) => ({ items: await mySignups(ctx.db, actorOf(req)) }));
}
