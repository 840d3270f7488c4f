import { z } from 'zod';
import type { activity, activitySignup, service } from '../../db/schema/members.ts';
import { hoursServed, pointsRuleOf } from './rules.ts';

export const serviceOut = z.object({
  id: z.string(), territoryId: z.string(), territoryName: z.string(), category: z.string(), title: z.string(),
  description: z.string(), place: z.string(), retired: z.boolean(), createdAt: z.string(),
});

export const signupOut = z.object({
  id: z.string(), activityId: z.string(), personId: z.string(),
  state: z.enum(['signed_up', 'cancelled', 'checked_in', 'checked_out']),
  signedUpAt: z.string(), cancelledAt: z.string().nullable(), checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable(),
  hours: z.number().nullable(), points: z.number().nullable(),
});

export const activityOut = z.object({
  id: z.string(), territoryId: z.string(), territoryName: z.string(),
  serviceId: z.string().nullable(), serviceTitle: z.string().nullable(), category: z.string().nullable(),
  kind: z.enum(['service', 'volunteer', 'theme_party_day']), title: z.string(), description: z.string(), place: z.string(),
  startsAt: z.string(), endsAt: z.string(), capacity: z.number(), signedUp: z.number(), cancelDeadline: z.string(),
  state: z.enum(['published', 'cancelled', 'finished']), pointsRule: z.enum(['service_hour', 'activity']),
  near: z.enum(['community', 'street']).nullable(), mySignup: signupOut.nullable(),
});

type ServiceRow = typeof service.$inferSelect;
type ActivityRow = typeof activity.$inferSelect;
type SignupRow = typeof activitySignup.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentService(s: ServiceRow, territoryName: string): z.infer<typeof serviceOut> {
  return {
    id: s.id, territoryId: s.territoryId, territoryName, category: s.category, title: s.title, description: s.description,
    place: s.place, retired: s.retiredAt !== null, createdAt: s.createdAt.toISOString(),
  };
}

/** Hours appear once the member has checked out; points once the ledger holds the award. */
export function presentSignup(s: SignupRow, a: Pick<ActivityRow, 'startsAt' | 'endsAt'>, points: number | null): z.infer<typeof signupOut> {
  const hours = s.checkedInAt && s.checkedOutAt ? hoursServed(s.checkedInAt, s.checkedOutAt, a.startsAt, a.endsAt) : null;
  return {
    id: s.id, activityId: s.activityId, personId: s.personId, state: s.state, signedUpAt: s.signedUpAt.toISOString(),
    cancelledAt: iso(s.cancelledAt), checkedInAt: iso(s.checkedInAt), checkedOutAt: iso(s.checkedOutAt), hours, points,
  };
}

export interface ActivityView {
  a: ActivityRow;
  territoryName: string;
  serviceTitle: string | null;
  category: string | null;
  signedUp: number;
  near: 'community' | 'street' | null;
  mine: SignupRow | null;
  myPoints: number | null;
}

export function presentActivity(v: ActivityView): z.infer<typeof activityOut> {
  const { a } = v;
  return {
    id: a.id, territoryId: a.territoryId, territoryName: v.territoryName, serviceId: a.serviceId, serviceTitle: v.serviceTitle,
    category: v.category, kind: a.kind, title: a.title, description: a.description, place: a.place,
    startsAt: a.startsAt.toISOString(), endsAt: a.endsAt.toISOString(), capacity: a.capacity, signedUp: v.signedUp,
    cancelDeadline: a.cancelDeadline.toISOString(), state: a.state, pointsRule: pointsRuleOf(a.kind), near: v.near,
    mySignup: v.mine ? presentSignup(v.mine, a, v.myPoints) : null,
  };
}
