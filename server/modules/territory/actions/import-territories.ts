import { parse } from 'csv-parse/sync';
import { eq, inArray, like, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { audit } from '../../../core/audit.ts';
import { DomainError, type RowError } from '../../../core/errors.ts';
import { t, type Locale } from '../../../core/i18n.ts';
import { likePrefix } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { type TerritoryKind, territory, territoryKinds } from '../../../db/schema/territory.ts';
import { codeTakenIn, isCodeTaken } from '../code-taken.ts';
import '../messages.ts';
import { canContain, childPath, rootPath } from '../rules.ts';

const COLUMNS = ['code', 'name', 'level', 'parent_code'] as const;
interface Row { line: number; code: string; name: string; kind: TerritoryKind; parentCode: string }

type Who = Parameters<typeof audit>[1];
type ImportOptions = { scopePaths: string[] | null; locale: Locale };

/**
 * An import in a transaction of its own. When another import creates one of the file's new codes
 * meanwhile, the unique index refuses this one: 409 naming `code`, and running it again updates.
 */
export async function importTerritoryFile(db: Db, who: Who, csv: string, opts: ImportOptions) {
  try {
    return await db.transaction((tx) => importTerritories(tx, who, csv, opts));
  } catch (e) {
    if (!isCodeTaken(e)) throw e;
    throw new DomainError('territory.codeTakenMeanwhile', 409, {}, [{ field: 'code', code: 'territory.codeTaken', params: { code: codeTakenIn(e) ?? '' } }]);
  }
}

/**
 * Imports `code,name,level,parent_code` rows: a code already present is updated (renamed,
 * re-levelled or moved), a new one created. All rows are checked first; one bad row and nothing
 * is written. `scopePaths` limits where the caller may create or change nodes (null: anywhere).
 */
export async function importTerritories(
  tx: Db,
  who: Who,
  csv: string,
  opts: ImportOptions,
) {
  const { rows, errors } = parseRows(csv.replace(/^\uFEFF/, ''), opts.locale);
  const codes = rows.map((r) => r.code).concat(rows.map((r) => r.parentCode)).filter(Boolean);
  const existing = new Map<string, typeof territory.$inferSelect>();
  for (let i = 0; i < codes.length; i += 5000) {
    const found = await tx.select().from(territory).where(inArray(territory.code, codes.slice(i, i + 5000)));
    for (const n of found) existing.set(n.code!, n);
  }
  const inFile = new Map(rows.map((r) => [r.code, r]));
  const err = (line: number, column: string, key: string, params: Record<string, unknown> = {}) =>
    errors.push({ row: line, column, message: t(opts.locale, key, params) });
  const inScope = (path: string) => opts.scopePaths === null || opts.scopePaths.some((p) => path.startsWith(p));

  for (const r of rows) {
    const parentKind = inFile.get(r.parentCode)?.kind ?? existing.get(r.parentCode)?.kind;
    const current = existing.get(r.code);
    if (current && !inScope(current.path)) err(r.line, 'code', 'grant.outOfScope');
    if (r.kind === 'district' && !parentKind) {
      // A new root lies outside every grant: only the unscoped loader may start a tree.
      if (!current && opts.scopePaths !== null) err(r.line, 'parent_code', 'grant.outOfScope');
      continue;
    }
    if (!r.parentCode) { err(r.line, 'parent_code', 'field.required'); continue; }
    if (!parentKind) { err(r.line, 'parent_code', 'field.invalid', { reason: `${r.parentCode} ?` }); continue; }
    if (!canContain(parentKind, r.kind)) err(r.line, 'level', 'territory.badParent', { kind: r.kind, parentKind });
    const parentNode = existing.get(r.parentCode);
    if (parentNode && !inFile.has(r.parentCode) && !inScope(parentNode.path)) err(r.line, 'parent_code', 'grant.outOfScope');
    if (opts.scopePaths !== null && !parentNode && !inFile.has(r.parentCode)) err(r.line, 'parent_code', 'grant.outOfScope');
  }
  await checkReleveled(tx, rows, existing, inFile, err);
  if (errors.length) throw importFailed(errors);

  let created = 0;
  let updated = 0;
  const touched: string[] = [];
  for (const r of orderParentsFirst(rows, inFile)) {
    const parent = existing.get(r.parentCode) ?? null;
    const current = existing.get(r.code);
    if (!current) {
      const id = randomUUID();
      const path = parent ? childPath(parent.path, id) : rootPath(id);
      const [node] = await tx
        .insert(territory)
        .values({ id, code: r.code, name: r.name, kind: r.kind, parentId: parent?.id ?? null, path, depth: parent ? parent.depth + 1 : 0 })
        .returning();
      existing.set(r.code, node!);
      created++;
      touched.push(r.code);
      continue;
    }
    const moved = parent && current.parentId !== parent.id;
    if (!moved && current.name === r.name && current.kind === r.kind) continue;
    if (moved) {
      if (parent.path.startsWith(current.path)) throw importFailed([{ row: r.line, column: 'parent_code', message: t(opts.locale, 'territory.cycle') }]);
      const newPath = childPath(parent.path, current.id);
      await tx
        .update(territory)
        .set({ path: sql`${newPath} || substr(${territory.path}, ${current.path.length + 1})`, depth: sql`${territory.depth} + ${parent.depth + 1 - current.depth}` })
        .where(like(territory.path, likePrefix(current.path)));
    }
    const [node] = await tx
      .update(territory)
      .set({ name: r.name, kind: r.kind, parentId: parent?.id ?? current.parentId, updatedAt: new Date() })
      .where(eq(territory.id, current.id))
      .returning();
    existing.set(r.code, node!);
    updated++;
    touched.push(r.code);
  }
  await audit(tx, who, { action: 'territory.import', targetType: 'territory', after: { created, updated, codes: touched } });
  return { created, updated };
}

/** A node whose level changes must still hold the children it keeps (those the file does not move or re-level). */
async function checkReleveled(
  tx: Db,
  rows: Row[],
  existing: Map<string, typeof territory.$inferSelect>,
  inFile: Map<string, Row>,
  err: (line: number, column: string, key: string, params?: Record<string, unknown>) => void,
) {
  const releveled = rows.filter((r) => existing.has(r.code) && existing.get(r.code)!.kind !== r.kind);
  if (releveled.length === 0) return;
  const ids = releveled.map((r) => existing.get(r.code)!.id);
  const kids = await tx.select({ parentId: territory.parentId, code: territory.code, kind: territory.kind }).from(territory).where(inArray(territory.parentId, ids));
  for (const r of releveled) {
    const id = existing.get(r.code)!.id;
    const stay = kids.filter((k) => k.parentId === id && !(k.code && inFile.has(k.code) && inFile.get(k.code)!.parentCode !== r.code));
    const misfit = stay.find((k) => !canContain(r.kind, (k.code && inFile.get(k.code)?.kind) || k.kind));
    if (misfit) err(r.line, 'level', 'territory.badParent', { kind: misfit.kind, parentKind: r.kind });
  }
}

function importFailed(errors: RowError[]) {
  return new DomainError('import.badRows', 422, { count: new Set(errors.map((e) => e.row)).size, errors });
}

function parseRows(csv: string, locale: Locale): { rows: Row[]; errors: RowError[] } {
  const errors: RowError[] = [];
  let records: string[][];
  try {
    records = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (e) {
    throw importFailed([{ row: (e as { lines?: number }).lines ?? 1, column: '', message: t(locale, 'field.invalid', { reason: (e as Error).message }) }]);
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  const missing = COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) throw new DomainError('import.badHeader', 422, { missing: missing.join(', ') });
  if (records.length < 2) throw new DomainError('import.empty', 422);
  const col = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
  const seen = new Set<string>();
  const rows: Row[] = [];
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    const get = (c: (typeof COLUMNS)[number]) => (rec[col[c]] ?? '').trim();
    const before = errors.length;
    const code = get('code');
    const name = get('name');
    const level = get('level');
    if (!code) errors.push({ row: line, column: 'code', message: t(locale, 'field.required') });
    else if (!/^[0-9A-Za-z-]{1,32}$/.test(code)) errors.push({ row: line, column: 'code', message: t(locale, 'field.invalid', { reason: code }) });
    else if (seen.has(code)) errors.push({ row: line, column: 'code', message: t(locale, 'territory.codeTaken', { code }) });
    if (!name) errors.push({ row: line, column: 'name', message: t(locale, 'field.required') });
    else if (name.length > 64) errors.push({ row: line, column: 'name', message: t(locale, 'field.tooLong', { max: 64 }) });
    if (!(territoryKinds as readonly string[]).includes(level)) {
      errors.push({ row: line, column: 'level', message: t(locale, 'field.invalid', { reason: `${level || '∅'} ∉ ${territoryKinds.join('/')}` }) });
    }
    seen.add(code);
    if (errors.length === before) rows.push({ line, code, name, kind: level as TerritoryKind, parentCode: get('parent_code') });
  });
  return { rows, errors };
}

/** Parents before children, whatever order the file lists them in. */
function orderParentsFirst(rows: Row[], inFile: Map<string, Row>): Row[] {
  const depth = new Map<string, number>();
  const depthOf = (r: Row, guard = 0): number => {
    if (depth.has(r.code)) return depth.get(r.code)!;
    const parent = inFile.get(r.parentCode);
    const d = parent && guard < 64 ? depthOf(parent, guard + 1) + 1 : 0;
    depth.set(r.code, d);
    return d;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b));
}
