import { asc, desc, gt, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/audit.ts';
import type { Actor } from './policy.ts';

const CHAIN_LOCK = 727_002;
const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  territoryId?: string | null;
  before?: unknown;
  after?: unknown;
}

type Who = Pick<Actor, 'accountId' | 'username' | 'role' | 'ip'> | { system: string; ip?: string };

/**
 * Appends one record in the caller's transaction. The chain is serialised by a transaction-level
 * advisory lock, so concurrent writers on any number of instances never fork it.
 */
export async function audit(tx: Db, who: Who, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS;
  const record = {
    at: new Date().toISOString(),
    accountId: 'system' in who ? null : who.accountId,
    actor: 'system' in who ? who.system : who.username,
    role: 'system' in who ? null : who.role,
    ip: who.ip ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    territoryId: entry.territoryId ?? null,
    before: toJson(entry.before),
    after: toJson(entry.after),
  };
  await tx.insert(auditLog).values({ ...record, prevHash, hash: chainHash(prevHash, record) });
}

type Row = typeof auditLog.$inferSelect;
type Content = Omit<Row, 'id' | 'prevHash' | 'hash'>;

export function chainHash(prevHash: string, r: Content): string {
  const content = canonical({ ...r, at: new Date(r.at).toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Walks the whole chain in id order; names the first record whose hash or link does not hold. */
export async function verifyChain(db: Db): Promise<{ ok: boolean; checked: number; firstBroken: { id: number; at: string } | null }> {
  let prevHash = GENESIS;
  let checked = 0;
  let afterId = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, afterId)).orderBy(asc(auditLog.id)).limit(2000);
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of rows) {
      const { id, prevHash: storedPrev, hash, ...content } = row;
      if (storedPrev !== prevHash || chainHash(prevHash, content) !== hash) {
        return { ok: false, checked, firstBroken: { id, at: new Date(row.at).toISOString() } };
      }
      prevHash = hash;
      checked++;
      afterId = id;
    }
  }
}

/** JSON with keys sorted at every level, so jsonb's reordering does not change the hash. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Plain JSON (dates as ISO strings) exactly as jsonb will give it back. */
function toJson(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}
