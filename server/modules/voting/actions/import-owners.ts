import { eq, inArray } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, type RowError } from '../../../core/errors.ts';
import { maskName } from '../../../core/pii.ts';
import type { Actor } from '../../../core/policy.ts';
import { importReport } from '../../../db/schema/audit.ts';
import { person } from '../../../db/schema/people.ts';
import { estate, estateOwner, exclusiveUnit, voteMatter } from '../../../db/schema/voting.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { estateFor } from '../queries.ts';
import type { RegisterRow } from '../register-file.ts';

/**
 * Replaces an estate's owners' register from the property register export, all or nothing.
 * Owners are counted as the law counts them: rows with one identity number are one owner, all
 * developer rows are one owner. An owner whose identity number a platform person carries is
 * linked to that person, whose account then votes. Once a matter has gone to the vote the
 * register is fixed, so a count can never shift under a ballot.
 */
export async function importOwners(ctx: AppContext, actor: Actor, estateId: string, rows: RegisterRow[], errors: RowError[]) {
  const outcome = await ctx.db.transaction(async (tx) => {
    const { e } = await estateFor(tx, actor, P['voting.manage'], estateId);
    // Serialises imports of one estate against each other and against opening its matters.
    await tx.select({ id: estate.id }).from(estate).where(eq(estate.id, estateId)).for('update');
    const matters = await tx.select({ state: voteMatter.state }).from(voteMatter).where(eq(voteMatter.estateId, estateId));
    if (matters.some((m) => m.state !== 'draft')) throw new DomainError('voting.registerLocked', 409);
    if (errors.length) {
      const [report] = await tx.insert(importReport).values({ accountId: actor.accountId, kind: 'estate_owners', errors }).returning({ id: importReport.id });
      return { errors, reportId: report!.id };
    }

    const hashOf = (r: RegisterRow) => (r.isDeveloper ? ctx.pii.hash(`developer:${rows.find((x) => x.isDeveloper && x.identity)?.identity ?? ''}`) : ctx.pii.hash(r.identity!));
    const owners = new Map<string, { row: RegisterRow; hash: string }>();
    for (const r of rows) {
      const key = r.isDeveloper ? 'developer' : r.identity!;
      if (!owners.has(key)) owners.set(key, { row: r, hash: hashOf(r) });
    }
    const buyerHashes = [...owners.values()].filter((o) => !o.row.isDeveloper).map((o) => o.hash);
    const people = new Map<string, string>();
    for (let i = 0; i < buyerHashes.length; i += 1000) {
      const found = await tx.select({ id: person.id, hash: person.idNumberHash }).from(person).where(inArray(person.idNumberHash, buyerHashes.slice(i, i + 1000)));
      for (const p of found) people.set(p.hash, p.id);
    }

    await tx.delete(exclusiveUnit).where(eq(exclusiveUnit.estateId, estateId));
    await tx.delete(estateOwner).where(eq(estateOwner.estateId, estateId));
    const ownerIds = new Map<string, string>();
    const ownerValues = [...owners.entries()].map(([key, o]) => ({
      key,
      v: {
        estateId, isDeveloper: o.row.isDeveloper, personId: o.row.isDeveloper ? null : people.get(o.hash) ?? null,
        nameEnc: ctx.pii.encrypt(o.row.name), nameMasked: o.row.isDeveloper ? o.row.name : maskName(o.row.name), identityHash: o.hash,
      },
    }));
    for (let i = 0; i < ownerValues.length; i += 1000) {
      const chunk = ownerValues.slice(i, i + 1000);
      const inserted = await tx.insert(estateOwner).values(chunk.map((c) => c.v)).returning({ id: estateOwner.id, hash: estateOwner.identityHash });
      const byHash = new Map(inserted.map((x) => [x.hash, x.id]));
      for (const c of chunk) ownerIds.set(c.key, byHash.get(c.v.identityHash)!);
    }
    const units = rows.map((r) => ({
      estateId, ownerId: ownerIds.get(r.isDeveloper ? 'developer' : r.identity!)!, label: r.label,
      registeredArea: r.registeredArea, surveyedArea: r.surveyedArea, contractArea: r.contractArea,
    }));
    for (let i = 0; i < units.length; i += 1000) await tx.insert(exclusiveUnit).values(units.slice(i, i + 1000));

    const result = { units: units.length, owners: owners.size, linked: ownerValues.filter((o) => o.v.personId).length, developerUnits: rows.filter((r) => r.isDeveloper).length };
    await audit(tx, actor, { action: 'estate.importOwners', targetType: 'estate', targetId: estateId, territoryId: e.territoryId, after: result });
    return result;
  });
  if ('errors' in outcome) {
    throw new DomainError('import.badRows', 422, { count: new Set(outcome.errors.map((x) => x.row)).size, errors: outcome.errors, reportId: outcome.reportId });
  }
  return outcome;
}
