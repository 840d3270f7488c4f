import { z } from 'zod';
import { maskName } from '../../core/pii.ts';
import type { wish } from '../../db/schema/members.ts';

const who = z.object({ id: z.string(), name: z.string() });

export const wishOut = z.object({
  id: z.string(), territoryId: z.string(), territoryName: z.string(), title: z.string(), description: z.string(),
  state: z.enum(['pending_review', 'rejected', 'open', 'claimed', 'fulfilled', 'confirmed']), reason: z.string().nullable(),
  resident: who.describe('name masked (张*丰) unless the caller is staff or the resident'),
  claimedBy: who.nullable(), claimedAt: z.string().nullable(), claimExpiresAt: z.string().nullable(), fulfilledAt: z.string().nullable(),
  hasPhoto: z.boolean(), photoUrl: z.string().nullable(), confirmedAt: z.string().nullable(), createdAt: z.string(),
  mine: z.enum(['resident', 'claimer']).nullable(),
});

export interface WishView {
  w: typeof wish.$inferSelect;
  territoryName: string;
  residentName: string;
  claimerName: string | null;
  /** Staff in reach and the resident see the resident's name; everyone else a masked one. */
  fullNames: boolean;
  me: string | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The one place a wish becomes JSON: the resident's name is masked here for the public. */
export function presentWish(v: WishView): z.infer<typeof wishOut> {
  const { w } = v;
  return {
    id: w.id, territoryId: w.territoryId, territoryName: v.territoryName, title: w.title, description: w.description,
    state: w.state, reason: w.reason,
    resident: { id: w.residentId, name: v.fullNames ? v.residentName : maskName(v.residentName) },
    claimedBy: w.claimedBy ? { id: w.claimedBy, name: v.claimerName ?? '' } : null,
    claimedAt: iso(w.claimedAt), claimExpiresAt: iso(w.claimExpiresAt), fulfilledAt: iso(w.fulfilledAt),
    hasPhoto: w.photoPath !== null, photoUrl: w.photoPath ? `/api/wishes/${w.id}/photo` : null,
    confirmedAt: iso(w.confirmedAt), createdAt: w.createdAt.toISOString(),
    mine: v.me && w.residentId === v.me ? 'resident' : v.me && w.claimedBy === v.me ? 'claimer' : null,
  };
}
