import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Pii } from '../../core/pii.ts';
import { openDatabase, rowsOf } from '../../db/client.ts';
import { openReceipt, receiptHash, sealLegacyReceipts } from './receipts.ts';

const MIGRATIONS = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** A copy of the migrations whose journal stops before `idx`: the database as it was then. */
function migrationsBefore(idx: number): { dir: string; all: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'gz-voting-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { idx: number }[] };
  writeFileSync(path, JSON.stringify({ ...journal, entries: journal.entries.filter((e) => e.idx < idx) }));
  return { dir, all: () => writeFileSync(path, JSON.stringify(journal)) };
}

describe('migration 0012 (receipts sealed)', () => {
  it('keeps receipts cast before it, and the timer seals them into a keyed hash and a ciphertext', async () => {
    const pii = new Pii(randomBytes(32));
    const database = await openDatabase({});
    const copy = migrationsBefore(12);
    try {
      await migrate(database.db as never, { migrationsFolder: copy.dir });
      const db = database.db;
      await db.execute(sql`insert into territory (id, name, kind, path, depth) values ('00000000-0000-4000-8000-000000000001', '测试区', 'district', 'x/', 0)`);
      await db.execute(sql`insert into estate (id, district_id, territory_id, name) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000001', '老小区')`);
      await db.execute(sql`insert into estate_owner (id, estate_id, name_enc, name_masked, identity_hash) values
        ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 'x', '王*', 'h1'),
        ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000002', 'x', '李*', 'h2')`);
      await db.execute(sql`insert into vote_matter (id, estate_id, kind, title, state) values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000002', 'other_major', '旧事项', 'open')`);
      await db.execute(sql`insert into ballot (matter_id, owner_id, choice, receipt) values
        ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000003', 'for', 'OLDCODE234'),
        ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000004', 'against', 'OLDCODE567')`);

      copy.all();
      await migrate(database.db as never, { migrationsFolder: copy.dir });
      expect(await sealLegacyReceipts(db, pii, 1)).toBe(2);

      const rows = rowsOf<{ receipt: string | null; receipt_hash: string; receipt_enc: string; choice: string }>(
        await db.execute(sql`select receipt, receipt_hash, receipt_enc, choice from ballot order by choice`));
      expect(rows.map((r) => r.receipt)).toEqual([null, null]);
      expect(rows.map((r) => r.receipt_hash)).toEqual([receiptHash(pii, 'OLDCODE567'), receiptHash(pii, 'OLDCODE234')]);
      expect(JSON.stringify(rows)).not.toMatch(/OLDCODE/);
      expect(openReceipt(pii, { legacyReceipt: null, receiptEnc: rows[1]!.receipt_enc } as never)).toBe('OLDCODE234');
      expect(await sealLegacyReceipts(db, pii)).toBe(0);
      // A ballot now needs its hash: the readable column is only for rows from before.
      await db.execute(sql`insert into estate_owner (id, estate_id, name_enc, name_masked, identity_hash) values ('00000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000002', 'x', '赵*', 'h3')`);
      const refused = await db.execute(sql`insert into ballot (matter_id, owner_id, choice) values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000006', 'for')`)
        .then(() => null, (err: Error & { cause?: Error }) => err.cause?.message ?? err.message);
      expect(refused).toMatch(/ballot_receipt_check/);
    } finally {
      await database.close();
      rmSync(copy.dir, { recursive: true, force: true });
    }
  });
});
