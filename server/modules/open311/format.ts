import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError } from '../../core/errors.ts';
import { hasMessage, pickLocale, t } from '../../core/i18n.ts';
import './messages.ts';

/**
 * The two representations of GeoReport v2: XML (required by the specification) and JSON (its
 * "Spark" mapping of the same elements). A value is a scalar, null (an empty element), or a list
 * of child elements.
 */
export type Format = 'json' | 'xml';
export type Scalar = string | number | boolean | null;

/** A failure in the specification's terms: 400 bad request, 403 api_key, 404 no such thing. */
export class Open311Error extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly key: string,
    readonly params: Record<string, unknown> = {},
  ) {
    super(key);
  }
}

/** Characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export const element = (tag: string, value: Scalar | undefined): string =>
  value === null || value === undefined || value === '' ? `<${tag}/>` : `<${tag}>${escapeXml(String(value))}</${tag}>`;

const fields = (row: Record<string, Scalar>) => Object.entries(row).map(([k, v]) => element(k, v)).join('');

/** `<root><item>…</item>…</root>` with the XML declaration the specification asks for. */
export function listXml(root: string, item: string, rows: Record<string, Scalar>[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<${root}>${rows.map((r) => `<${item}>${fields(r)}</${item}>`).join('')}</${root}>\n`;
}

export function send(reply: FastifyReply, format: Format, json: unknown, xml: string, status = 200) {
  if (format === 'json') return reply.code(status).type('application/json; charset=utf-8').send(json);
  return reply.code(status).type('text/xml; charset=utf-8').send(xml);
}

/** The format the caller asked for; XML, the required one, when it named none we know. */
export function formatOf(req: FastifyRequest): Format {
  const named = (req.params as { format?: string } | undefined)?.format;
  if (named !== undefined) return named === 'json' ? 'json' : 'xml';
  return req.url.split('?')[0]!.endsWith('.json') ? 'json' : 'xml';
}

export interface SpecError {
  code: number;
  description: string;
}

export function sendErrors(reply: FastifyReply, format: Format, status: number, errors: SpecError[]) {
  return send(reply, format, errors, listXml('errors', 'error', errors as unknown as Record<string, Scalar>[]), status);
}

/**
 * Every failure of an Open311 route leaves as the specification's error list, in its format and
 * the caller's language: 403 for the api_key, 404 for what does not exist, 429 over the rate
 * budget, 400 for the rest.
 */
export function open311ErrorHandler(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const format = formatOf(req);
  const locale = pickLocale(req.headers['accept-language']);
  const one = (status: number, key: string, params: Record<string, unknown> = {}) =>
    sendErrors(reply, format, status, [{ code: status, description: t(locale, key, params) }]);
  if (err instanceof Open311Error) return one(err.status, err.key, err.params);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = err.validation.map((v) => {
      const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'request';
      const message = v.message ?? '';
      const params = v.params as { input?: unknown };
      if (field === 'format') return { code: 400, description: t(locale, 'open311.badFormat', { format: (req.params as { format?: string }).format ?? '' }) };
      if (v.keyword === 'invalid_type' && params.input === undefined) return { code: 400, description: t(locale, 'open311.required', { field }) };
      const reason = hasMessage(message) ? t(locale, message) : message;
      return { code: 400, description: t(locale, 'open311.invalidField', { field, reason }) };
    });
    return sendErrors(reply, format, 400, errors);
  }
  if (err instanceof DomainError) {
    if (err.fieldErrors.length) {
      return sendErrors(reply, format, 400, err.fieldErrors.map((f) => ({
        code: 400, description: t(locale, 'open311.invalidField', { field: f.field, reason: t(locale, f.code, f.params) }),
      })));
    }
    return one(err.status === 404 || err.status === 403 ? err.status : 400, err.code, err.params);
  }
  const status = (err as FastifyError).statusCode ?? 500;
  // Over the budget (server/rate-limit.ts): the Retry-After header is already on the reply.
  if (status === 429) return one(429, 'rateLimited');
  if (status >= 400 && status < 500) return one(400, 'open311.badRequest', { reason: err.message });
  req.log.error({ err: { type: err.name, message: err.message.split('\nparams:')[0] } }, 'unhandled error');
  return one(500, 'internal');
}
