import { and, desc, eq, isNull } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '../../core/errors.ts';
import { type Actor, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { open311Key } from '../../db/schema/demands.ts';
import { territory } from '../../db/schema/territory.ts';
import { idsOfPath } from '../territory/rules.ts';
import './messages.ts';

/** Only the key's SHA-256 is stored: a database dump gives no working key. */
export const hashOfKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');

/** 32 random bytes, base64url: 43 characters, nothing to guess. */
export const newKey = () => randomBytes(32).toString('base64url');

/** What the console shows of a key: its first characters, enough to tell keys apart. */
export const hintOf = (key: string) => `${key.slice(0, 6)}…`;

/** A live key with its node, as the Open311 routes use it; null for an unknown or revoked key. */
export async function keyByApiKey(db: Db, apiKey: string) {
  const [row] = await db.select({ id: open311Key.id, name: open311Key.name, createdBy: open311Key.createdBy, territoryId: open311Key.territoryId, path: territory.path })
    .from(open311Key)
    .innerJoin(territory, eq(territory.id, open311Key.territoryId))
    .where(and(eq(open311Key.keyHash, hashOfKey(apiKey)), isNull(open311Key.revokedAt)));
  return row ? { ...row, districtId: idsOfPath(row.path)[0]! } : null;
}
export type ApiKey = NonNullable<Awaited<ReturnType<typeof keyByApiKey>>>;

export const keyOut = z.object({
  id: z.uuid(),
  name: z.string(),
  keyHint: z.string(),
  territory: z.object({ id: z.uuid(), name: z.string(), code: z.string().nullable() }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** Only in the answer to issuing: the key itself, shown this once. */
  key: z.string().optional(),
});
export type KeyOut = z.infer<typeof keyOut>;

const select = (db: Db) =>
  db.select({ k: open311Key, name: territory.name, code: territory.code, path: territory.path })
    .from(open311Key)
    .innerJoin(territory, eq(territory.id, open311Key.territoryId));

type Row = { k: typeof open311Key.$inferSelect; name: string; code: string | null; path: string };

const present = (r: Row): KeyOut => ({
  id: r.k.id,
  name: r.k.name,
  keyHint: r.k.keyHint,
  territory: { id: r.k.territoryId, name: r.name, code: r.code },
  createdAt: r.k.createdAt.toISOString(),
  revokedAt: r.k.revokedAt?.toISOString() ?? null,
});

/** The keys tied to nodes inside the caller's grants, newest first. */
export async function listKeys(db: Db, actor: Actor): Promise<KeyOut[]> {
  const rows = await select(db).where(scope(actor, 'open311.keys', territory.path)).orderBy(desc(open311Key.createdAt));
  return rows.map(present);
}

/** One key inside the caller's grants; outside them it does not exist (404). */
export async function visibleKey(db: Db, actor: Actor, id: string): Promise<{ out: KeyOut; path: string }> {
  const [row] = await select(db).where(and(eq(open311Key.id, id), scope(actor, 'open311.keys', territory.path)));
  if (!row) throw new DomainError('open311.keyNotFound', 404, { id });
  return { out: present(row), path: row.path };
}
