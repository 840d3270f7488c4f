import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { App, AppContext } from '../../core/context.ts';
import { pickLocale, t } from '../../core/i18n.ts';
import { createPublicRequest } from './actions/create-request.ts';
import { Open311Error, element, formatOf, listXml, open311ErrorHandler, send, sendErrors } from './format.ts';
import { type ApiKey, keyByApiKey } from './keys.ts';
import { asScalars, createdOut, errorOut, presentRequest, presentService, requestOut, serviceDefinitionOut, serviceOut, tokenOut } from './presenters.ts';
import { activeCategories, activeCategory, districtFor, findRequests, requestByToken } from './queries.ts';
import { requestWindow } from './window.ts';

const tags = ['open311'];
/** "Optional" in the specification: sent empty is the same as not sent. */
const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const req = <T extends z.ZodType>(s: T) => z.preprocess(blank, s);
const list = z.string().transform((s) => [...new Set(s.split(',').map((x) => x.trim()).filter(Boolean))]);
const w3Date = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, 'open311.dateFormat')
  .transform((s) => new Date(s)).refine((d) => !Number.isNaN(d.getTime()), 'open311.dateFormat');

const format = z.enum(['json', 'xml']);
const errors = { 400: errorOut, 403: errorOut, 404: errorOut };
const keyed = { jurisdiction_id: opt(z.string()), api_key: opt(z.string()) };

/** Requests are read only with a key, and only under its node: demands are scoped, the key says where. */
const MAX_REQUESTS = 1000;

/**
 * GeoReport v2 under /open311/v2 (docs/api-open311.md): services are the district's demand
 * categories, requests are demands. Each route guards itself (an api_key where demands are read or
 * written) and answers the specification's error list in its own format.
 */
export function georeportRoutes(app: App, ctx: AppContext) {
  app.register(async (plain) => {
    const api = plain.withTypeProvider<ZodTypeProvider>();
    api.setErrorHandler(open311ErrorHandler);
    api.setNotFoundHandler((req, reply) => sendErrors(reply, formatOf(req), 404, [{ code: 404, description: t(pickLocale(req.headers['accept-language']), 'open311.noRoute', { path: req.url.split('?')[0] }) }]));
    // The specification's form encoding, for these routes only.
    api.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, raw, done) => {
      done(null, Object.fromEntries(new URLSearchParams(raw as string)));
    });

    const keys = new WeakMap<FastifyRequest, ApiKey>();
    /** The api_key, from the form or the query string: missing or unknown is 403 before anything else. */
    const requireKey = async (req: FastifyRequest) => {
      const sent = (req.body as { api_key?: unknown } | undefined)?.api_key ?? (req.query as { api_key?: unknown }).api_key;
      if (typeof sent !== 'string' || sent === '') throw new Open311Error(403, 'open311.keyMissing');
      const key = await keyByApiKey(ctx.db, sent);
      if (!key) throw new Open311Error(403, 'open311.keyInvalid');
      keys.set(req, key);
    };
    const keyOf = (req: FastifyRequest) => keys.get(req)!;
    const localeOf = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);

    const districtOf = async (jurisdictionId: string | undefined) => {
      const d = await districtFor(ctx.db, jurisdictionId);
      if (d === 'required') throw new Open311Error(400, 'open311.jurisdictionRequired');
      if (d === 'unknown') throw new Open311Error(404, 'open311.jurisdictionNotFound', { id: jurisdictionId });
      return d.id;
    };

    api.get('/services.:format', {
      config: { permission: 'public' },
      schema: {
        tags, summary: 'GeoReport v2 service list: the district\'s demand categories',
        params: z.object({ format }), querystring: z.object(keyed),
        response: { 200: z.array(serviceOut), ...errors },
      },
    }, async (req, reply) => {
      const services = (await activeCategories(ctx.db, await districtOf(req.query.jurisdiction_id))).map(presentService);
      return send(reply, req.params.format, services, listXml('services', 'service', asScalars(services)));
    });

    api.get('/services/:code.:format', {
      config: { permission: 'public' },
      schema: {
        tags, summary: 'GeoReport v2 service definition: no extra attributes (metadata is false)',
        params: z.object({ code: z.string().min(1), format }), querystring: z.object(keyed),
        response: { 200: serviceDefinitionOut, ...errors },
      },
    }, async (req, reply) => {
      const category = await activeCategory(ctx.db, await districtOf(req.query.jurisdiction_id), req.params.code);
      if (!category) throw new Open311Error(404, 'open311.serviceNotFound', { code: req.params.code });
      const xml = `<?xml version="1.0" encoding="utf-8"?>\n<service_definition>${element('service_code', category.code)}<attributes/></service_definition>\n`;
      return send(reply, req.params.format, { service_code: category.code, attributes: [] }, xml);
    });

    api.post('/requests.:format', {
      config: { permission: 'public' },
      preValidation: requireKey,
      schema: {
        tags, summary: 'GeoReport v2 POST service request (form or JSON, with api_key): a demand at the key\'s node',
        params: z.object({ format }),
        body: z.object({
          ...keyed,
          service_code: req(z.string().trim().max(64)),
          lat: opt(z.coerce.number().min(-90).max(90)),
          long: opt(z.coerce.number().min(-180).max(180)),
          address_string: opt(z.string().trim().max(200)),
          address_id: opt(z.string().trim().max(64)),
          email: opt(z.string().trim().max(200).pipe(z.email('open311.email'))),
          device_id: opt(z.string().max(200)),
          account_id: opt(z.string().max(200)),
          first_name: opt(z.string().trim().max(40)),
          last_name: opt(z.string().trim().max(40)),
          phone: opt(z.string().trim().max(30)),
          description: req(z.string().trim().min(1).max(4000)),
          media_url: opt(z.string().trim().max(2000).pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'open311.mediaUrl' }))),
        }),
        response: { 200: z.array(createdOut), ...errors },
      },
    }, async (req, reply) => {
      const created = await createPublicRequest(ctx, keyOf(req), req.body, { ip: req.ip, locale: localeOf(req) });
      return send(reply, req.params.format, [created], listXml('service_requests', 'request', asScalars([created])));
    });

    api.get('/requests.:format', {
      config: { permission: 'public' },
      preValidation: requireKey,
      schema: {
        tags, summary: 'GeoReport v2 service requests under the key\'s node (api_key required; no personal data)',
        params: z.object({ format }),
        querystring: z.object({
          ...keyed,
          service_request_id: opt(list),
          service_code: opt(list),
          start_date: opt(w3Date),
          end_date: opt(w3Date),
          status: opt(list.pipe(z.array(z.enum(['open', 'closed'], 'open311.statusValue')))),
        }),
        response: { 200: z.array(requestOut), ...errors },
      },
    }, async (req, reply) => {
      const q = req.query;
      const key = keyOf(req);
      if (q.service_request_id && q.service_request_id.length > MAX_REQUESTS) throw new Open311Error(400, 'open311.tooMany', { max: MAX_REQUESTS });
      const window = q.service_request_id ? {} : requestWindow(q.start_date, q.end_date, new Date());
      const rows = await findRequests(ctx.db, ctx.pii, {
        underPath: key.path, ids: q.service_request_id, serviceCodes: q.service_code, statuses: q.status, ...window, limit: MAX_REQUESTS,
      });
      const requests = rows.map((r) => presentRequest(r, localeOf(req)));
      // Up to a thousand requests: the presenter's typed output is written as it is, without a
      // second pass of validation in the response serialiser, and XML is built only when asked for.
      if (req.params.format === 'json') return reply.code(200).type('application/json; charset=utf-8').serializer(JSON.stringify).send(requests);
      return send(reply, req.params.format, requests, listXml('service_requests', 'request', asScalars(requests)));
    });

    api.get('/requests/:id.:format', {
      config: { permission: 'public' },
      preValidation: requireKey,
      schema: {
        tags, summary: 'GeoReport v2 one service request (api_key required; no personal data)',
        params: z.object({ id: z.string().min(1).max(64), format }), querystring: z.object(keyed),
        response: { 200: z.array(requestOut), ...errors },
      },
    }, async (req, reply) => {
      const [row] = await findRequests(ctx.db, ctx.pii, { underPath: keyOf(req).path, ids: [req.params.id], limit: 1 });
      if (!row) throw new Open311Error(404, 'open311.requestNotFound', { id: req.params.id });
      const requests = [presentRequest(row, localeOf(req))];
      return send(reply, req.params.format, requests, listXml('service_requests', 'request', asScalars(requests)));
    });

    api.get('/tokens/:id.:format', {
      config: { permission: 'public' },
      schema: {
        tags, summary: 'GeoReport v2 service_request_id from a token',
        params: z.object({ id: z.string().min(1).max(64), format }), querystring: z.object(keyed),
        response: { 200: z.array(tokenOut), ...errors },
      },
    }, async (req, reply) => {
      const token = req.params.id;
      const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token) ? await requestByToken(ctx.db, token) : null;
      if (!row) throw new Open311Error(404, 'open311.tokenNotFound', { token });
      const out = [{ service_request_id: row.no, token: row.token }];
      return send(reply, req.params.format, out, listXml('service_requests', 'request', out));
    });
  }, { prefix: '/open311/v2' });
}
