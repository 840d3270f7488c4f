import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeNode } from '../demo/factories.ts';
import { TEST_PASSWORD, type Session, type TestContext, as, createTestContext } from '../test/harness.ts';
import { sessionFor } from '../test/two-streets.ts';

let t: TestContext;
let s: Session;

beforeAll(async () => {
  t = await createTestContext();
  const district = await makeNode(t.db, null, 'district', '测试区', 'T');
  const a = await makeAccount(t.db, { username: 'street', password: TEST_PASSWORD, grants: [{ role: 'grid_worker', territoryId: district.id }] });
  s = await sessionFor(t, a.id);
});
afterAll(() => t.close());

const EN = { 'accept-language': 'en-US,en;q=0.9' };

/** RFC 9457 members every error carries, in the language asked for. */
function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }, status: number, code: string, lang: 'zh-CN' | 'en-US') {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.headers['content-language']).toBe(lang);
  const body = res.json();
  expect(body).toMatchObject({ type: `urn:gongzhi:problem:${code}`, status, code });
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(/[\u4e00-\u9fff]/.test(`${body.title}${body.detail}`)).toBe(lang === 'zh-CN');
  return body;
}

describe('problem+json', () => {
  it('answers an unknown API path with 404 in Chinese by default and in English on request', async () => {
    expectProblem(await t.app.inject({ url: '/api/nothing-here' }), 404, 'notFound', 'zh-CN');
    const en = expectProblem(await t.app.inject({ url: '/api/nothing-here', headers: EN }), 404, 'notFound', 'en-US');
    expect(en.title).toBe('Not found');
  });

  it('answers a logged-out caller with 401 and a forbidden action with 403', async () => {
    expect(expectProblem(await t.app.inject({ url: '/api/people' }), 401, 'unauthenticated', 'zh-CN').detail).toBe('请先登录。');
    expect(expectProblem(await t.app.inject({ url: '/api/people', headers: EN }), 401, 'unauthenticated', 'en-US').detail).toBe('Please log in first.');
    expectProblem(await as(t.app, s).get('/api/accounts', EN), 403, 'forbidden', 'en-US');
  });

  it('names each bad field of a body with a message a person can act on', async () => {
    const res = await as(t.app, s).post('/api/people', { name: '', territoryId: 'not-a-uuid' }, EN);
    const body = expectProblem(res, 422, 'validation', 'en-US');
    const fields = (body.errors as { field: string; message: string }[]).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'idNumber', 'territoryId']));
    expect((body.errors as { message: string }[]).every((e) => e.message.length > 0)).toBe(true);
    const required = (body.errors as { field: string; message: string }[]).find((e) => e.field === 'idNumber')!;
    expect(required.message).toBe('This field is required.');
  });

  it('answers a bad query parameter with 400 naming it', async () => {
    const body = expectProblem(await as(t.app, s).get('/api/people/not-a-uuid'), 400, 'validation', 'zh-CN');
    expect((body.errors as { field: string }[])[0]!.field).toBe('id');
    expect(body.detail).toMatch(/^id: /);
  });

  it('refuses a state-changing request without its CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie, ...EN } });
    expectProblem(res, 403, 'csrf', 'en-US');
  });
});
