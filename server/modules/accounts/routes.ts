import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { roles } from '../../db/schema/accounts.ts';
import { addGrant, createAccount, resetPassword, revokeGrant, unlockAccount, updateAccount } from './actions.ts';
import { accountsPolicy as P } from './policy.ts';
import { listAccounts } from './queries.ts';

const tags = ['accounts'];
const id = z.object({ id: z.uuid() });
const grantOut = z.object({ id: z.string(), role: z.string(), territoryId: z.string(), territoryName: z.string(), territoryKind: z.string(), territoryCode: z.string().nullable() });
const accountOut = z.object({
  id: z.string(), username: z.string(), displayName: z.string(), personId: z.string().nullable(), lockedUntil: z.string().nullable(),
  disabled: z.boolean(), mustChangePassword: z.boolean(), totpEnabled: z.boolean(), totpRequired: z.boolean(), grants: z.array(grantOut),
  /** Holds sysadmin, secadmin or auditor: out of reach of every change here (三员分立). */
  administrator: z.boolean(),
});

export function accountsRoutes(app: App, ctx: AppContext) {
  const manage = { permission: P['account.manage'] };

  app.get('/api/accounts', {
    config: manage,
    schema: { tags, summary: 'Accounts with their grants', querystring: z.object({ q: z.string().max(64).optional() }), response: { 200: z.object({ items: z.array(accountOut) }) } },
  }, async (req) => ({ items: await listAccounts(ctx.db, actorOf(req), req.query.q) }));

  app.post('/api/accounts', {
    config: manage,
    schema: {
      tags, summary: 'Create an account; its one-time password is shown once',
      body: z.object({ username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/), displayName: z.string().trim().min(1).max(32), personId: z.uuid().nullable().optional() }),
      response: { 201: z.object({ account: z.object({ id: z.string(), username: z.string() }), initialPassword: z.string() }) },
    },
  }, async (req, reply) => {
    const { account, initialPassword } = await createAccount(ctx, actorOf(req), req.body);
    return reply.code(201).send({ account: { id: account.id, username: account.username }, initialPassword });
  });

  app.patch('/api/accounts/:id', {
    config: manage,
    schema: {
      tags, summary: 'Rename, require TOTP, disable', params: id,
      body: z.object({ displayName: z.string().trim().min(1).max(32).optional(), totpRequired: z.boolean().optional(), disabled: z.boolean().optional() }),
      response: { 204: z.null() },
    },
  }, async (req, reply) => {
    await updateAccount(ctx, actorOf(req), req.params.id, req.body);
    return reply.code(204).send(null);
  });

  app.post('/api/accounts/:id/reset-password', {
    config: manage,
    schema: { tags, summary: 'Issue a new one-time password', params: id, response: { 200: z.object({ initialPassword: z.string() }) } },
  }, async (req) => resetPassword(ctx, actorOf(req), req.params.id));

  app.post('/api/accounts/:id/unlock', {
    config: manage,
    schema: { tags, summary: 'Lift a lock-out', params: id, response: { 204: z.null() } },
  }, async (req, reply) => {
    await unlockAccount(ctx, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/grants', {
    config: manage,
    schema: {
      tags, summary: 'Grant a role on a node (covers its subtree)',
      body: z.object({ accountId: z.uuid(), role: z.enum(roles), territoryId: z.uuid() }),
      response: { 201: z.object({ id: z.string() }) },
    },
  }, async (req, reply) => reply.code(201).send({ id: (await addGrant(ctx, actorOf(req), req.body)).id }));

  app.delete('/api/grants/:id', {
    config: manage,
    schema: { tags, summary: 'Revoke a grant', params: id, response: { 204: z.null() } },
  }, async (req, reply) => {
    await revokeGrant(ctx, actorOf(req), req.params.id);
    return reply.code(204).send(null);
  });
}
