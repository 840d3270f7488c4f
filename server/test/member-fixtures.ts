import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { memberRegistration, unitRegistration } from '../db/schema/members.ts';
import type { Pii } from '../core/pii.ts';
import { type Node, makeBody, makePerson } from '../demo/factories.ts';
import { awardPoints } from '../modules/points/award.ts';
import { ensureDefaultRules } from '../modules/points/default-rules.ts';

interface Ctx { db: Db; pii: Pii }
interface Where { community: Node; building: Node }

let source = 0;
const system = { system: 'test' };

/** A pending dual registration of `personId` (a new party member when absent) with the community; live ones of the person end first. */
export async function pendingRegistration(t: Ctx, s: Where, personId?: string | null) {
  const pid = personId ?? (await makePerson(t.db, t.pii, s.building, { isPartyMember: true })).id;
  await t.db.update(memberRegistration).set({ state: 'withdrawn' }).where(eq(memberRegistration.personId, pid));
  const [r] = await t.db.insert(memberRegistration).values({ personId: pid, communityId: s.community.id, workplaceOrgName: '区外某公司党委' }).returning();
  return r!.id;
}

/** A pending unit registration of a new party branch of the community with `target`. */
export async function pendingUnitRegistration(t: Ctx, s: Where, target: Node) {
  const b = await makeBody(t.db, s.community, 'party_branch', `驻区单位党支部${++source}`);
  const [r] = await t.db.insert(unitRegistration).values({ bodyId: b.id, territoryId: target.id, commitments: '每月一次志愿服务' }).returning();
  return r!.id;
}

/** Ends the live unit registrations of a body, so it may register again. */
export async function endUnitRegistrations(t: Ctx, bodyId: string) {
  await t.db.update(unitRegistration).set({ state: 'withdrawn' }).where(inArray(unitRegistration.bodyId, [bodyId]));
}

/** A points entry of a fresh source for the person, under the district's default rules. */
export async function freshEntry(t: Ctx, district: Node, personId: string) {
  await ensureDefaultRules(t.db, district.id);
  const e = await awardPoints(t.db, system, { personId, ruleCode: 'activity', sourceType: 'test', sourceId: `s${++source}` });
  return e!.id;
}
