import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase } from '../server/db/client.ts';

export interface BenchDatabase extends Database {
  version(): Promise<string>;
}

/**
 * In-memory PGlite, or a new database on the PostgreSQL server of `url`, dropped on close: the
 * bench never writes into an existing database.
 */
export async function openBenchDatabase(url: string | undefined): Promise<BenchDatabase> {
  if (!url) {
    const d = await openDatabase({});
    return { ...d, version: async () => 'PGlite' };
  }
  const name = `gz_bench_${randomBytes(5).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const d = await openDatabase({ url: u.toString(), poolSize: 10 });
  return {
    ...d,
    async version() {
      const r = (await d.db.execute(sql`select version() as v`)) as unknown as { rows: { v: string }[] };
      return r.rows[0]!.v.split(' on ')[0]!;
    },
    async close() {
      await d.close();
      await new Promise((done) => setTimeout(done, 500)); // let the server see the pool's connections go
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
