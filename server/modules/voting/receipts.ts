import { and, eq, isNotNull } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Pii } from '../../core/pii.ts';
import type { Db } from '../../db/client.ts';
import { ballot } from '../../db/schema/voting.ts';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** 10 base32 characters (50 random bits): short enough to copy from a phone, too many to guess. */
export function newReceipt(): string {
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => BASE32[b & 31]).join('');
}

/** The ways people type a code back: lower case, spaces, dashes. */
export const normalizeReceipt = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * The keyed hash a ballot is found by. Keyed with the server's secret, so someone holding a code
 * and a copy of the database cannot compute it to find the ballot; namespaced apart from the
 * identity-number blind indexes made with the same key.
 */
export const receiptHash = (pii: Pii, code: string) => pii.hash(`ballot-receipt:${code}`);

/** The columns that keep a code at rest: its keyed hash, and a copy only the server's key opens. */
export const sealReceipt = (pii: Pii, code: string) => ({ receiptHash: receiptHash(pii, code), receiptEnc: pii.encrypt(code), legacyReceipt: null });

/** The code of a ballot, for its owner only. */
export const openReceipt = (pii: Pii, b: typeof ballot.$inferSelect) => b.legacyReceipt ?? pii.decrypt(b.receiptEnc!);

/**
 * Seals codes stored readable before receipts were hashed: each ballot in its own small step,
 * locked `skip locked` so several instances share the work; safe to run again and again.
 */
export async function sealLegacyReceipts(db: Db, pii: Pii, batch = 500): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await tx.select({ id: ballot.id, code: ballot.legacyReceipt }).from(ballot)
        .where(isNotNull(ballot.legacyReceipt)).limit(batch).for('update', { skipLocked: true });
      for (const r of rows) await tx.update(ballot).set(sealReceipt(pii, r.code!)).where(and(eq(ballot.id, r.id), isNotNull(ballot.legacyReceipt)));
      return rows.length;
    });
    sealed += n;
    if (n < batch) return sealed;
  }
}
