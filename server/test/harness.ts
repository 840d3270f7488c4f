import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { App, AppContext } from '../core/context.ts';
import { Pii } from '../core/pii.ts';
import { type Database, migrateDatabase, openDatabase } from '../db/client.ts';

export interface TestContext extends AppContext {
  app: App;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database and app per call: in-memory PGlite, or — when DATABASE_URL is set
 * (CI's second pass) — a new database on that PostgreSQL server, dropped on close.
 */
export async function createTestContext(): Promise<TestContext> {
  const url = process.env.DATABASE_URL;
  let database: Database;
  let dropDb: (() => Promise<void>) | undefined;
  if (url) {
    const name = `gz_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    database = await openDatabase({ url: u.toString(), poolSize: 12 });
    dropDb = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // pool.end() resolves before the server has let go of the connections; forcing the drop
      // while they are closing kills them mid-goodbye and surfaces as an uncaught error.
      for (let i = 0; i < 50; i++) {
        const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    database = await openDatabase({});
  }
  await migrateDatabase(database);
  // Uploads of a test go to a directory of its own, removed with it.
  const dataDir = mkdtempSync(join(tmpdir(), 'gongzhi-test-'));
  const config = loadConfig({ NODE_ENV: 'test', GONGZHI_DEMO: '0', GONGZHI_DATA_DIR: dataDir });
  const ctx: AppContext = { db: database.db, dbKind: database.kind, pii: new Pii(randomBytes(32)), keySource: 'env', config };
  const app = await buildApp(ctx, { serveWeb: false });
  return {
    ...ctx,
    app,
    async close() {
      await app.close();
      await database.close();
      await dropDb?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(app: App, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const raw = res.cookies.find((c) => c.name === 'gz_session')!;
  const cookie = `gz_session=${raw.value}`;
  const s = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
  return { cookie, csrf: s.json().csrfToken };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Requests as a logged-in session, CSRF header included. */
export function as(app: App, s: Session) {
  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...headers }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => call('POST', url, payload ?? {}, headers),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}

export const TEST_PASSWORD = 'Test-pass-2026';
