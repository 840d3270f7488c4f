import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from './people.ts';
import { territory } from './territory.ts';

export const bodyKinds = [
  'party_committee', 'party_working_committee', 'party_general_branch', 'party_branch', 'party_group',
  'residents_committee', 'villagers_committee', 'owners_committee', 'property_company',
  'police_station', 'social_organization', 'resident_unit', 'line_department',
] as const;
export type BodyKind = (typeof bodyKinds)[number];

export const positions = [
  'secretary', 'deputy_secretary', 'director', 'deputy_director', 'committee_member', 'member',
  'liaison', 'manager', 'mediator',
] as const;
export type Position = (typeof positions)[number];

export const body = pgTable(
  'body',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    kind: text('kind').$type<BodyKind>().notNull(),
    name: text('name').notNull(),
    /** For a line department: working days it has to answer a demand assigned to it after an escalation. */
    answerDays: integer('answer_days'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('body_territory_idx').on(t.territoryId),
    check('body_kind_check', sql`${t.kind} in ('party_committee','party_working_committee','party_general_branch','party_branch','party_group','residents_committee','villagers_committee','owners_committee','property_company','police_station','social_organization','resident_unit','line_department')`),
  ],
);

export const bodyMember = pgTable(
  'body_member',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id').notNull().references(() => body.id),
    personId: uuid('person_id').notNull().references(() => person.id),
    position: text('position').$type<Position>().notNull(),
    since: date('since').notNull().defaultNow(),
    endedOn: date('ended_on'),
  },
  (t) => [index('body_member_body_idx').on(t.bodyId), index('body_member_person_idx').on(t.personId)],
);
