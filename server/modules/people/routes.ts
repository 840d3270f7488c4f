import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { createPerson, revealPerson, updatePerson } from './actions/save-person.ts';
import { peoplePolicy as P } from './policy.ts';
import { personRow } from './presenters.ts';
import { describe, householdsOf, listPeople, loadPerson, personDetail } from './queries.ts';
import { rosterRoutes } from './roster-routes.ts';
import { peopleQuery } from './schemas.ts';

const tags = ['people'];
const personDetailOut = personRow.extend({
  household: z.object({
    id: z.string(), room: z.string(), address: z.string().nullable(),
    members: z.array(z.object({ id: z.string(), name: z.string(), relation: z.string().nullable() })),
  }).nullable(),
  memberships: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), position: z.string() })),
  partyOrg: z.object({ id: z.string(), name: z.string() }).nullable(),
  joinedPartyOn: z.string().nullable(),
  canReveal: z.boolean(),
});
const personIn = z.object({
  name: z.string().trim().min(1).max(32),
  idNumber: z.string().trim().min(1).max(24),
  phone: z.string().trim().max(20).nullable().optional(),
  territoryId: z.uuid(),
  room: z.string().trim().max(32).nullable().optional(),
  relation: z.string().trim().max(16).nullable().optional(),
  isPartyMember: z.boolean().optional(),
  partyOrgId: z.uuid().nullable().optional(),
  joinedPartyOn: z.iso.date().nullable().optional(),
});

export function peopleRoutes(app: App, ctx: AppContext) {
  app.get('/api/people', {
    config: { permission: P['person.read'] },
    schema: {
      tags, summary: 'People in the caller\'s territory (or a subtree of it), masked; q = name prefix, room, or an exact phone / ID number',
      querystring: peopleQuery.extend({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.object({ items: z.array(personRow), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (req) => listPeople(ctx.db, ctx.pii, actorOf(req), req.query));

  app.get('/api/people/:id', {
    config: { permission: P['person.read'] },
    schema: { tags, summary: 'A person, masked, with household, positions and party organisation', params: z.object({ id: z.uuid() }), response: { 200: personDetailOut } },
  }, async (req) => personDetail(ctx.db, actorOf(req), req.params.id));

  app.post('/api/people/:id/reveal', {
    config: { permission: P['person.reveal'] },
    schema: {
      tags, summary: 'The full ID and phone numbers (the view is audited)', params: z.object({ id: z.uuid() }),
      response: { 200: z.object({ idNumber: z.string(), phone: z.string().nullable() }) },
    },
  }, async (req) => revealPerson(ctx, actorOf(req), req.params.id));

  app.post('/api/people', {
    config: { permission: P['person.write'] },
    schema: { tags, summary: 'Register a person', body: personIn, response: { 201: z.object({ id: z.string() }) } },
  }, async (req, reply) => reply.code(201).send({ id: (await createPerson(ctx, actorOf(req), req.body)).id }));

  app.patch('/api/people/:id', {
    config: { permission: P['person.write'] },
    schema: { tags, summary: 'Change a person\'s record', params: z.object({ id: z.uuid() }), body: personIn.partial(), response: { 200: z.object({ id: z.string() }) } },
  }, async (req) => ({ id: (await updatePerson(ctx, actorOf(req), req.params.id, req.body)).id }));

  app.get('/api/households', {
    config: { permission: P['person.read'] },
    schema: {
      tags, summary: 'Households (rooms) of a building with their residents, masked',
      querystring: z.object({ territoryId: z.uuid() }),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.string(), room: z.string(),
            members: z.array(z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), relation: z.string().nullable() })),
          })),
        }),
      },
    },
  }, async (req) => ({ items: await householdsOf(ctx.db, actorOf(req), req.query.territoryId) }));

  app.get('/api/me', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'My own person record (masked), for the resident and member portal', response: { 200: z.object({ person: personDetailOut.nullable() }) } },
  }, async (req) => {
    const { personId } = actorOf(req);
    return { person: personId ? await describe(ctx.db, await loadPerson(ctx.db, personId), false) : null };
  });

  rosterRoutes(app, ctx);
}
