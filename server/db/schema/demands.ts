import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account } from './accounts.ts';
import { body } from './bodies.ts';
import { person } from './people.ts';
import { territory } from './territory.ts';

/** The bodies a category routes to by default (DESIGN §3: the category decides the handling body). */
export const handlerKinds = ['property_company', 'owners_committee', 'residents_committee', 'police_station', 'line_department'] as const;
export type HandlerKind = (typeof handlerKinds)[number];

/**
 * A kind of demand (电梯故障, 噪音扰民 …), per district. Its code is the Open311 `service_code`;
 * `deadlineDays` are working days from acceptance to resolution.
 */
export const demandCategory = pgTable(
  'demand_category',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** The Open311 `group` and the console's grouping (市容环境, 物业管理 …). */
    groupName: text('group_name').notNull().default(''),
    /** Open311 `keywords`, comma-separated. */
    keywords: text('keywords').notNull().default(''),
    defaultHandler: text('default_handler').$type<HandlerKind>().notNull(),
    deadlineDays: integer('deadline_days').notNull(),
    /** Working days a reminder goes out before the deadline. */
    remindDays: integer('remind_days').notNull().default(1),
    sortOrder: integer('sort_order').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('demand_category_code_uq').on(t.districtId, t.code),
    check('demand_category_handler_check', sql`${t.defaultHandler} in ('property_company','owners_committee','residents_committee','police_station','line_department')`),
    check('demand_category_deadline_check', sql`${t.deadlineDays} > 0 and ${t.remindDays} >= 0`),
  ],
);

/**
 * The district's working calendar: days that differ from the Monday–Friday rule. A public
 * holiday on a weekday is `holiday`; a weekend day worked in exchange (调休) is `workday`.
 */
export const workCalendar = pgTable(
  'work_calendar',
  {
    districtId: uuid('district_id').notNull().references(() => territory.id),
    day: date('day').notNull(),
    kind: text('kind').$type<'holiday' | 'workday'>().notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [
    uniqueIndex('work_calendar_pk').on(t.districtId, t.day),
    check('work_calendar_kind_check', sql`${t.kind} in ('holiday','workday')`),
  ],
);

export const demandStates = ['submitted', 'accepted', 'rejected', 'assigned', 'in_progress', 'resolved', 'closed', 'merged'] as const;
export type DemandState = (typeof demandStates)[number];

export const demandChannels = ['portal', 'grid_visit', 'deputy_reception', 'phone', 'hotline_12345', 'open311'] as const;
export type DemandChannel = (typeof demandChannels)[number];

/** Who holds a demand: its community, or the street / district after an escalation (吹哨报到). */
export const demandLevels = ['community', 'street', 'district'] as const;
export type DemandLevel = (typeof demandLevels)[number];

export const demandRatings = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type DemandRating = (typeof demandRatings)[number];

/**
 * 群众诉求: what a resident asks. The place decides `territoryId` (a building, grid or community)
 * and through it the grid and community; `path` copies that node's path so a subtree's demands are
 * one prefix scan of this table (kept in step when the territory moves). The reporter's contact
 * details are personal information, stored encrypted with a masked copy to show.
 */
export const demand = pgTable(
  'demand',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human-facing number, also the Open311 service_request_id: SQ + yyyymmdd + 5-digit serial. */
    no: text('no').notNull().unique(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    streetId: uuid('street_id').notNull().references(() => territory.id),
    communityId: uuid('community_id').notNull().references(() => territory.id),
    gridId: uuid('grid_id').references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    path: text('path').notNull(),
    categoryId: uuid('category_id').notNull().references(() => demandCategory.id),
    channel: text('channel').$type<DemandChannel>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Words of title and description (Intl.Segmenter), for search and hot topics. */
    terms: text('terms').array().notNull().default(sql`'{}'::text[]`),
    address: text('address'),
    room: text('room'),
    lat: numeric('lat', { precision: 9, scale: 6, mode: 'number' }),
    lng: numeric('lng', { precision: 9, scale: 6, mode: 'number' }),
    /** The resident who asked, when known to the platform. */
    reporterPersonId: uuid('reporter_person_id').references(() => person.id),
    /** The account that entered it (the resident, a grid worker, a deputy, a worker, an API key's owner). */
    createdBy: uuid('created_by').references(() => account.id),
    contactNameEnc: text('contact_name_enc'),
    contactNameMasked: text('contact_name_masked'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneMasked: text('contact_phone_masked'),
    /** The order number in the system it came from (12345 hotline), unique per district. */
    externalNo: text('external_no'),
    state: text('state').$type<DemandState>().notNull().default('submitted'),
    level: text('level').$type<DemandLevel>().notNull().default('community'),
    handlerKind: text('handler_kind').$type<HandlerKind>(),
    handlerBodyId: uuid('handler_body_id').references(() => body.id),
    rejectReason: text('reject_reason'),
    /** When the current holder must have resolved it (working days from the category or department). */
    dueAt: timestamp('due_at', { withTimezone: true }),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    rating: text('rating').$type<DemandRating>(),
    ratingComment: text('rating_comment'),
    reopenCount: integer('reopen_count').notNull().default(0),
    mergedIntoId: uuid('merged_into_id'),
    /** Resolved on or before the deadline that applied at the time; null until resolved. */
    onTime: boolean('on_time'),
    /** Open311 `token` handed back on POST, looked up by `tokens/{id}`. */
    token: uuid('token').notNull().defaultRandom(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('demand_path_created_idx').using('btree', sql`${t.path} text_pattern_ops`, t.createdAt.desc()),
    index('demand_community_state_idx').on(t.communityId, t.state),
    index('demand_reporter_idx').on(t.reporterPersonId, t.createdAt),
    index('demand_created_by_idx').on(t.createdBy, t.createdAt),
    index('demand_due_idx').on(t.dueAt).where(sql`state in ('accepted','assigned','in_progress')`),
    index('demand_terms_idx').using('gin', t.terms),
    index('demand_created_idx').on(t.createdAt),
    // A street's list (newest first: read backwards, and the capped count) as one range; with a state filter too.
    index('demand_street_created_idx').on(t.streetId, t.createdAt),
    index('demand_street_state_idx').on(t.streetId, t.state, t.createdAt),
    // Overdue under any node by path: the open demands of the subtree in deadline order.
    index('demand_open_path_due_idx').using('btree', sql`${t.path} text_pattern_ops`, t.dueAt).where(sql`state in ('accepted','assigned','in_progress')`),
    uniqueIndex('demand_external_uq').on(t.districtId, t.externalNo),
    uniqueIndex('demand_token_uq').on(t.token),
    check('demand_state_check', sql`${t.state} in ('submitted','accepted','rejected','assigned','in_progress','resolved','closed','merged')`),
    check('demand_level_check', sql`${t.level} in ('community','street','district')`),
    check('demand_channel_check', sql`${t.channel} in ('portal','grid_visit','deputy_reception','phone','hotline_12345','open311')`),
  ],
);

export const demandActions = [
  'submit', 'accept', 'reject', 'assign', 'start', 'resolve', 'rate', 'reopen', 'close',
  'remind', 'escalate', 'whistle', 'take', 'merge', 'link', 'note',
] as const;
export type DemandAction = (typeof demandActions)[number];

/**
 * Every step of a demand, timestamped with who did it and a note. `public` steps are the ones the
 * resident follows on the portal (internal notes are not).
 */
export const demandEvent = pgTable(
  'demand_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    demandId: uuid('demand_id').notNull().references(() => demand.id),
    action: text('action').$type<DemandAction>().notNull(),
    fromState: text('from_state').$type<DemandState>(),
    toState: text('to_state').$type<DemandState>(),
    /** The account, or null for the system (timers, imports) with `actorName` saying which. */
    accountId: uuid('account_id').references(() => account.id),
    actorName: text('actor_name').notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    public: boolean('public').notNull().default(true),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('demand_event_demand_idx').on(t.demandId, t.id)],
);

/** Photos of a demand: what the resident saw (`report`), what was done (`resolve`). */
export const demandPhoto = pgTable(
  'demand_photo',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandId: uuid('demand_id').notNull().references(() => demand.id),
    stage: text('stage').$type<'report' | 'resolve'>().notNull(),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('demand_photo_demand_idx').on(t.demandId)],
);

/** A demand's link to what it became: an agenda item, a project, a mediation case (kept when they change). */
export const demandLink = pgTable(
  'demand_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    demandId: uuid('demand_id').notNull().references(() => demand.id),
    targetType: text('target_type').$type<'agenda_item' | 'project' | 'mediation_case'>().notNull(),
    targetId: text('target_id').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('demand_link_uq').on(t.demandId, t.targetType, t.targetId)],
);

/**
 * 热点预警: a word counted in one node's demands over a sliding window, far above that node's own
 * baseline. One open warning per node and word; a later run updates it instead of raising another.
 */
export const hotTopic = pgTable(
  'hot_topic',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    term: text('term').notNull(),
    windowDays: integer('window_days').notNull(),
    count: integer('count').notNull(),
    /** The node's usual count for a window of this length. */
    baseline: numeric('baseline', { precision: 10, scale: 3, mode: 'number' }).notNull(),
    score: numeric('score', { precision: 10, scale: 3, mode: 'number' }).notNull(),
    demandIds: uuid('demand_ids').array().notNull(),
    state: text('state').$type<'open' | 'acknowledged' | 'closed'>().notNull().default('open'),
    acknowledgedBy: uuid('acknowledged_by').references(() => account.id),
    detectedAt: timestamp('detected_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('hot_topic_open_uq').on(t.territoryId, t.term).where(sql`state <> 'closed'`),
    index('hot_topic_territory_idx').on(t.territoryId, t.detectedAt),
  ],
);

/** An Open311 API key, issued by the sysadmin and tied to a node: requests it posts land there, it reads only there. */
export const open311Key = pgTable(
  'open311_key',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** SHA-256 of the key; the key itself is shown once, at issue. */
    keyHash: text('key_hash').notNull().unique(),
    keyHint: text('key_hint').notNull(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
);
