import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type FieldError } from './errors.ts';
import { hasMessage, pickLocale, t, type Locale } from './i18n.ts';

/** Every error leaves as RFC 9457 problem+json, in the caller's language, naming the fields. */
export function sendProblem(err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) {
  const locale = pickLocale(req.headers['accept-language']);
  if (err instanceof DomainError) {
    return problem(reply, locale, err.status, err.code, err.params, err.fieldErrors);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    const fields: FieldError[] = err.validation.map((v) => {
      const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const params = v.params as { input?: unknown; maximum?: number; origin?: string };
      const field = path || where;
      const message = v.message ?? '';
      if (hasMessage(message)) return { field, code: message };
      if (v.keyword === 'invalid_type' && params.input === undefined) return { field, code: 'field.required' };
      if (v.keyword === 'too_big' && params.origin === 'string') return { field, code: 'field.tooLong', params: { max: params.maximum } };
      return { field, code: 'field.invalid', params: { reason: message } };
    });
    return problem(reply, locale, where === 'querystring' || where === 'params' ? 400 : 422, 'validation', {}, fields);
  }
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 413) return problem(reply, locale, 413, 'import.tooLarge', { maxMb: 10 });
  if (status === 415) return problem(reply, locale, 415, 'import.badType');
  if (status === 429) return problem(reply, locale, 429, 'rateLimited');
  if (status >= 400 && status < 500) {
    return problem(reply, locale, status, 'field.invalid', { reason: err.message });
  }
  // A failed query's message carries its parameters (names, ciphertexts): log the statement only.
  const message = err.message.split('\nparams:')[0];
  req.log.error({ err: { type: err.name, message, cause: (err.cause as Error | undefined)?.message, stack: err.stack?.split('\n').slice(1, 6).join('\n') } }, 'unhandled error');
  return problem(reply, locale, 500, 'internal');
}

export function problem(
  reply: FastifyReply,
  locale: Locale,
  status: number,
  code: string,
  params: Record<string, unknown> = {},
  fields: FieldError[] = [],
) {
  const errors = fields.map((f) => ({ field: f.field, code: f.code, message: t(locale, f.code, f.params) }));
  const detail = t(locale, code, params);
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', locale)
    .send({
      type: `urn:gongzhi:problem:${code}`,
      title: t(locale, `title.${status}`),
      status,
      code,
      detail: fields.length === 1 && code === 'validation' ? `${fields[0]!.field}: ${errors[0]!.message}` : detail,
      ...params,
      ...(errors.length ? { errors } : {}),
    });
}
