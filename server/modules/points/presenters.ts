import { z } from 'zod';
import type { pointsEntry, pointsRule } from '../../db/schema/members.ts';

export const ruleOut = z.object({
  id: z.string(), code: z.string(), points: z.number(), monthlyCap: z.number().nullable(), expiry: z.enum(['none', 'annual']),
  validFrom: z.string(), validTo: z.string().nullable(),
});

export function presentRule(r: typeof pointsRule.$inferSelect): z.infer<typeof ruleOut> {
  return { id: r.id, code: r.code, points: Number(r.points), monthlyCap: r.monthlyCap, expiry: r.expiry, validFrom: r.validFrom.toISOString(), validTo: r.validTo?.toISOString() ?? null };
}

export const entryOut = z.object({
  id: z.number(), at: z.string(), ruleCode: z.string(), points: z.number(), sourceType: z.string(), sourceId: z.string(),
  note: z.string().nullable(), reversesId: z.number().nullable(), reversedBy: z.number().nullable(),
});

export function presentEntry(e: typeof pointsEntry.$inferSelect): z.infer<typeof entryOut> {
  return {
    id: e.id, at: e.createdAt.toISOString(), ruleCode: e.ruleCode, points: e.points, sourceType: e.sourceType, sourceId: e.sourceId,
    note: e.note, reversesId: e.reversesId, reversedBy: null,
  };
}

const nodeRef = z.object({ id: z.string(), name: z.string() });
const rank = nodeRef.extend({ rank: z.number().nullable(), total: z.number() }).nullable();

export const myPointsOut = z.object({
  period: z.string(), points: z.number(), validPoints: z.number(), level: z.string().nullable(),
  balances: z.object({ all: z.number(), year: z.number(), quarter: z.number(), month: z.number() }),
  ranks: z.object({ community: rank, street: rank, district: rank }),
});

export const rankingOut = z.object({
  node: nodeRef.extend({ kind: z.string() }), period: z.string(),
  items: z.array(z.object({ rank: z.number(), personId: z.string(), name: z.string(), community: nodeRef, points: z.number() })),
  total: z.number(), page: z.number(), pageSize: z.number(),
});

export const commendationOut = z.object({
  id: z.string(), personId: z.string(), name: z.string(), community: nodeRef, level: z.string(), period: z.string(), points: z.number(), awardedAt: z.string(),
});
