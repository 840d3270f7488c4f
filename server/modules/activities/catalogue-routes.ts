import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { createService } from './actions/create-service.ts';
import { updateService } from './actions/update-service.ts';
import { activitiesPolicy as P } from './policy.ts';
import { serviceOut } from './presenters.ts';
import { listServices } from './queries.ts';
import { boolString, idParams, servicePatch, serviceBody } from './schemas.ts';

const tags = ['activities'];

export function catalogueRoutes(app: App, ctx: AppContext) {
  app.get('/api/services', {
    config: { permission: P['service.read'] },
    schema: {
      tags, summary: 'The service catalogue: staff their territory, members their street (own community first)',
      querystring: z.object({ territoryId: z.uuid().optional(), includeRetired: boolString.optional() }),
      response: { 200: z.object({ items: z.array(serviceOut) }) },
    },
  }, async (req) => ({ items: await listServices(ctx.db, actorOf(req), req.query) }));

  app.post('/api/services', {
    config: { permission: P['service.write'] },
    schema: { tags, summary: 'Add a service to a community catalogue', body: serviceBody, response: { 201: serviceOut } },
  }, async (req, reply) => reply.code(201).send(await createService(ctx, actorOf(req), req.body)));

  app.patch('/api/services/:id', {
    config: { permission: P['service.write'] },
    schema: { tags, summary: 'Edit or retire a catalogue service', params: idParams, body: servicePatch, response: { 200: serviceOut } },
  }, async (req) => updateService(ctx, actorOf(req), req.params.id, req.body));
}
