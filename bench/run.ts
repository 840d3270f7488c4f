// District-scale benchmark: generates a district (≥ 400 communities, 3,000 grids, 300,000 people),
// starts the real app on loopback, and measures its hot read paths against a bare Fastify route
// in the same run. Results go to stdout and, as a dated section, to docs/benchmarks.md.
//
//   npm run bench                       embedded PGlite, in memory
//   BENCH_PG=1 npm run bench            a throw-away PostgreSQL server (.ci/with-postgres)
//   DATABASE_URL=postgres://… npm run bench   a new database on that server, dropped afterwards
//
// BENCH_UNITS (5000, the voting estate's units),
// BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (10), BENCH_PEOPLE (300000), BENCH_MEMBERS
// (100000 party members), BENCH_ENTRIES (5000000 points entries), BENCH_DEMANDS (1000000) — smaller
// for quick tries; BENCH_WRITE=0 (do not touch docs/), BENCH_EXPLAIN=1 (print the query plans of the
// people list, the demand list and the rankings).
import Fastify from 'fastify';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/core/context.ts';
import { Pii } from '../server/core/pii.ts';
import { migrateDatabase } from '../server/db/client.ts';
import { makeAccount } from '../server/demo/factories.ts';
import { openBenchDatabase } from './database.ts';
import { explainPeopleList, explainRequest } from './explain.ts';
import { DISTRICT_SCALE, generateDistrict } from './generate.ts';
import { generateDemands } from './generate-demands.ts';
import { generatePoints, middleMember } from './generate-points.ts';
import { sql } from 'drizzle-orm';
import { demandCategory, open311Key } from '../server/db/schema/demands.ts';
import { detectHotTopics } from '../server/modules/hot-topics/detect.ts';
import { hashOfKey } from '../server/modules/open311/keys.ts';
import { load, type LoadResult } from './load.ts';
import { VOTING_SCALE, generateVoting } from './generate-voting.ts';
import { machine, writeSection } from './report.ts';

const env = process.env;
if (env.BENCH_PG === '1' && !env.DATABASE_URL) {
  // Run this same script again inside a temporary PostgreSQL server, removed when it ends.
  const withPg = fileURLToPath(new URL('../.ci/with-postgres', import.meta.url));
  const r = spawnSync('bash', [withPg, process.execPath, ...process.execArgv, process.argv[1]!], {
    stdio: 'inherit',
    env: { ...env, BENCH_PG: '0', BENCH_SERVER: 'temporary PostgreSQL server (fsync off), same machine' },
  });
  process.exit(r.status ?? 1);
}

const duration = Number(env.BENCH_DURATION ?? 10);
const connections = Number(env.BENCH_CONNECTIONS ?? 10);
const scale = { ...DISTRICT_SCALE, people: Number(env.BENCH_PEOPLE ?? DISTRICT_SCALE.people) };
const pointsScale = { members: Number(env.BENCH_MEMBERS ?? 100_000), entries: Number(env.BENCH_ENTRIES ?? 5_000_000) };
const demandCount = Number(env.BENCH_DEMANDS ?? 1_000_000);
const PASSWORD = 'Bench-pass-2026';
const t0 = performance.now();
const secs = (from: number) => ((performance.now() - from) / 1000).toFixed(1);

const database = await openBenchDatabase(env.DATABASE_URL);
try {
  await migrateDatabase(database);
  const config = loadConfig({ NODE_ENV: 'test', GONGZHI_DEMO: '0' });
  const ctx: AppContext = { db: database.db, dbKind: database.kind, pii: new Pii(randomBytes(32)), keySource: 'env', config };

  let t = performance.now();
  const district = await generateDistrict(ctx.db, ctx.pii, scale);
  const genSeconds = secs(t);
  console.log(`generated in ${genSeconds}s:`, district.counts);
  t = performance.now();
  const points = await generatePoints(ctx.db, district.districtId, pointsScale);
  const pointsSeconds = secs(t);
  console.log(`points generated in ${pointsSeconds}s:`, points);
  t = performance.now();
  const demands = await generateDemands(ctx.db, ctx.pii, district.districtId, demandCount);
  const demandsSeconds = secs(t);
  console.log(`demands generated in ${demandsSeconds}s:`, demands);
  t = performance.now();
  const votingCommunity = (await middleMember(ctx.db, [...district.streets].sort((a, b) => b.communities - a.communities)[0]!.id)).communityId;
  const voting = await generateVoting(ctx.db, ctx.pii, votingCommunity, district.districtId, { ...VOTING_SCALE, units: Number(env.BENCH_UNITS ?? VOTING_SCALE.units) });
  const votingSeconds = secs(t);
  console.log(`estate generated in ${votingSeconds}s:`, voting);
  await ctx.db.execute(sql`vacuum analyze`);
  t = performance.now();
  const hot = await detectHotTopics(ctx.db);
  const hotSeconds = secs(t);
  console.log(`hot-topic detection over the last 63 days in ${hotSeconds}s:`, hot);

  // The street admin works in the largest street: the heaviest scope a street account has.
  const street = [...district.streets].sort((a, b) => b.communities - a.communities)[0]!;
  const account = await makeAccount(ctx.db, { username: 'bench-street', password: PASSWORD, grants: [{ role: 'street_admin', territoryId: street.id }] });
  // A party member halfway down that street's ranking reads the leaderboards and "my rank".
  const member = await middleMember(ctx.db, street.id);
  await makeAccount(ctx.db, { username: 'bench-member', password: PASSWORD, personId: member.personId, grants: [{ role: 'party_member', territoryId: member.communityId }] });
  // An Open311 client whose key is tied to the street (the widest a key is usually given).
  const apiKey = 'bench-open311-key';
  await ctx.db.insert(open311Key).values({ name: 'bench', keyHash: hashOfKey(apiKey), keyHint: 'bench-…', territoryId: street.id });
  const [parking] = await ctx.db.select({ id: demandCategory.id }).from(demandCategory).where(sql`${demandCategory.districtId} = ${district.districtId} and ${demandCategory.code} = 'parking'`);

  const app = await buildApp(ctx, { serveWeb: false, logger: false });
  const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const bare = Fastify({ logger: false });
  bare.get('/', () => ({ ok: true }));
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

  try {
    const login = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-street', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('gz_session='))!;
    const memberLogin = await fetch(`${appUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-member', password: PASSWORD }),
    });
    if (memberLogin.status !== 200) throw new Error(`member login failed: ${memberLogin.status} ${await memberLogin.text()}`);
    const memberCookie = memberLogin.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('gz_session='))!;

    const q = '王';
    const targets = [
      { name: 'people list: street, name prefix, 20 a page', path: `/api/people?territoryId=${street.id}&q=${encodeURIComponent(q)}&pageSize=20` },
      { name: 'people list: street, no filter, 20 a page', path: `/api/people?territoryId=${street.id}&pageSize=20` },
      { name: 'children of the street', path: `/api/territories/${street.id}/children` },
      { name: 'street detail with subtree people count', path: `/api/territories/${street.id}` },
      { name: 'ranking: district, all time, 20 a page (member)', path: `/api/points/rankings?territoryId=${district.districtId}&period=all&pageSize=20`, cookie: memberCookie },
      { name: 'ranking: street, all time, 20 a page (member)', path: `/api/points/rankings?territoryId=${street.id}&period=all&pageSize=20`, cookie: memberCookie },
      { name: 'ranking: community, this year, 20 a page (member)', path: `/api/points/rankings?territoryId=${member.communityId}&period=2026&pageSize=20`, cookie: memberCookie },
      { name: 'my points and rank in community, street, district', path: '/api/points/me?period=all', cookie: memberCookie },
      { name: 'demands: street, newest 20', path: `/api/demands?territoryId=${street.id}&pageSize=20` },
      { name: 'demands: street, state + category', path: `/api/demands?territoryId=${street.id}&state=in_progress&categoryId=${parking!.id}&pageSize=20` },
      { name: 'demands: street, overdue', path: `/api/demands?territoryId=${street.id}&overdue=true&pageSize=20` },
      { name: 'demands: street, text search 电梯', path: `/api/demands?territoryId=${street.id}&q=${encodeURIComponent('电梯')}&pageSize=20` },
      { name: 'Open311 requests.json: street key, last 90 days', path: `/open311/v2/requests.json?api_key=${apiKey}`, cookie: '' },
      { name: `owners' vote: live tally of an estate of ${voting.units} units during the vote`, path: `/api/vote-matters/${voting.matterId}/tally` },
      { name: 'Open311 requests.json: open elevator requests', path: `/open311/v2/requests.json?api_key=${apiKey}&service_code=elevator&status=open`, cookie: '' },
    ];
    const headersOf = (x: { cookie?: string }): Record<string, string> | undefined => (x.cookie === '' ? undefined : { cookie: x.cookie ?? cookie });
    // Each path must answer with real data before it is worth timing.
    const seen: Record<string, string> = {};
    for (const x of targets) {
      const res = await fetch(appUrl + x.path, { headers: headersOf(x) });
      const body = (await res.json()) as { total?: number; items?: unknown[]; counts?: { people: number }; ranks?: Record<string, { rank: number; total: number } | null> } | unknown[];
      if (res.status !== 200) throw new Error(`${x.path}: ${res.status} ${JSON.stringify(body)}`);
      const tally = body as { verdict?: string; participatingOwners?: number; totalOwners?: number };
      seen[x.name] = tally.verdict ? `${tally.verdict}, ${tally.participatingOwners} of ${tally.totalOwners} owners voted`
        : Array.isArray(body) ? `${body.length} requests`
        : body.counts ? `${body.counts.people} people in the subtree`
          : body.ranks ? Object.entries(body.ranks).map(([k, v]) => `${k} ${v?.rank}/${v?.total}`).join(', ')
            : body.total !== undefined ? `${body.total} matches` : `${body.items!.length} items`;
    }
    console.log('street:', street.name, seen);
    if (env.BENCH_EXPLAIN === '1') {
      console.log(await explainPeopleList(ctx, account.id, street.id, q));
      for (const x of targets.slice(4)) console.log(await explainRequest(ctx, app, x.path, headersOf(x) ?? {}));
    }

    const opts = { connections, duration };
    const results: LoadResult[] = [];
    const measure = async (name: string, url: string, headers?: Record<string, string>, conns = connections) => {
      await load(name, url, { connections: conns, duration: Math.min(3, duration), ...(headers ? { headers } : {}) }); // warm-up
      const r = await load(name, url, { ...opts, connections: conns, ...(headers ? { headers } : {}) });
      if (r.non2xx || r.errors) throw new Error(`${name}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
      console.log(`${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
      results.push(r);
    };
    t = performance.now();
    await measure('bare Fastify route (baseline)', `${bareUrl}/`);
    for (const x of targets) await measure(x.name, appUrl + x.path, headersOf(x));
    // One caller at a time: the latency of the request itself, without queueing behind others.
    await measure(`${targets[0]!.name}, 1 connection`, appUrl + targets[0]!.path, { cookie }, 1);

    const info = {
      ...machine(),
      database: database.kind === 'pglite' ? 'PGlite (in memory, same process)' : `${await database.version()} — ${env.BENCH_SERVER ?? 'server given by DATABASE_URL'}`,
      data: { ...district.counts, ...points, ...demands, estateUnits: voting.units, estateOwners: voting.owners, ballots: voting.ballots },
      street: `${street.name} (${street.communities} communities; ${seen['street detail with subtree people count']})`,
      load: `autocannon, ${connections} connections, ${duration} s per path after a warm-up, child process, loopback`,
      generation: `${genSeconds} s people, ${pointsSeconds} s points, ${demandsSeconds} s demands, ${votingSeconds} s estate (bulk SQL)`,
      'hot-topic detection': `${hotSeconds} s for one run over the last 63 days (${hot.raised} warnings raised)`,
      total: `${secs(t0)} s`,
    };
    const section = writeSection(results, info, env.BENCH_WRITE !== '0');
    console.log('\n' + section);
  } finally {
    await app.close();
    await bare.close();
  }
} finally {
  await database.close();
}
