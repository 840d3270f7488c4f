import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { RowError } from '../../../core/errors.ts';
import { t, type Locale } from '../../../core/i18n.ts';
import type { Pii } from '../../../core/pii.ts';
import { type Actor, canAt, scope } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { body } from '../../../db/schema/bodies.ts';
import { person } from '../../../db/schema/people.ts';
import { territory } from '../../../db/schema/territory.ts';
import { peoplePolicy as P } from '../policy.ts';
import { type RosterKind, columnsOf } from '../roster-columns.ts';
import type { RosterRow } from '../roster-rows.ts';

type Node = Pick<typeof territory.$inferSelect, 'id' | 'code' | 'name' | 'path' | 'retired'>;
export type ExistingPerson = typeof person.$inferSelect;

/** Where a row's person lives, which party organisation holds them, and who they already are. */
export interface Placement {
  node: Node;
  partyOrgId: string | null;
  existing: ExistingPerson | null;
}

const partyKinds = ['party_committee', 'party_working_committee', 'party_general_branch', 'party_branch', 'party_group'] as const;
const CHUNK = 5000;

/** Runs a lookup over the values in chunks, so thousands of rows cost a handful of queries. */
async function inChunks<T>(values: string[], lookup: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await lookup(values.slice(i, i + CHUNK))));
  return out;
}
const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * Resolves node codes, building names, party organisations and existing people for all rows
 * with one batch of queries each, pushing a row error for whatever cannot be placed or lies
 * outside the caller's territory for `person.import`.
 */
export async function resolveRoster(tx: Db, pii: Pii, actor: Actor, rows: RosterRow[], kind: RosterKind, locale: Locale, errors: RowError[]) {
  const header = Object.fromEntries(columnsOf(kind).map((c) => [c.key, c.header]));
  const fail = (row: number, key: string, code: string, params: Record<string, unknown> = {}) => {
    errors.push({ row, column: header[key]!, message: t(locale, code, params) });
  };
  const inScope = (path: string) => canAt(actor, P['person.import'], path);
  const nodeCols = { id: territory.id, code: territory.code, name: territory.name, path: territory.path, retired: territory.retired };

  const byCode = new Map<string, Node>();
  for (const n of await inChunks(distinct(rows.map((r) => r.nodeCode)), (c) => tx.select(nodeCols).from(territory).where(inArray(territory.code, c)))) {
    byCode.set(n.code!, n);
  }
  const buildingsByName = groupBy(
    await inChunks(distinct(rows.map((r) => r.building)), (c) =>
      tx.select(nodeCols).from(territory).where(and(eq(territory.kind, 'building'), inArray(territory.name, c), scope(actor, P['person.import'], territory.path)))),
    (b) => b.name,
  );
  const orgsByName = groupBy(
    await inChunks(distinct(rows.map((r) => r.partyOrg)), (c) =>
      tx.select({ id: body.id, name: body.name, path: territory.path }).from(body).innerJoin(territory, eq(territory.id, body.territoryId))
        .where(and(inArray(body.kind, partyKinds), inArray(body.name, c), isNull(body.retiredAt), scope(actor, P['person.import'], territory.path)))),
    (o) => o.name,
  );
  const existingByHash = new Map<string, ExistingPerson & { path: string }>();
  const hashes = distinct(rows.map((r) => (r.idNumber ? pii.hash(r.idNumber) : null)));
  for (const e of await inChunks(hashes, (c) => tx.select({ p: person, path: territory.path }).from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(inArray(person.idNumberHash, c)))) {
    existingByHash.set(e.p.idNumberHash, { ...e.p, path: e.path });
  }

  const placements = new Map<number, Placement>();
  for (const r of rows) {
    let node = r.nodeCode ? byCode.get(r.nodeCode) : undefined;
    if (r.nodeCode && !node) fail(r.row, 'nodeCode', 'import.nodeNotFound', { code: r.nodeCode });
    else if (node && !inScope(node.path)) { fail(r.row, 'nodeCode', 'import.nodeOutOfScope', { code: r.nodeCode }); node = undefined; }
    if (node && r.building) {
      const under = (buildingsByName.get(r.building) ?? []).filter((b) => b.path.startsWith(node!.path));
      if (under.length !== 1) fail(r.row, 'building', under.length ? 'import.buildingAmbiguous' : 'import.buildingNotFound', { code: r.nodeCode, building: r.building });
      node = under.length === 1 ? under[0] : undefined;
    }
    if (node?.retired) { fail(r.row, r.building ? 'building' : 'nodeCode', 'territory.retired'); node = undefined; }

    let partyOrgId: string | null = null;
    if (r.partyOrg) {
      const orgs = orgsByName.get(r.partyOrg) ?? [];
      // Two organisations may share a name in different communities: the one above the home wins.
      const above = node ? orgs.filter((o) => node!.path.startsWith(o.path)) : [];
      const pick = orgs.length === 1 ? orgs : above.length === 1 ? above : [];
      if (pick.length === 1) partyOrgId = pick[0]!.id;
      else fail(r.row, 'partyOrg', orgs.length ? 'import.partyOrgAmbiguous' : 'import.partyOrgNotFound', { name: r.partyOrg });
    }

    const existing = r.idNumber ? existingByHash.get(pii.hash(r.idNumber)) : undefined;
    if (existing && !inScope(existing.path)) fail(r.row, 'idNumber', 'import.personElsewhere');
    if (node) placements.set(r.row, { node, partyOrgId, existing: existing ?? null });
  }
  return placements;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) m.set(key(i), [...(m.get(key(i)) ?? []), i]);
  return m;
}
