import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { body, bodyMember } from '../../db/schema/bodies.ts';
import type { meeting } from '../../db/schema/deliberation.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { likePrefix } from '../../core/policy.ts';
import { communityPathOf } from '../agenda/rules.ts';
import { FOUR_BODIES, POSITION_ORDER, fourBodyOf } from './rules.ts';

const KINDS = ['party_committee', 'party_general_branch', 'party_branch', 'residents_committee', 'villagers_committee', 'owners_committee', 'property_company'] as const;

/**
 * Who sits for each of the four bodies of a community: the current members of its party
 * organisation, residents' committee, owners' committee and property company (bodies at or under
 * the community), leaders first. `missing` names the bodies with nobody to send.
 */
export async function suggestParticipants(db: Db, m: typeof meeting.$inferSelect) {
  const community = communityPathOf(m.path);
  const rows = await db.select({
    personId: person.id, name: person.name, bodyId: body.id, bodyName: body.name, bodyKind: body.kind, position: bodyMember.position,
  })
    .from(bodyMember)
    .innerJoin(body, eq(body.id, bodyMember.bodyId))
    .innerJoin(territory, eq(territory.id, body.territoryId))
    .innerJoin(person, eq(person.id, bodyMember.personId))
    .where(and(inArray(body.kind, [...KINDS]), isNull(body.retiredAt), isNull(bodyMember.endedOn), sql`${territory.path} like ${likePrefix(community)}`));
  const items = rows.map((r) => ({ ...r, capacity: fourBodyOf(r.bodyKind)! }))
    .sort((a, b) => FOUR_BODIES.indexOf(a.capacity) - FOUR_BODIES.indexOf(b.capacity)
      || POSITION_ORDER.indexOf(a.position) - POSITION_ORDER.indexOf(b.position) || a.name.localeCompare(b.name, 'zh'));
  // A person sits once, for the first body they appear under.
  const seen = new Set<string>();
  const unique = items.filter((i) => !seen.has(i.personId) && seen.add(i.personId));
  return { items: unique, missing: FOUR_BODIES.filter((c) => !unique.some((i) => i.capacity === c)) };
}
