import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account } from './accounts.ts';
import { body } from './bodies.ts';
import { person } from './people.ts';
import { territory } from './territory.ts';

/**
 * 在职党员双报到: a member whose party organisation is at their workplace registers with the
 * community they live in; the community's party organisation confirms or returns it.
 */
export const memberRegistration = pgTable(
  'member_registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id').notNull().references(() => person.id),
    communityId: uuid('community_id').notNull().references(() => territory.id),
    /** The workplace party organisation when it is a body on the platform. */
    workplaceOrgId: uuid('workplace_org_id').references(() => body.id),
    /** The workplace organisation's name when it lies outside the district. */
    workplaceOrgName: text('workplace_org_name'),
    state: text('state').$type<'pending' | 'confirmed' | 'returned' | 'withdrawn'>().notNull().default('pending'),
    reason: text('reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => account.id),
  },
  (t) => [
    index('member_registration_community_idx').on(t.communityId, t.state),
    index('member_registration_workplace_idx').on(t.workplaceOrgId),
    uniqueIndex('member_registration_live_uq').on(t.personId).where(sql`state in ('pending','confirmed')`),
    check('member_registration_state_check', sql`${t.state} in ('pending','confirmed','returned','withdrawn')`),
  ],
);

/** 组织报到: a resident unit's party organisation registers with a street or community, with what it offers. */
export const unitRegistration = pgTable(
  'unit_registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id').notNull().references(() => body.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    commitments: text('commitments').notNull(),
    state: text('state').$type<'pending' | 'confirmed' | 'returned' | 'withdrawn'>().notNull().default('pending'),
    reason: text('reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => account.id),
  },
  (t) => [
    index('unit_registration_territory_idx').on(t.territoryId, t.state),
    uniqueIndex('unit_registration_live_uq').on(t.bodyId, t.territoryId).where(sql`state in ('pending','confirmed')`),
  ],
);

/** An entry of a community's service catalogue (服务社区目录). */
export const service = pgTable(
  'service',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    category: text('category').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    place: text('place').notNull().default(''),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_territory_idx').on(t.territoryId)],
);

/**
 * One occurrence members sign up for: a time slot of a catalogue service, a volunteer service or
 * a theme party day. `qrSecret` keys the rotating check-in codes shown at the venue.
 */
export const activity = pgTable(
  'activity',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    serviceId: uuid('service_id').references(() => service.id),
    kind: text('kind').$type<'service' | 'volunteer' | 'theme_party_day'>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    place: text('place').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    cancelDeadline: timestamp('cancel_deadline', { withTimezone: true }).notNull(),
    state: text('state').$type<'published' | 'cancelled' | 'finished'>().notNull().default('published'),
    qrSecret: text('qr_secret').notNull(),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('activity_territory_starts_idx').on(t.territoryId, t.startsAt),
    check('activity_kind_check', sql`${t.kind} in ('service','volunteer','theme_party_day')`),
    check('activity_capacity_check', sql`${t.capacity} > 0`),
  ],
);

export const activitySignup = pgTable(
  'activity_signup',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id').notNull().references(() => activity.id),
    personId: uuid('person_id').notNull().references(() => person.id),
    state: text('state').$type<'signed_up' | 'cancelled' | 'checked_in' | 'checked_out'>().notNull().default('signed_up'),
    signedUpAt: timestamp('signed_up_at', { withTimezone: true }).notNull().defaultNow(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('activity_signup_uq').on(t.activityId, t.personId), index('activity_signup_person_idx').on(t.personId)],
);

/** 微心愿: a resident's small wish, reviewed, claimed by one member, fulfilled, confirmed. */
export const wish = pgTable(
  'wish',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    residentId: uuid('resident_id').notNull().references(() => person.id),
    postedBy: uuid('posted_by').references(() => account.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').$type<'pending_review' | 'rejected' | 'open' | 'claimed' | 'fulfilled' | 'confirmed'>().notNull().default('pending_review'),
    reason: text('reason'),
    claimedBy: uuid('claimed_by').references(() => person.id),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    photoPath: text('photo_path'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('wish_territory_state_idx').on(t.territoryId, t.state),
    index('wish_claim_expiry_idx').on(t.claimExpiresAt).where(sql`state = 'claimed'`),
  ],
);

/**
 * A points rule, per district. Rules are versioned, never edited: a change closes the current
 * version (`validTo`) and opens a new one, so past entries keep the rule they were awarded under.
 */
export const pointsRule = pgTable(
  'points_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    code: text('code').$type<'service_hour' | 'activity' | 'wish' | 'registration'>().notNull(),
    points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    monthlyCap: integer('monthly_cap'),
    expiry: text('expiry').$type<'none' | 'annual'>().notNull().default('none'),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
    validTo: timestamp('valid_to', { withTimezone: true }),
  },
  (t) => [uniqueIndex('points_rule_current_uq').on(t.districtId, t.code).where(sql`valid_to is null`)],
);

/**
 * The append-only points ledger. A correction is a reversing entry (`reversesId`), never an edit;
 * an award is unique per (source, member, rule code), so retries never award twice.
 */
export const pointsEntry = pgTable(
  'points_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id').notNull().references(() => person.id),
    /** The member's community, street and district when awarded: rankings group by them. */
    communityId: uuid('community_id').notNull().references(() => territory.id),
    streetId: uuid('street_id').notNull().references(() => territory.id),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    ruleId: uuid('rule_id').notNull().references(() => pointsRule.id),
    ruleCode: text('rule_code').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: text('source_id').notNull(),
    points: integer('points').notNull(),
    reversesId: bigint('reverses_id', { mode: 'number' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('points_entry_person_idx').on(t.personId, t.createdAt),
    uniqueIndex('points_entry_award_uq').on(t.sourceType, t.sourceId, t.personId, t.ruleCode).where(sql`reverses_id is null`),
  ],
);

/**
 * Running totals per member and period ('all', '2026', '2026-Q4', '2026-11'), kept in the same
 * transaction as each ledger entry so that rankings read an index instead of summing the ledger.
 */
export const pointsBalance = pgTable(
  'points_balance',
  {
    personId: uuid('person_id').notNull().references(() => person.id),
    period: text('period').notNull(),
    communityId: uuid('community_id').notNull(),
    streetId: uuid('street_id').notNull(),
    districtId: uuid('district_id').notNull(),
    points: integer('points').notNull().default(0),
  },
  (t) => [
    uniqueIndex('points_balance_pk').on(t.personId, t.period),
    // In the ranking's own order (points, then person), so a page is an index range of its rows.
    index('points_balance_district_rank_idx').on(t.districtId, t.period, t.points.desc(), t.personId),
    index('points_balance_street_rank_idx').on(t.streetId, t.period, t.points.desc(), t.personId),
    index('points_balance_community_rank_idx').on(t.communityId, t.period, t.points.desc(), t.personId),
  ],
);

/**
 * How many members have a balance in a node (community, street or district) for a period: the
 * rankings' totals, kept in step with `points_balance` by the award in the same transaction.
 */
export const pointsNodeTotal = pgTable(
  'points_node_total',
  {
    nodeId: uuid('node_id').notNull(),
    period: text('period').notNull(),
    members: integer('members').notNull().default(0),
  },
  (t) => [uniqueIndex('points_node_total_pk').on(t.nodeId, t.period)],
);

export const commendation = pgTable('commendation', {
  id: uuid('id').primaryKey().defaultRandom(),
  personId: uuid('person_id').notNull().references(() => person.id),
  level: text('level').notNull(),
  period: text('period').notNull(),
  points: integer('points').notNull(),
  awardedAt: timestamp('awarded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('commendation_uq').on(t.personId, t.level, t.period)]);
