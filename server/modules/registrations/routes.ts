import { z } from 'zod';
import { actorOf, type App, type AppContext } from '../../core/context.ts';
import { fileResponse } from '../../core/file-response.ts';
import { idsOfPath } from '../territory/rules.ts';
import { XLSX_TYPE, sendXlsx } from '../people/roster-xlsx.ts';
import { periodsOf } from '../points/periods.ts';
import { registerMember, withdrawRegistration } from './actions/register-member.ts';
import { reviewRegistration } from './actions/review-registration.ts';
import { registerUnit, reviewUnitRegistration, withdrawUnitRegistration } from './actions/unit-registration.ts';
import { memberCommunities, memberPerson } from './member-communities.ts';
import { registrationsPolicy as P } from './policy.ts';
import { presentRegistration, presentUnitRegistration, registrationOut, unitRegistrationOut } from './presenters.ts';
import { listRegistrations, listUnitRegistrations, myRegistrations, rosterRows, workplaceOrgs } from './queries.ts';
import { registrationStats } from './stats.ts';
import { unitTargets } from './unit-targets.ts';
import { rosterWorkbook, workplaceWorkbook } from './workbooks.ts';
import { workplaceRecords } from './workplace.ts';
import { audit } from '../../core/audit.ts';

const tags = ['registrations'];
const id = z.object({ id: z.uuid() });
const states = z.enum(['pending', 'confirmed', 'returned', 'withdrawn']);
const reason = z.object({ reason: z.string().trim().min(1).max(200) });
const paging = { page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) };
const paged = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
const ref = z.object({ id: z.string(), name: z.string() });
const node = ref.extend({ kind: z.string() });
const statsOut = z.object({
  node, month: z.string(), quarter: z.string(),
  rows: z.array(z.object({
    node, partyMembers: z.number(), registered: z.number(), activeMonth: z.number(), activeQuarter: z.number(),
    registeredRate: z.number(), activeMonthRate: z.number(), activeQuarterRate: z.number(),
  })),
});
const workplaceRecordsOut = z.object({
  body: ref, year: z.number(),
  members: z.array(z.object({
    personId: z.string(), name: z.string(), community: ref,
    registration: z.object({ id: z.string(), state: z.string(), submittedAt: z.string(), decidedAt: z.string().nullable() }),
    points: z.number(),
    entries: z.array(z.object({
      id: z.number(), at: z.string(), ruleCode: z.string(), points: z.number(), sourceType: z.string(), sourceId: z.string(), note: z.string().nullable(), reversesId: z.number().nullable(),
    })),
    activities: z.array(z.object({
      activityId: z.string(), title: z.string(), kind: z.string(), startsAt: z.string(), state: z.string(), checkedInAt: z.string().nullable(), checkedOutAt: z.string().nullable(),
    })),
  })),
});
const year = z.object({ year: z.coerce.number().int().min(2000).max(2100).default(() => Number(periodsOf(new Date())[1])) });

export function registrationsRoutes(app: App, ctx: AppContext) {
  app.get('/api/registrations/mine', {
    config: { permission: P['registration.submit'] },
    schema: { tags, summary: 'My registration, its history and the communities I may register with', response: { 200: z.object({ current: registrationOut.nullable(), history: z.array(registrationOut), communities: z.array(ref) }) } },
  }, async (req) => {
    const actor = actorOf(req);
    const personId = memberPerson(actor);
    return { ...(await myRegistrations(ctx.db, personId)), communities: await memberCommunities(ctx.db, actor, personId) };
  });

  app.post('/api/registrations', {
    config: { permission: P['registration.submit'] },
    schema: {
      tags, summary: 'Register with the community I live in, naming my workplace party organisation (双报到)',
      body: z.object({ communityId: z.uuid().optional(), workplaceOrgId: z.uuid().optional(), workplaceOrgName: z.string().trim().min(1).max(80).optional() }),
      response: { 201: registrationOut },
    },
  }, async (req, reply) => reply.code(201).send(presentRegistration(await registerMember(ctx, actorOf(req), req.body))));

  app.post('/api/registrations/:id/withdraw', {
    config: { permission: P['registration.submit'] },
    schema: { tags, summary: 'Withdraw my registration', params: id, response: { 200: registrationOut } },
  }, async (req) => presentRegistration(await withdrawRegistration(ctx, actorOf(req), req.params.id)));

  app.get('/api/workplace-orgs', {
    config: { permission: P['registration.submit'] },
    schema: {
      tags, summary: "Party organisations of my district by name, to name as my workplace's", querystring: z.object({ q: z.string().trim().max(40).optional() }),
      response: { 200: z.object({ items: z.array(ref.extend({ kind: z.string(), territoryName: z.string() })) }) },
    },
  }, async (req) => {
    const grant = actorOf(req).grants.find((g) => g.role === 'party_member')!;
    return { items: await workplaceOrgs(ctx.db, `/${idsOfPath(grant.path)[0]}/`, req.query.q) };
  });

  app.get('/api/registrations', {
    config: { permission: P['registration.read'] },
    schema: {
      tags, summary: "Registrations with communities in my territory; state=confirmed is the roster",
      querystring: z.object({ territoryId: z.uuid().optional(), state: states.optional(), q: z.string().trim().max(40).optional(), ...paging }),
      response: { 200: paged(registrationOut.extend({ phone: z.string().nullable(), pointsYear: z.number() })) },
    },
  }, async (req) => listRegistrations(ctx.db, actorOf(req), req.query));

  app.get('/api/registrations/roster.xlsx', {
    config: { permission: P['registration.read'] },
    schema: { tags, summary: 'The roster of registered members as Excel (numbers masked)', querystring: z.object({ territoryId: z.uuid().optional() }), response: fileResponse(XLSX_TYPE, 'the roster workbook') },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const rows = await ctx.db.transaction(async (tx) => {
      const found = await rosterRows(tx, actor, req.query.territoryId);
      await audit(tx, actor, { action: 'registration.export', targetType: 'member_registration', territoryId: req.query.territoryId ?? null, after: { rows: found.length } });
      return found;
    });
    return sendXlsx(reply, '报到党员名册.xlsx', 'registered-members.xlsx', await rosterWorkbook(rows));
  });

  app.post('/api/registrations/:id/confirm', {
    config: { permission: P['registration.review'] },
    schema: { tags, summary: 'Confirm a registration: the member joins the roster and receives the registration points', params: id, response: { 200: registrationOut } },
  }, async (req) => presentRegistration(await reviewRegistration(ctx, actorOf(req), req.params.id, { confirm: true })));

  app.post('/api/registrations/:id/return', {
    config: { permission: P['registration.review'] },
    schema: { tags, summary: 'Return a registration with a reason the member sees', params: id, body: reason, response: { 200: registrationOut } },
  }, async (req) => presentRegistration(await reviewRegistration(ctx, actorOf(req), req.params.id, { confirm: false, reason: req.body.reason })));

  app.get('/api/registrations/stats', {
    config: { permission: P['registration.stats'] },
    schema: { tags, summary: 'Party members, registered and active members per child node', querystring: z.object({ territoryId: z.uuid() }), response: { 200: statsOut } },
  }, async (req) => registrationStats(ctx.db, actorOf(req), req.query.territoryId));

  app.get('/api/workplace/:bodyId/records', {
    config: { permission: P['registration.workplace'] },
    schema: { tags, summary: "A workplace organisation's members' community service in a year", params: z.object({ bodyId: z.uuid() }), querystring: year, response: { 200: workplaceRecordsOut } },
  }, async (req) => workplaceRecords(ctx.db, actorOf(req), req.params.bodyId, req.query.year));

  app.get('/api/workplace/:bodyId/records.xlsx', {
    config: { permission: P['registration.workplace'] },
    schema: { tags, summary: "A year's community service records of the organisation's members, as Excel", params: z.object({ bodyId: z.uuid() }), querystring: year, response: fileResponse(XLSX_TYPE, 'the records workbook') },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const rec = await workplaceRecords(ctx.db, actor, req.params.bodyId, req.query.year);
    await audit(ctx.db, actor, { action: 'registration.workplaceExport', targetType: 'body', targetId: rec.body.id, after: { year: rec.year, members: rec.members.length } });
    return sendXlsx(reply, `${rec.body.name}-${rec.year}年党员社区服务记录.xlsx`, `workplace-records-${rec.year}.xlsx`, await workplaceWorkbook(rec));
  });

  app.get('/api/unit-registrations', {
    config: { permission: P['unit-registration.read'] },
    schema: {
      tags, summary: 'Unit registrations to my nodes or by units in my territory (组织报到)',
      querystring: z.object({ territoryId: z.uuid().optional(), state: states.optional(), ...paging }), response: { 200: paged(unitRegistrationOut) },
    },
  }, async (req) => listUnitRegistrations(ctx.db, actorOf(req), req.query));

  app.get('/api/unit-registrations/units', {
    config: { permission: P['unit-registration.submit'] },
    schema: {
      tags, summary: 'The party organisations I register for as liaison, each with the street and community it may register with',
      response: { 200: z.object({ items: z.array(z.object({ body: ref.extend({ kind: z.string() }), targets: z.array(ref.extend({ kind: z.string() })) })) }) },
    },
  }, async (req) => ({ items: await unitTargets(ctx.db, actorOf(req)) }));

  app.post('/api/unit-registrations', {
    config: { permission: P['unit-registration.submit'] },
    schema: {
      tags, summary: "Register a resident unit's party organisation with a street or community, with its commitments",
      body: z.object({ bodyId: z.uuid(), territoryId: z.uuid(), commitments: z.string().trim().min(1).max(2000) }), response: { 201: unitRegistrationOut },
    },
  }, async (req, reply) => reply.code(201).send(presentUnitRegistration(await registerUnit(ctx, actorOf(req), req.body))));

  app.post('/api/unit-registrations/:id/withdraw', {
    config: { permission: P['unit-registration.submit'] },
    schema: { tags, summary: "Withdraw a unit's registration", params: id, response: { 200: unitRegistrationOut } },
  }, async (req) => presentUnitRegistration(await withdrawUnitRegistration(ctx, actorOf(req), req.params.id)));

  app.post('/api/unit-registrations/:id/confirm', {
    config: { permission: P['unit-registration.review'] },
    schema: { tags, summary: "Confirm a unit's registration", params: id, response: { 200: unitRegistrationOut } },
  }, async (req) => presentUnitRegistration(await reviewUnitRegistration(ctx, actorOf(req), req.params.id, { confirm: true })));

  app.post('/api/unit-registrations/:id/return', {
    config: { permission: P['unit-registration.review'] },
    schema: { tags, summary: "Return a unit's registration with a reason", params: id, body: reason, response: { 200: unitRegistrationOut } },
  }, async (req) => presentUnitRegistration(await reviewUnitRegistration(ctx, actorOf(req), req.params.id, { confirm: false, reason: req.body.reason })));
}
