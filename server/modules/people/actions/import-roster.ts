import { sql } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, type RowError } from '../../../core/errors.ts';
import type { Locale } from '../../../core/i18n.ts';
import type { Actor } from '../../../core/policy.ts';
import { importReport } from '../../../db/schema/audit.ts';
import { person } from '../../../db/schema/people.ts';
import { idsOfPath } from '../../territory/rules.ts';
import { type RosterKind, columnsOf } from '../roster-columns.ts';
import type { RawRow } from '../roster-file.ts';
import { type RosterRow, checkRows } from '../roster-rows.ts';
import { encryptedNumbers, householdsFor, roomKey } from './person-fields.ts';
import { type Placement, resolveRoster } from './resolve-roster.ts';

type PersonValues = typeof person.$inferInsert;

/** Everything a re-import may change; id, ID number hash and creation time stay. */
const updatable = [
  'name', 'territoryId', 'householdId', 'relation', 'gender', 'birthDate', 'idNumberEnc', 'idNumberMasked',
  'phoneEnc', 'phoneHash', 'phoneMasked', 'isPartyMember', 'partyOrgId', 'joinedPartyOn', 'updatedAt',
] as const satisfies readonly (keyof PersonValues)[];
const onConflictSet = Object.fromEntries(updatable.map((k) => [k, sql.raw(`excluded.${person[k].name}`)]));

/**
 * Imports a roster all or nothing in one transaction. A person is known by their ID number:
 * one already registered is updated in place, never duplicated. On any bad row nothing is
 * written except the error report, which the importing account can download.
 */
export async function importRoster(ctx: AppContext, actor: Actor, raw: RawRow[], opts: { kind: RosterKind; locale: Locale }) {
  const { rows, errors } = checkRows(raw, opts.kind, opts.locale);
  const outcome = await ctx.db.transaction(async (tx) => {
    const placements = await resolveRoster(tx, ctx.pii, actor, rows, opts.kind, opts.locale, errors);
    if (errors.length) {
      const sorted = sortErrors(errors, opts.kind);
      const [report] = await tx.insert(importReport).values({ accountId: actor.accountId, kind: opts.kind, errors: sorted }).returning({ id: importReport.id });
      return { errors: sorted, reportId: report!.id };
    }
    const households = await householdsFor(tx, rows.filter((r) => r.room).map((r) => ({ territoryId: placements.get(r.row)!.node.id, room: r.room! })));
    const now = new Date();
    const values = rows.map((r) => personValues(ctx, r, placements.get(r.row)!, households, opts.kind, now));
    for (let i = 0; i < values.length; i += 1000) {
      await tx.insert(person).values(values.slice(i, i + 1000)).onConflictDoUpdate({ target: person.idNumberHash, set: onConflictSet });
    }
    const updated = rows.filter((r) => placements.get(r.row)!.existing).length;
    const result = { imported: rows.length - updated, updated };
    const territoryId = commonAncestor([...placements.values()].map((p) => p.node.path));
    await audit(tx, actor, { action: 'person.import', targetType: 'person', territoryId, after: { kind: opts.kind, rows: rows.length, ...result } });
    return result;
  });
  if ('errors' in outcome) {
    throw new DomainError('import.badRows', 422, { count: new Set(outcome.errors.map((e) => e.row)).size, errors: outcome.errors, reportId: outcome.reportId });
  }
  return outcome;
}

/**
 * The full stored record of a row. Blank optional cells keep what an existing record says;
 * a people roster does not say whether someone is a party member, so it leaves that alone.
 */
function personValues(ctx: AppContext, r: RosterRow, at: Placement, households: Map<string, string>, kind: RosterKind, now: Date): PersonValues {
  const old = at.existing;
  const numbers = encryptedNumbers(ctx.pii, r.idNumber!, r.phone);
  const keepPhone = !r.phone && old ? { phoneEnc: old.phoneEnc, phoneHash: old.phoneHash, phoneMasked: old.phoneMasked } : {};
  const householdId = r.room ? households.get(roomKey(at.node.id, r.room))! : old && old.territoryId === at.node.id ? old.householdId : null;
  const party = kind === 'party_members'
    ? { isPartyMember: true, partyOrgId: at.partyOrgId, joinedPartyOn: r.joinedPartyOn }
    : { isPartyMember: old?.isPartyMember ?? false, partyOrgId: old?.partyOrgId ?? null, joinedPartyOn: old?.joinedPartyOn ?? null };
  return {
    name: r.name, territoryId: at.node.id, householdId, relation: r.relation ?? old?.relation ?? null,
    ...numbers, ...keepPhone, ...party, updatedAt: now,
  };
}

function sortErrors(errors: RowError[], kind: RosterKind): RowError[] {
  const order = new Map(columnsOf(kind).map((c, i) => [c.header, i]));
  return [...errors].sort((a, b) => a.row - b.row || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
}

/** The deepest node holding every imported row: the territory the audit record speaks for. */
function commonAncestor(paths: string[]): string | null {
  const lists = paths.map(idsOfPath);
  const first = lists[0] ?? [];
  let depth = 0;
  while (depth < first.length && lists.every((l) => l[depth] === first[depth])) depth++;
  return depth ? first[depth - 1]! : null;
}
