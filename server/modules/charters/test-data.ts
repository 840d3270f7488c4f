import type { Db } from '../../db/client.ts';
import { charter, charterVersion, resolution } from '../../db/schema/deliberation.ts';
import type { Node } from '../../demo/factories.ts';
import { idsOfPath } from '../territory/rules.ts';

type State = (typeof charterVersion.$inferSelect)['state'];

export interface VersionSpec {
  state: State;
  text?: string;
  commentUntil?: Date | null;
}

/** A charter written directly with versions 1, 2, … in the given states (by default one draft). */
export async function makeCharter(db: Db, node: Node, versions: VersionSpec[] = [{ state: 'draft' }], o: { title?: string; kind?: (typeof charter.$inferSelect)['kind']; estateId?: string | null } = {}) {
  const [c] = await db.insert(charter).values({
    districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path, estateId: o.estateId ?? null,
    kind: o.kind ?? 'convention', title: o.title ?? `${node.name}居民自治公约`,
  }).returning();
  const rows = [];
  for (const [i, v] of versions.entries()) {
    const [row] = await db.insert(charterVersion).values({
      charterId: c!.id, version: i + 1, state: v.state, text: v.text ?? `第一条 第${i + 1}版。\n第二条 邻里和睦。\n`,
      commentUntil: v.commentUntil ?? (v.state === 'commenting' ? new Date(Date.now() + 86_400_000) : null),
      publishedAt: v.state === 'published' || v.state === 'superseded' ? new Date() : null,
      adoptedAt: v.state === 'draft' || v.state === 'commenting' ? null : new Date(),
    }).returning();
    rows.push(row!);
  }
  return { charter: c!, versions: rows };
}

/** A resolution of a node's meeting, as the resolutions module would have recorded it. */
export async function makeResolution(db: Db, node: Node, state: (typeof resolution.$inferSelect)['state'] = 'published') {
  const [r] = await db.insert(resolution).values({
    districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path, title: '关于修订居民公约的决议', text: '同意修订。', state,
  }).returning();
  return r!;
}
