import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { notFound } from '../../core/errors.ts';
import { notification } from '../../db/schema/notifications.ts';

const tags = ['notifications'];

const notificationOut = z.object({
  id: z.number(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(),
  params: z.record(z.string(), z.unknown()).nullable(), createdAt: z.string(), readAt: z.string().nullable(),
});

export function notificationsRoutes(app: App, ctx: AppContext) {
  app.get('/api/notifications', {
    config: { permission: 'authenticated' },
    schema: {
      tags, summary: 'The caller\'s own notices, newest first, and how many are unread',
      querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(notificationOut), unread: z.number().int() }) },
    },
  }, async (req) => {
    const me = actorOf(req).accountId;
    const unread = and(eq(notification.accountId, me), isNull(notification.readAt));
    const [rows, [n]] = await Promise.all([
      ctx.db.select().from(notification).where(req.query.unread === 'true' ? unread : eq(notification.accountId, me))
        .orderBy(desc(notification.id)).limit(req.query.limit),
      ctx.db.select({ n: count() }).from(notification).where(unread),
    ]);
    return {
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, title: r.title, body: r.body, link: r.link, params: r.params ?? null,
        createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null,
      })),
      unread: n?.n ?? 0,
    };
  });

  app.post('/api/notifications/:id/read', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Mark one of the caller\'s notices read', params: z.object({ id: z.coerce.number().int().positive() }), response: { 204: z.undefined() } },
  }, async (req, reply) => {
    const me = actorOf(req).accountId;
    const [row] = await ctx.db.select({ readAt: notification.readAt }).from(notification).where(and(eq(notification.id, req.params.id), eq(notification.accountId, me)));
    if (!row) throw notFound('notification', String(req.params.id));
    if (!row.readAt) await ctx.db.update(notification).set({ readAt: new Date() }).where(and(eq(notification.id, req.params.id), isNull(notification.readAt)));
    return reply.code(204).send();
  });

  app.post('/api/notifications/read-all', {
    config: { permission: 'authenticated' },
    schema: { tags, summary: 'Mark all the caller\'s notices read', response: { 204: z.undefined() } },
  }, async (req, reply) => {
    await ctx.db.update(notification).set({ readAt: new Date() }).where(and(eq(notification.accountId, actorOf(req).accountId), isNull(notification.readAt)));
    return reply.code(204).send();
  });
}
