import { and, count, desc, eq, gte, ilike, isNull, like, lte, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { type App, type AppContext, actorOf } from '../../core/context.ts';
import { verifyChain } from '../../core/audit.ts';
import { DomainError } from '../../core/errors.ts';
import { type Actor, grantsFor, likePrefix, scope } from '../../core/policy.ts';
import { auditLog } from '../../db/schema/audit.ts';
import { territory } from '../../db/schema/territory.ts';
import { nodeInSight } from '../territory/queries.ts';
import { idsOfPath } from '../territory/rules.ts';
import './messages.ts';
import { auditPolicy as P } from './policy.ts';

const tags = ['audit'];

/** An auditor granted at the root of the tree: the one who sees the district's records without a node. */
const districtLevel = (actor: Actor) => grantsFor(actor, P['audit.read']).some((g) => idsOfPath(g.path).length === 1);

/**
 * The records an auditor may read: those on a node of their granted subtrees. Records with no node
 * (accounts, logins, system settings) concern the whole district: only an auditor granted at the
 * root of the tree reads them.
 */
export function auditSight(actor: Actor): SQL {
  const onNodes = scope(actor, P['audit.read'], territory.path);
  return districtLevel(actor) ? or(onNodes, isNull(auditLog.territoryId))! : onNodes;
}

export function auditRoutes(app: App, ctx: AppContext) {
  app.get('/api/audit', {
    config: { permission: P['audit.read'] },
    schema: {
      tags, summary: 'Search the audit log by actor, action, node (and its subtree) and time',
      querystring: z.object({
        actor: z.string().max(64).optional(),
        action: z.string().max(64).optional(),
        territoryId: z.uuid().optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
      response: {
        200: z.object({
          items: z.array(z.object({
            id: z.number(), at: z.string(), actor: z.string(), role: z.string().nullable(), ip: z.string().nullable(), action: z.string(),
            targetType: z.string().nullable(), targetId: z.string().nullable(), territoryId: z.string().nullable(), territoryName: z.string().nullable(),
            before: z.unknown(), after: z.unknown(),
          })),
          total: z.number(),
        }),
      },
    },
  }, async (req) => {
    const q = req.query;
    const conds: SQL[] = [auditSight(actorOf(req))];
    if (q.actor) conds.push(ilike(auditLog.actor, `%${q.actor.replace(/[\\%_]/g, '\\$&')}%`));
    if (q.action) conds.push(like(auditLog.action, `${q.action.replace(/[\\%_]/g, '\\$&')}%`));
    if (q.from) conds.push(gte(auditLog.at, new Date(q.from).toISOString()));
    if (q.to) conds.push(lte(auditLog.at, new Date(q.to).toISOString()));
    if (q.territoryId) {
      const node = await nodeInSight(ctx.db, actorOf(req), P['audit.read'], q.territoryId);
      conds.push(like(territory.path, likePrefix(node.path)));
    }
    const where = and(...conds);
    const [rows, [total]] = await Promise.all([
      ctx.db.select({ a: auditLog, territoryName: territory.name }).from(auditLog).leftJoin(territory, eq(territory.id, auditLog.territoryId))
        .where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      ctx.db.select({ n: count() }).from(auditLog).leftJoin(territory, eq(territory.id, auditLog.territoryId)).where(where),
    ]);
    return {
      items: rows.map(({ a, territoryName }) => ({
        id: a.id, at: new Date(a.at).toISOString(), actor: a.actor, role: a.role, ip: a.ip, action: a.action, targetType: a.targetType,
        targetId: a.targetId, territoryId: a.territoryId, territoryName, before: a.before, after: a.after,
      })),
      total: total!.n,
    };
  });

  app.get('/api/audit/verify', {
    config: { permission: P['audit.read'] },
    schema: {
      tags, summary: 'Recompute the hash chain; names the first broken record (district-level auditors only)',
      response: { 200: z.object({ ok: z.boolean(), checked: z.number(), firstBroken: z.object({ id: z.number(), at: z.string() }).nullable() }) },
    },
  }, async (req) => {
    // The chain runs through every record of the district, so walking it would show a street's
    // auditor how many records exist beyond their street, and where one was tampered with.
    if (!districtLevel(actorOf(req))) throw new DomainError('audit.verifyDistrictWide', 403);
    return verifyChain(ctx.db);
  });
}
