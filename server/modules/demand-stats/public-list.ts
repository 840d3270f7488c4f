import { and, count, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { Pii } from '../../core/pii.ts';
import { likePrefix } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { type DemandState, demand, demandCategory, demandEvent } from '../../db/schema/demands.ts';
import { person } from '../../db/schema/people.ts';
import { territory } from '../../db/schema/territory.ts';
import { anonymise } from './anonymise.ts';

/** What a community publishes: demands it took up (not those refused or merged as duplicates). */
const PUBLISHED: DemandState[] = ['accepted', 'assigned', 'in_progress', 'resolved', 'closed'];
export const PUBLIC_PAGE_SIZE = 20;

/**
 * 公示: what residents of a community asked and what was done, for anyone. Only the number,
 * category, an anonymised title, the state, dates and the anonymised note of the resolving step.
 * A name that is neither the demand's contact nor on the community's roster can still slip through
 * free text; the handlers' notes are written knowing they are published.
 */
export async function publicDemands(db: Db, pii: Pii, communityId: string, page: number) {
  const [node] = await db.select({ id: territory.id, name: territory.name, path: territory.path }).from(territory)
    .where(and(eq(territory.id, communityId), inArray(territory.kind, ['neighborhood', 'village']), eq(territory.retired, false)));
  if (!node) throw notFound('territory', communityId);
  const community = { id: node.id, name: node.name };
  const communityPath = node.path;
  const where = and(eq(demand.communityId, community.id), inArray(demand.state, PUBLISHED));
  const [{ n }] = (await db.select({ n: count() }).from(demand).where(where)) as [{ n: number }];
  const result = sql<string | null>`(select ${demandEvent.note} from ${demandEvent}
    where ${demandEvent.demandId} = ${demand.id} and ${demandEvent.action} = 'resolve' and ${demandEvent.public}
    order by ${demandEvent.id} desc limit 1)`;
  const rows = await db.select({
    no: demand.no, title: demand.title, state: demand.state, createdAt: demand.createdAt, closedAt: demand.closedAt,
    room: demand.room, address: demand.address, contactNameEnc: demand.contactNameEnc, reporter: person.name,
    category: demandCategory.name, result,
  }).from(demand)
    .innerJoin(demandCategory, eq(demandCategory.id, demand.categoryId))
    .leftJoin(person, eq(person.id, demand.reporterPersonId))
    .where(where).orderBy(desc(demand.createdAt), desc(demand.no))
    .limit(PUBLIC_PAGE_SIZE).offset((page - 1) * PUBLIC_PAGE_SIZE);
  // Residents write each other's names into their texts: every name on the community's roster is blanked, not only the reporter's.
  const roster = rows.length
    ? (await db.selectDistinct({ name: person.name }).from(person).innerJoin(territory, eq(territory.id, person.territoryId))
      .where(like(territory.path, likePrefix(communityPath)))).map((p) => p.name)
    : [];
  return {
    community, total: n, page, pageSize: PUBLIC_PAGE_SIZE,
    items: rows.map((r) => {
      // The address stays: it says where (a road, a building), and the room in it is blanked anyway.
      const known = { names: [r.reporter, r.contactNameEnc ? pii.decrypt(r.contactNameEnc) : null, ...roster], rooms: [r.room] };
      const done = r.state === 'resolved' || r.state === 'closed';
      return {
        no: r.no, category: r.category, title: anonymise(r.title, known), state: r.state,
        createdAt: r.createdAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null,
        result: done && r.result ? anonymise(r.result, known) : null,
      };
    }),
  };
}
