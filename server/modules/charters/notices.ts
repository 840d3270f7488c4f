import { and, eq, inArray, isNull, like } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { type Role, grant } from '../../db/schema/accounts.ts';
import type { charter } from '../../db/schema/deliberation.ts';
import { territory } from '../../db/schema/territory.ts';
import { estate } from '../../db/schema/voting.ts';
import { notify } from '../notifications/notify.ts';

type Charter = typeof charter.$inferSelect;

/** Who holds `charter.comment` (policy.ts): the people the comment period is for. */
const COMMENTERS: Role[] = ['resident', 'party_member'];

/** "2026-12-13 18:00" in Shanghai time, as the notice's text says it. */
const shanghai = (at: Date) => at.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);

/**
 * The accounts that may comment on the charter: residents and party members whose home lies in
 * its community (in its estate, for an estate's charter). Their grants sit on buildings and rooms
 * below the charter's node, so this looks down the tree, not up.
 */
async function commenters(tx: Db, c: Charter): Promise<string[]> {
  let base = c.path;
  if (c.estateId) {
    const [e] = await tx.select({ path: territory.path }).from(estate).innerJoin(territory, eq(territory.id, estate.territoryId)).where(eq(estate.id, c.estateId));
    if (e) base = e.path;
  }
  const rows = await tx.selectDistinct({ accountId: grant.accountId }).from(grant)
    .innerJoin(territory, eq(territory.id, grant.territoryId))
    .where(and(isNull(grant.revokedAt), inArray(grant.role, COMMENTERS), like(territory.path, `${base}%`)));
  return rows.map((r) => r.accountId);
}

/** Opening a comment period tells the charter's residents where to read the draft and what changed. */
export async function noticeCommentPeriod(tx: Db, c: Charter, version: number, commentUntil: Date) {
  await notify(tx, await commenters(tx, c), {
    kind: 'charter.commenting',
    title: `《${c.title}》第 ${version} 版征求意见`,
    body: `请在 ${shanghai(commentUntil)} 前阅读修改内容并提出意见。`,
    link: `/m/charters/${c.id}`,
    params: { title: c.title, version, until: commentUntil.toISOString(), charterId: c.id },
  });
}
