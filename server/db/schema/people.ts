import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { territory } from './territory.ts';

/** A dwelling: a room in a building (urban) or a homestead (rural). */
export const household = pgTable(
  'household',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    room: text('room').notNull(),
    address: text('address'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('household_territory_room_idx').on(t.territoryId, t.room)],
);

/**
 * A person. Identity and phone numbers are personal information: stored only as authenticated
 * ciphertext (`*_enc`) plus a keyed hash (`*_hash`) to find them, never in clear.
 */
export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    householdId: uuid('household_id').references(() => household.id),
    relation: text('relation'),
    name: text('name').notNull(),
    gender: text('gender').$type<'male' | 'female'>().notNull(),
    birthDate: date('birth_date'),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull().unique(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    partyOrgId: uuid('party_org_id'),
    joinedPartyOn: date('joined_party_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A name prefix within a subtree: one short range scan per territory node of the subtree.
    // It also serves every lookup by territory alone (its leading column).
    index('person_territory_name_idx').on(t.territoryId, t.name.op('text_pattern_ops')),
    index('person_household_idx').on(t.householdId),
    index('person_phone_hash_idx').on(t.phoneHash),
    index('person_name_idx').using('btree', sql`${t.name} text_pattern_ops`),
  ],
);
