/**
 * Budgets on what anyone can call: logins and the public list per client address, Open311 per
 * api_key. Over the budget the caller is told to wait (429 with Retry-After) in the format of the
 * route it called; the budgets are counted per instance, and tests run with a budget of their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../core/context.ts';
import { rateBudgets } from '../../rate-limit.ts';
import { type TestContext, as, createTestContext } from '../../test/harness.ts';
import { accountFor, makeTwoStreets, type TwoStreets } from '../../test/two-streets.ts';
import { ensureDefaultCategories } from '../demands/default-categories.ts';
import { readXml, recordsOf } from './xml-reader.ts';

let t: TestContext;
let f: TwoStreets;
let limited: App;
let keyA: string;
let keyB: string;

beforeAll(async () => {
  t = await createTestContext();
  f = await makeTwoStreets(t);
  await ensureDefaultCategories(t.db, f.district.id);
  const sys = await accountFor(t, 'sysadmin', f.district, 'sys');
  const issue = async (territoryId: string, name: string) => {
    const res = await as(t.app, sys.session).post('/api/open311-keys', { name, territoryId });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().key as string;
  };
  keyA = await issue(f.a.community.id, '社区 App');
  keyB = await issue(f.b.community.id, 'B 社区 App');
  // A second instance over the same database, with small budgets.
  limited = await buildApp({ ...t, config: { ...t.config, GONGZHI_RATE_LOGIN: 3, GONGZHI_RATE_PUBLIC: 2, GONGZHI_RATE_OPEN311: 2 } }, { serveWeb: false });
});
afterAll(async () => {
  await limited?.close();
  await t.close();
});

const from = (ip: string) => ({ remoteAddress: ip });

describe('budgets', () => {
  it('are generous by default, out of reach in tests and the demo, and each can be set or turned off', () => {
    expect(rateBudgets({ ...t.config, NODE_ENV: 'production', demo: false })).toEqual({ login: 30, public: 120, open311: 300 });
    expect(rateBudgets({ ...t.config, NODE_ENV: 'development', demo: false }).login).toBe(30);
    expect(rateBudgets(t.config).login).toBeGreaterThan(10_000);
    expect(rateBudgets({ ...t.config, NODE_ENV: 'development', demo: true }).login).toBeGreaterThan(10_000);
    expect(rateBudgets({ ...t.config, GONGZHI_RATE_LOGIN: 0, GONGZHI_RATE_OPEN311: 5 })).toMatchObject({ login: 0, open311: 5 });
  });
});

describe('login', () => {
  it('lets an address try three times a minute, then answers 429 problem+json with Retry-After; another address is not held back', async () => {
    const attempt = (ip: string) => limited.inject({ method: 'POST', url: '/api/auth/login', ...from(ip), payload: { username: 'nobody', password: 'wrong-password' } });
    for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).statusCode).not.toBe(429);
    const over = await attempt('10.0.0.1');
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(over.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(over.json()).toMatchObject({ status: 429, code: 'rateLimited', detail: '请求过于频繁，请稍后再试。' });
    expect((await attempt('10.0.0.2')).statusCode).not.toBe(429);
  });

  it('is not limited on an instance with the test budget', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', ...from('10.0.0.3'), payload: { username: 'nobody', password: 'wrong-password' } });
      expect(res.statusCode).not.toBe(429);
    }
  });
});

describe('the receipt check of an owners\' vote', () => {
  it('shares the public budget per address: guessing receipt codes stops at the budget', async () => {
    const guess = (ip: string) => limited.inject({ method: 'POST', url: `/api/vote-matters/${crypto.randomUUID()}/receipt-check`, ...from(ip), payload: { receipt: 'ABCDEFGHJK' } });
    expect((await guess('10.0.4.1')).statusCode).toBe(404);
    expect((await guess('10.0.4.1')).statusCode).toBe(404);
    const over = await guess('10.0.4.1');
    expect(over.statusCode).toBe(429);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect((await guess('10.0.4.2')).statusCode).toBe(404);
  });
});

describe('the public list (公示)', () => {
  it('answers twice a minute per address, then 429 in English when asked', async () => {
    const read = (ip: string) => limited.inject({ method: 'GET', url: `/api/public/demands?communityId=${f.a.community.id}`, ...from(ip), headers: { 'accept-language': 'en-US' } });
    expect((await read('10.0.1.1')).statusCode).toBe(200);
    expect((await read('10.0.1.1')).statusCode).toBe(200);
    const over = await read('10.0.1.1');
    expect(over.statusCode).toBe(429);
    expect(over.headers['retry-after']).toBeDefined();
    expect(over.json()).toMatchObject({ status: 429, code: 'rateLimited', detail: 'Too many requests. Try again later.' });
    expect((await read('10.0.1.2')).statusCode).toBe(200);
  });

  it('leaves the health check alone', async () => {
    for (let i = 0; i < 4; i++) expect((await limited.inject({ method: 'GET', url: '/api/health', ...from('10.0.1.1') })).statusCode).toBe(200);
  });
});

describe('Open311', () => {
  it('counts every route together per api_key and answers the error list in the format asked, with Retry-After', async () => {
    const ip = from('10.0.2.1');
    expect((await limited.inject({ method: 'GET', url: `/open311/v2/services.json?api_key=${keyA}`, ...ip })).statusCode).toBe(200);
    expect((await limited.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=${keyA}`, ...ip })).statusCode).toBe(200);
    const xml = await limited.inject({ method: 'GET', url: `/open311/v2/requests.xml?api_key=${keyA}`, ...ip });
    expect(xml.statusCode).toBe(429);
    expect(xml.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(Number(xml.headers['retry-after'])).toBeGreaterThan(0);
    expect(recordsOf(readXml(xml.body), 'error')).toEqual([{ code: '429', description: '请求过于频繁，请稍后再试。' }]);
    const posted = await limited.inject({
      method: 'POST', url: '/open311/v2/requests.json', ...ip,
      payload: { api_key: keyA, service_code: 'elevator', description: '电梯坏了', address_string: '龙潭路 88 弄' },
    });
    expect(posted.statusCode).toBe(429);
    expect(posted.json()).toEqual([{ code: 429, description: '请求过于频繁，请稍后再试。' }]);
    // Another client's key, from the same address, has its own budget.
    expect((await limited.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=${keyB}`, ...ip })).statusCode).toBe(200);
  });

  it('counts made-up keys against the address they come from: inventing keys buys no fresh budget', async () => {
    const tryKey = (ip: string) => limited.inject({ method: 'GET', url: `/open311/v2/requests.json?api_key=made-up-${crypto.randomUUID()}`, ...from(ip) });
    expect((await tryKey('10.0.5.1')).statusCode).toBe(403);
    expect((await tryKey('10.0.5.1')).statusCode).toBe(403);
    expect((await tryKey('10.0.5.1')).statusCode).toBe(429);
    // A live key from that address still has its own budget.
    expect((await limited.inject({ method: 'GET', url: `/open311/v2/services.json?api_key=${keyB}`, ...from('10.0.5.1') })).statusCode).toBe(200);
  });

  it('counts a caller without a key by its address', async () => {
    const read = (ip: string) => limited.inject({ method: 'GET', url: '/open311/v2/services.json', ...from(ip) });
    expect((await read('10.0.3.1')).statusCode).toBe(200);
    expect((await read('10.0.3.1')).statusCode).toBe(200);
    expect((await read('10.0.3.1')).statusCode).toBe(429);
    expect((await read('10.0.3.2')).statusCode).toBe(200);
  });
});
