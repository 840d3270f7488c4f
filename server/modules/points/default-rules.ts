import type { Db } from '../../db/client.ts';
import { pointsRule } from '../../db/schema/members.ts';
import { defaultRules } from './rules.ts';

/** Gives a district the default rules it lacks; a district's own changes are left alone. */
export async function ensureDefaultRules(db: Db, districtId: string) {
  await db
    .insert(pointsRule)
    .values(defaultRules.map((r) => ({ districtId, code: r.code, points: r.points, monthlyCap: r.monthlyCap, expiry: 'none' as const })))
    .onConflictDoNothing();
}
