/**
 * The OpenAPI document describes every answer: each /api route declares the shape of its success
 * answer — a JSON schema, or for a download the file's media type — so clients and the published
 * description never meet an undocumented body. A route added without one fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestContext, createTestContext } from '../test/harness.ts';

interface MediaType { schema?: Record<string, unknown> }
interface Response { description?: string; content?: Record<string, MediaType> }
interface OpenApi { paths: Record<string, Record<string, { responses?: Record<string, Response> }>> }

/** The routes that answer a file; each must say which kind of file in its OpenAPI entry. */
const DOWNLOADS = new Set([
  'GET /api/people/import-template.xlsx',
  'GET /api/imports/{reportId}/report.xlsx',
  'GET /api/people/export.xlsx',
  'GET /api/registrations/roster.xlsx',
  'GET /api/workplace/{bodyId}/records.xlsx',
  'GET /api/wishes/{id}/photo',
  'GET /api/demands/{id}/photos/{photoId}',
  'GET /api/resolutions/{id}/progress/{progressId}/photo',
]);
/** Not part of the API it describes. */
const UNDOCUMENTED = new Set(['GET /api/openapi.json']);

/** `/api/x/:id` as OpenAPI spells it, `/api/x/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

let t: TestContext;
let doc: OpenApi;
let operations: { key: string; responses: Record<string, Response> }[];

beforeAll(async () => {
  t = await createTestContext();
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json() as OpenApi;
  operations = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, responses: op.responses ?? {} })));
});
afterAll(() => t?.close());

describe('the OpenAPI document', () => {
  it('lists every /api route the app serves', () => {
    const documented = new Set(operations.map((o) => o.key));
    const missing = t.app.routeTable
      .map((r) => `${r.method} ${openApiPath(r.url)}`)
      .filter((key) => !UNDOCUMENTED.has(key) && !documented.has(key));
    expect(missing).toEqual([]);
    expect(operations.length).toBeGreaterThan(100);
  });

  it('declares the shape of every success answer: a JSON schema, nothing for 204, a file type for downloads', () => {
    const problems: string[] = [];
    for (const { key, responses } of operations) {
      const success = Object.entries(responses).filter(([code]) => /^2\d\d$/.test(code));
      if (success.length === 0) problems.push(`${key}: no success answer`);
      for (const [code, response] of success) {
        const types = Object.entries(response.content ?? {});
        if (code === '204') {
          if (types.length > 0) problems.push(`${key} ${code}: a body on No Content`);
          continue;
        }
        if (types.length === 0 || types.some(([, m]) => !m.schema)) {
          problems.push(`${key} ${code}: no schema`);
          continue;
        }
        const json = types.filter(([type]) => type === 'application/json');
        if (DOWNLOADS.has(key)) {
          if (json.length > 0 || types.some(([, m]) => m.schema!.format !== 'binary')) problems.push(`${key} ${code}: a download that is not a file`);
        } else if (json.length === 0) {
          problems.push(`${key} ${code}: not JSON (${types.map(([type]) => type).join(', ')})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('knows every download it exempts from JSON, so a removed route leaves no stale entry', () => {
    const documented = new Set(operations.map((o) => o.key));
    expect([...DOWNLOADS].filter((key) => !documented.has(key))).toEqual([]);
  });

  it('describes a download by its media type', () => {
    const ok = (key: string) => {
      const [method, path] = key.split(' ');
      return Object.keys(doc.paths[path!]![method!.toLowerCase()]!.responses!['200']!.content!);
    };
    expect(ok('GET /api/people/export.xlsx')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(ok('GET /api/wishes/{id}/photo')).toEqual(['image/jpeg', 'image/png', 'image/webp']);
  });
});
