import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import type { Actor } from '../../core/policy.ts';
import { addParty } from './actions/add-party.ts';
import { createCase } from './actions/create-case.ts';
import { failCase } from './actions/fail-case.ts';
import { followUp } from './actions/follow-up.ts';
import { recordSession } from './actions/record-session.ts';
import { setAgreement } from './actions/set-agreement.ts';
import { setMediator } from './actions/set-mediator.ts';
import { signAgreement } from './actions/sign-agreement.ts';
import './messages.ts';
import { mediationPolicy as P } from './policy.ts';
import { caseDetailOut, caseKinds, caseOut, caseStates } from './presenters.ts';
import { caseDetail, listCases, mediatorsNear } from './queries.ts';

const tags = ['mediation'];
const idParams = z.object({ id: z.uuid() });
const party = z.object({
  side: z.enum(['applicant', 'respondent']),
  personId: z.uuid().nullish(), bodyId: z.uuid().nullish(),
  name: z.string().trim().min(1).max(40).nullish(), phone: z.string().trim().max(20).nullish(),
});

export function mediationRoutes(app: App, ctx: AppContext) {
  const detail = (actor: Actor, id: string) => caseDetail(ctx.db, actor, id);

  app.get('/api/mediation-cases', {
    config: { permission: P['mediation.read'] },
    schema: {
      tags, summary: 'Mediation cases of the caller\'s territory, newest first, parties masked',
      querystring: z.object({ territoryId: z.uuid().optional(), state: z.enum(caseStates).optional() }),
      response: { 200: z.object({ items: z.array(caseOut) }) },
    },
  }, async (req) => ({ items: await listCases(ctx.db, actorOf(req), req.query) }));

  app.post('/api/mediation-cases', {
    config: { permission: P['mediation.handle'] },
    schema: {
      tags, summary: 'Open a case (numbered TJ<year>-<serial>), optionally from a demand, with its parties',
      body: z.object({
        territoryId: z.uuid(), kind: z.enum(caseKinds), title: z.string().trim().min(1).max(100), description: z.string().trim().max(5000).optional(),
        demandId: z.uuid().nullish(), mediatorPersonId: z.uuid().nullish(), parties: z.array(party).max(20).optional(),
      }),
      response: { 201: caseDetailOut },
    },
  }, async (req, reply) => reply.code(201).send(await detail(actorOf(req), await createCase(ctx, actorOf(req), req.body))));

  app.get('/api/mediation-cases/:id', {
    config: { permission: P['mediation.read'] },
    schema: { tags, summary: 'A case: parties masked, sessions, agreement with sign-offs, follow-up', params: idParams, response: { 200: caseDetailOut } },
  }, async (req) => detail(actorOf(req), req.params.id));

  app.post('/api/mediation-cases/:id/parties', {
    config: { permission: P['mediation.handle'] },
    schema: { tags, summary: 'Add a party (a person, a body, or a name with a phone); signatures given so far lapse', params: idParams, body: party, response: { 200: caseDetailOut } },
  }, async (req) => detail(actorOf(req), await addParty(ctx, actorOf(req), req.params.id, req.body)));

  app.post('/api/mediation-cases/:id/mediator', {
    config: { permission: P['mediation.handle'] },
    schema: { tags, summary: 'Name the mediator (a person of the street)', params: idParams, body: z.object({ personId: z.uuid() }), response: { 200: caseDetailOut } },
  }, async (req) => detail(actorOf(req), await setMediator(ctx, actorOf(req), req.params.id, req.body.personId)));

  app.post('/api/mediation-cases/:id/sessions', {
    config: { permission: P['mediation.handle'] },
    schema: {
      tags, summary: 'Record a mediation session with its notes', params: idParams,
      body: z.object({ heldAt: z.iso.datetime({ offset: true }), place: z.string().trim().max(100).optional(), notes: z.string().trim().min(1).max(10_000) }),
      response: { 200: caseDetailOut },
    },
  }, async (req) => detail(actorOf(req), await recordSession(ctx, actorOf(req), req.params.id, { ...req.body, heldAt: new Date(req.body.heldAt) })));

  app.post('/api/mediation-cases/:id/agreement', {
    config: { permission: P['mediation.handle'] },
    schema: { tags, summary: 'Write the agreement; a changed text needs every signature again', params: idParams, body: z.object({ text: z.string().trim().min(1).max(10_000) }), response: { 200: caseDetailOut } },
  }, async (req) => detail(actorOf(req), await setAgreement(ctx, actorOf(req), req.params.id, req.body.text)));

  app.post('/api/mediation-cases/:id/parties/:partyId/sign', {
    config: { permission: P['mediation.handle'] },
    schema: { tags, summary: 'Record a party\'s sign-off; the last one makes the case agreed', params: z.object({ id: z.uuid(), partyId: z.uuid() }), response: { 200: caseDetailOut } },
  }, async (req) => detail(actorOf(req), await signAgreement(ctx, actorOf(req), req.params.id, req.params.partyId)));

  app.post('/api/mediation-cases/:id/fail', {
    config: { permission: P['mediation.handle'] },
    schema: { tags, summary: 'Mediation failed, with the reason', params: idParams, body: z.object({ reason: z.string().trim().min(1).max(2000) }), response: { 200: caseDetailOut } },
  }, async (req) => detail(actorOf(req), await failCase(ctx, actorOf(req), req.params.id, req.body.reason)));

  app.post('/api/mediation-cases/:id/follow-up', {
    config: { permission: P['mediation.handle'] },
    schema: {
      tags, summary: 'Record the follow-up visit after an agreement; this closes the case', params: idParams,
      body: z.object({ visitedOn: z.iso.date(), note: z.string().trim().min(1).max(2000) }), response: { 200: caseDetailOut },
    },
  }, async (req) => detail(actorOf(req), await followUp(ctx, actorOf(req), req.params.id, req.body)));

  app.get('/api/mediators', {
    config: { permission: P['mediation.read'] },
    schema: {
      tags, summary: 'People the street\'s bodies name as mediators, those of the place\'s own community first',
      querystring: z.object({ territoryId: z.uuid() }),
      response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string(), bodyName: z.string(), near: z.boolean() })) }) },
    },
  }, async (req) => ({ items: await mediatorsNear(ctx.db, actorOf(req), req.query.territoryId) }));
}
