import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { invalid } from '../../core/errors.ts';
import { handlerKinds } from '../../db/schema/demands.ts';
import { demandsPolicy as P } from '../demands/policy.ts';
import { categoryOut, demandDetailOut, presentCategory } from '../demands/presenters.ts';
import { demandDetail } from '../demands/queries.ts';
import { dayOf } from '../demands/calendar.ts';
import { createCategory, updateCategory } from './actions/save-category.ts';
import { clearCalendarDay, setCalendarDay } from './actions/set-calendar-day.ts';
import { whistleDemand } from './actions/whistle-demand.ts';
import { districtOf, listCalendar } from './queries.ts';
import './messages.ts';

const tags = ['demand-deadlines'];
const idParams = z.object({ id: z.uuid() });

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
const calendarDay = z.string().refine(
  (s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
  'workCalendar.badDay',
).describe('YYYY-MM-DD');
const dayParams = z.object({ day: calendarDay });
const districtQuery = z.object({ districtId: z.uuid().optional().describe('when the caller works in several districts') });
const dayOut = z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string() });

const categoryFields = {
  name: z.string().trim().min(1).max(40),
  groupName: z.string().trim().max(40).optional(),
  description: z.string().trim().max(500).optional(),
  keywords: z.string().trim().max(300).optional().describe('comma-separated (Open311 keywords)'),
  defaultHandler: z.enum(handlerKinds),
  deadlineDays: z.number().int().min(1).max(60).describe('working days from acceptance to resolution'),
  remindDays: z.number().int().min(0).max(30).optional().describe('working days before the deadline a reminder goes out (default 1; 0: on the day)'),
};

export function demandDeadlinesRoutes(app: App, ctx: AppContext) {
  app.post('/api/demands/:id/whistle', {
    config: { permission: P['demand.escalate'] },
    schema: {
      tags, summary: '吹哨报到: the community asks the street to take a demand, the street the district',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1).max(500).describe('why the level above is needed; the reporter reads it') }),
      response: { 200: demandDetailOut },
    },
  }, async (req) => {
    const actor = actorOf(req);
    await whistleDemand(ctx, actor, req.params.id, req.body.reason);
    return demandDetail(ctx.db, ctx.pii, actor, req.params.id);
  });

  app.post('/api/demand-categories', {
    config: { permission: P['demand.configure'] },
    schema: {
      tags, summary: 'Add a demand category to the district',
      body: z.object({
        code: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'demandCategory.badCode').describe('the Open311 service_code; fixed once created'),
        ...categoryFields,
        districtId: z.uuid().optional().describe('when the caller administers several districts'),
      }),
      response: { 201: categoryOut },
    },
  }, async (req, reply) => reply.code(201).send(presentCategory(await createCategory(ctx, actorOf(req), req.body))));

  app.patch('/api/demand-categories/:id', {
    config: { permission: P['demand.configure'] },
    schema: {
      tags, summary: 'Change a demand category (not its code), or retire it',
      params: idParams,
      body: z.object({
        code: z.unknown().optional().describe('refused: a code never changes'),
        ...Object.fromEntries(Object.entries(categoryFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof categoryFields]: z.ZodOptional<(typeof categoryFields)[K]> },
        retired: z.boolean().optional().describe('true retires it (kept for the demands that have it), false restores it'),
      }),
      response: { 200: categoryOut },
    },
  }, async (req) => {
    const { code, ...patch } = req.body;
    if (code !== undefined) throw invalid('code', 'demandCategory.codeImmutable');
    return presentCategory(await updateCategory(ctx, actorOf(req), req.params.id, patch));
  });

  app.get('/api/work-calendar', {
    config: { permission: P['demand.read'] },
    schema: {
      tags, summary: "The district's working calendar: holidays on weekdays and weekend days worked (调休)",
      querystring: districtQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional().describe('default: this year') }),
      response: { 200: z.object({ items: z.array(dayOut) }) },
    },
  }, async (req) => {
    const districtId = districtOf(actorOf(req), P['demand.read'], req.query.districtId);
    return { items: await listCalendar(ctx.db, districtId, req.query.year ?? Number(dayOf(new Date()).slice(0, 4))) };
  });

  app.put('/api/work-calendar/:day', {
    config: { permission: P['demand.configure'] },
    schema: {
      tags, summary: 'Mark a day a holiday, or a weekend day worked in exchange (调休)',
      params: dayParams,
      querystring: districtQuery,
      body: z.object({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().max(20).optional().describe('国庆节, 春节调休上班 …') }),
      response: { 200: dayOut },
    },
  }, async (req) => setCalendarDay(ctx, actorOf(req), req.params.day, { ...req.body, districtId: req.query.districtId }));

  app.delete('/api/work-calendar/:day', {
    config: { permission: P['demand.configure'] },
    schema: { tags, summary: 'Return a day to the Monday–Friday rule', params: dayParams, querystring: districtQuery, response: { 204: z.null() } },
  }, async (req, reply) => {
    await clearCalendarDay(ctx, actorOf(req), req.params.day, req.query.districtId);
    return reply.code(204).send(null);
  });
}
