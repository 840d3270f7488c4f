import { count, eq, inArray, sql } from 'drizzle-orm';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { AppContext } from './core/context.ts';
import { generatePassword, hashPassword } from './core/password.ts';
import { purgeExpiredSessions } from './core/session.ts';
import { expireStaleClaims } from './modules/wishes/expire-claims.ts';
import { detectHotTopics } from './modules/hot-topics/detect.ts';
import { runDeadlineJobs } from './modules/demand-deadlines/jobs.ts';
import { carryOverOverdue } from './modules/resolutions/carry-over.ts';
import { runVotingJobs } from './modules/voting/jobs.ts';
import { Pii, loadMasterKey } from './core/pii.ts';
import { migrateDatabase, openDatabase } from './db/client.ts';
import { account, grant } from './db/schema/accounts.ts';
import { territory } from './db/schema/territory.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from './demo/load-demo.ts';

const config = loadConfig();
const production = config.NODE_ENV === 'production';
const dataDir = resolve(config.GONGZHI_DATA_DIR);
const keyFile = join(dataDir, 'secret.key');

if (production && !config.GONGZHI_SECRET_KEY && !existsSync(keyFile)) {
  fail('NODE_ENV=production needs GONGZHI_SECRET_KEY (32 random bytes, base64) or an existing key file at ' + keyFile);
}
if (production && config.demo) fail('NODE_ENV=production refuses demo mode (unset GONGZHI_DEMO)');

const { key, source } = loadMasterKey(config.GONGZHI_SECRET_KEY, keyFile);
const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: join(dataDir, 'pglite') });
await migrateDatabase(database);
const ctx: AppContext = { db: database.db, dbKind: database.kind, pii: new Pii(key), keySource: source, config };

if (production) await refuseDemoAccounts();
const demoLoaded = config.demo ? await loadDemo(ctx) : false;
if (production) await bootstrapSecadmin();
await buildWebIfStale();

const app = await buildApp(ctx, {
  logger: {
    level: config.LOG_LEVEL,
    // Query strings can carry a phone or ID number someone searched for: logs keep the path only.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
    },
  },
});
await app.listen({ port: config.PORT, host: config.HOST });

const url = `http://localhost:${config.PORT}`;
console.log(`\n共治 Gongzhi is running at ${url}  (database: ${database.kind === 'pglite' ? `PGlite in ${join(dataDir, 'pglite')}` : 'PostgreSQL'})`);
console.log(`API docs: ${url}/api/docs`);
if (config.demo) {
  console.log(`${demoLoaded ? 'Demo district loaded (松江区).' : 'Demo mode.'} Demo accounts, all with password ${DEMO_PASSWORD}:`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.label}`);
}

// Sessions past their idle or absolute limit are refused on use; this only clears them away.
// Wishes whose claim ran out go back to open; safe with several instances (one conditional UPDATE).
setInterval(() => expireStaleClaims(ctx.db).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'wish claim expiry failed')), 60_000).unref();
setInterval(() => purgeExpiredSessions(ctx.db).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'session purge failed')), 15 * 60_000).unref();
// Hot topics are recounted at start and every 10 minutes; one instance computes (advisory try-lock), the others skip the round.
detectHotTopics(ctx.db).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'hot-topic detection failed'));
setInterval(() => detectHotTopics(ctx.db).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'hot-topic detection failed')), 10 * 60_000).unref();
// Demands about to fall due are reminded, overdue ones go one level up; each exactly once across instances.
setInterval(() => runDeadlineJobs(ctx).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'demand deadline jobs failed')), 60_000).unref();
// Overdue resolutions go back on the next review meeting's agenda, once per lapse across instances (conditional update).
setInterval(() => carryOverOverdue(ctx.db).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'resolution carry-over failed')), 10 * 60_000).unref();
// Votes past their closing time close with their result frozen, once across instances (skip-locked row lock); receipt codes stored readable are sealed, at start and after.
runVotingJobs(ctx).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'voting jobs failed'));
setInterval(() => runVotingJobs(ctx).catch((err) => app.log.warn({ err: { message: (err as Error).message } }, 'voting jobs failed')), 60_000).unref();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function refuseDemoAccounts() {
  const [row] = await ctx.db.select({ n: count() }).from(account).where(inArray(account.username, DEMO_ACCOUNTS.map((a) => a.username)));
  if (row!.n > 0) fail('NODE_ENV=production refuses to start: the database holds demo accounts. Use a database without the demo district.');
}

/**
 * A production database with no accounts gets one security administrator, its password shown
 * once. Instances starting together take turns on a lock, so only the first creates it.
 */
async function bootstrapSecadmin() {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const created = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(727003)`);
    const [row] = await tx.select({ n: count() }).from(account);
    if (row!.n > 0) return false;
    const [root] = await tx.select().from(territory).where(eq(territory.depth, 0)).limit(1);
    if (!root) fail('No territory yet: import the district tree first (see docs/deploy.md).');
    const [a] = await tx.insert(account).values({ username: 'secadmin', displayName: '安全管理员', passwordHash, mustChangePassword: true }).returning();
    await tx.insert(grant).values({ accountId: a!.id, role: 'secadmin', territoryId: root.id });
    return true;
  });
  if (created) console.log(`Created account "secadmin" with one-time password: ${password}  (shown only now; it must be changed at first login)`);
}

/** Builds the console when its sources are newer than the last build, so `npm start` is one command. */
async function buildWebIfStale() {
  const webDir = fileURLToPath(new URL('../web', import.meta.url));
  const built = join(webDir, 'dist', 'index.html');
  if (!existsSync(join(webDir, 'src'))) return;
  if (existsSync(built) && newest(join(webDir, 'src')) <= statSync(built).mtimeMs) return;
  if (production) fail('web/dist is missing or stale: run `npm run build` before a production start.');
  console.log('Building the web console…');
  const { build } = await import('vite');
  try {
    await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  } catch (e) {
    console.error(`The web console could not be built (${(e as Error).message.split('\n')[0]}); serving the API only.`);
  }
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
