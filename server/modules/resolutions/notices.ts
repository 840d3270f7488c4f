import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { grant } from '../../db/schema/accounts.ts';
import { territory } from '../../db/schema/territory.ts';
import { likePrefix } from '../../core/policy.ts';
import { accountsCovering, notify } from '../notifications/notify.ts';
import { RESOLUTION_PUBLIC } from './policy.ts';
import { communityPathOf } from './rules.ts';

interface About {
  id: string;
  title: string;
  path: string;
}

const STAFF = ['community_worker', 'community_secretary'] as const;
const params = (r: About) => ({ resolutionId: r.id, title: r.title });

/** Residents and party members holding an account in the resolution's community. */
async function residentsOf(tx: Db, path: string): Promise<string[]> {
  const rows = await tx.selectDistinct({ accountId: grant.accountId }).from(grant)
    .innerJoin(territory, eq(territory.id, grant.territoryId))
    .where(and(isNull(grant.revokedAt), inArray(grant.role, [...RESOLUTION_PUBLIC]), sql`${territory.path} like ${likePrefix(communityPathOf(path))}`));
  return rows.map((r) => r.accountId);
}

export async function tellPublished(tx: Db, r: About) {
  await notify(tx, await residentsOf(tx, r.path), { kind: 'resolution.published', title: r.title, link: `/m/resolutions/${r.id}`, params: params(r) });
}

export async function tellObjected(tx: Db, r: About, text: string) {
  await notify(tx, await accountsCovering(tx, r.path, STAFF), { kind: 'resolution.objected', title: r.title, body: text, link: `/console/resolutions/${r.id}`, params: params(r) });
}

export async function tellAnswered(tx: Db, r: About, objectorAccountId: string | null, answer: string) {
  await notify(tx, [objectorAccountId], { kind: 'resolution.objectionAnswered', title: r.title, body: answer, link: `/m/resolutions/${r.id}`, params: params(r) });
}

export async function tellCarriedOver(tx: Db, r: About, agendaItemId: string) {
  await notify(tx, await accountsCovering(tx, r.path, STAFF), {
    kind: 'resolution.carriedOver', title: r.title, link: `/console/resolutions/${r.id}`, params: { ...params(r), agendaItemId },
  });
}
