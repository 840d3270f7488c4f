import { z } from 'zod';

const ref = z.object({ id: z.string(), name: z.string() });
const states = z.enum(['pending', 'confirmed', 'returned', 'withdrawn']);

export const registrationOut = z.object({
  id: z.string(), personId: z.string(), personName: z.string(), community: ref, workplaceOrg: ref.nullable(), workplaceOrgName: z.string().nullable(),
  state: states, reason: z.string().nullable(), submittedAt: z.string(), decidedAt: z.string().nullable(),
});
export type RegistrationOut = z.infer<typeof registrationOut>;

export interface RegistrationRow {
  id: string; personId: string; personName: string; communityId: string; communityName: string; workplaceOrgId: string | null;
  workplaceBodyName: string | null; workplaceOrgName: string | null; state: 'pending' | 'confirmed' | 'returned' | 'withdrawn';
  reason: string | null; submittedAt: Date; decidedAt: Date | null;
}

export function presentRegistration(r: RegistrationRow): RegistrationOut {
  return {
    id: r.id, personId: r.personId, personName: r.personName, community: { id: r.communityId, name: r.communityName },
    workplaceOrg: r.workplaceOrgId ? { id: r.workplaceOrgId, name: r.workplaceBodyName ?? '' } : null, workplaceOrgName: r.workplaceOrgName,
    state: r.state, reason: r.reason, submittedAt: r.submittedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export const unitRegistrationOut = z.object({
  id: z.string(), body: ref, territory: ref.extend({ kind: z.string() }), commitments: z.string(), state: states,
  reason: z.string().nullable(), submittedAt: z.string(), decidedAt: z.string().nullable(),
});

export interface UnitRegistrationRow {
  id: string; bodyId: string; bodyName: string; territoryId: string; territoryName: string; territoryKind: string; commitments: string;
  state: 'pending' | 'confirmed' | 'returned' | 'withdrawn'; reason: string | null; submittedAt: Date; decidedAt: Date | null;
}

export function presentUnitRegistration(r: UnitRegistrationRow): z.infer<typeof unitRegistrationOut> {
  return {
    id: r.id, body: { id: r.bodyId, name: r.bodyName }, territory: { id: r.territoryId, name: r.territoryName, kind: r.territoryKind },
    commitments: r.commitments, state: r.state, reason: r.reason, submittedAt: r.submittedAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
