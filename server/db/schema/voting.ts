import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { account } from './accounts.ts';
import { household, person } from './people.ts';
import { territory } from './territory.ts';

/** An estate (小区) whose owners form one owners' assembly (业主大会); it sits at a community or area node. */
export const estate = pgTable(
  'estate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    districtId: uuid('district_id').notNull().references(() => territory.id),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    name: text('name').notNull(),
    /** The assembly's rules allow an owner to change a ballot until the vote closes. */
    ballotsChangeable: boolean('ballots_changeable').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('estate_territory_idx').on(t.territoryId)],
);

/**
 * One owner as the law counts owners (最高人民法院《关于审理建筑物区分所有权纠纷案件具体应用法律若干问题的解释》
 * 第九条): a buyer holding several units is one owner; all units the developer has not sold or
 * delivered together are one owner (`isDeveloper`); co-owners of one unit are that unit's one owner.
 * Names and identity numbers are personal information: encrypted, masked, found by keyed hash.
 */
export const estateOwner = pgTable(
  'estate_owner',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estateId: uuid('estate_id').notNull().references(() => estate.id),
    isDeveloper: boolean('is_developer').notNull().default(false),
    /** The platform's person, when the owner is one: their account votes. */
    personId: uuid('person_id').references(() => person.id),
    nameEnc: text('name_enc').notNull(),
    nameMasked: text('name_masked').notNull(),
    /** Keyed hash of the identity number (or the developer's credit code): the same buyer is one owner. */
    identityHash: text('identity_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('estate_owner_identity_uq').on(t.estateId, t.identityHash),
    uniqueIndex('estate_owner_developer_uq').on(t.estateId).where(sql`is_developer`),
    index('estate_owner_person_idx').on(t.personId),
  ],
);

/**
 * An exclusive unit (专有部分) from the property register. Areas in hundredths of a square metre,
 * so sums and the 2/3, 3/4, 1/2 comparisons are exact integers. The area that counts is the
 * registered one, else the surveyed one, else the contract one.
 */
export const exclusiveUnit = pgTable(
  'exclusive_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estateId: uuid('estate_id').notNull().references(() => estate.id),
    ownerId: uuid('owner_id').notNull().references(() => estateOwner.id),
    householdId: uuid('household_id').references(() => household.id),
    /** Building and room as the register writes them (3号楼 1202室). */
    label: text('label').notNull(),
    registeredArea: bigint('registered_area', { mode: 'number' }),
    surveyedArea: bigint('surveyed_area', { mode: 'number' }),
    contractArea: bigint('contract_area', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('exclusive_unit_label_uq').on(t.estateId, t.label),
    index('exclusive_unit_owner_idx').on(t.ownerId),
    check('exclusive_unit_area_check', sql`coalesce(${t.registeredArea}, ${t.surveyedArea}, ${t.contractArea}) > 0`),
  ],
);

/** The matters of Civil Code art. 278 (items 1–9); items 6–8 need the higher, 3/4 majority. */
export const matterKinds = [
  'rules_of_procedure', // (一) 制定和修改业主大会议事规则
  'management_statute', // (二) 制定和修改管理规约
  'committee_election', // (三) 选举业主委员会或者更换业主委员会成员
  'property_service', // (四) 选聘和解聘物业服务企业或者其他管理人
  'use_maintenance_fund', // (五) 使用建筑物及其附属设施的维修资金
  'raise_maintenance_fund', // (六) 筹集建筑物及其附属设施的维修资金
  'rebuild', // (七) 改建、重建建筑物及其附属设施
  'common_use_change', // (八) 改变共有部分的用途或者利用共有部分从事经营活动
  'other_major', // (九) 有关共有和共同管理权利的其他重大事项
] as const;
export type MatterKind = (typeof matterKinds)[number];

/** A matter put to the owners' vote. `result` keeps the tally with every figure when it closes. */
export const voteMatter = pgTable(
  'vote_matter',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    estateId: uuid('estate_id').notNull().references(() => estate.id),
    kind: text('kind').$type<MatterKind>().notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').$type<'draft' | 'open' | 'closed'>().notNull().default('draft'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    result: jsonb('result').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by').references(() => account.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('vote_matter_estate_idx').on(t.estateId, t.createdAt),
    // The closing timer's every-minute look for open matters past their closing time.
    index('vote_matter_due_idx').on(t.closesAt).where(sql`state = 'open'`),
    check('vote_matter_kind_check', sql`${t.kind} in ('rules_of_procedure','management_statute','committee_election','property_service','use_maintenance_fund','raise_maintenance_fund','rebuild','common_use_change','other_major')`),
  ],
);

/**
 * One ballot per owner per matter (the unique index makes a double submission one ballot). The
 * receipt code lets an owner check their ballot was counted without showing anyone else's. The
 * code itself is never stored readable: a keyed hash finds the ballot from a code, and only the
 * server's key opens the copy kept for the owner, so a reader of the database alone cannot tell
 * which ballot a code someone shows belongs to.
 */
export const ballot = pgTable(
  'ballot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    matterId: uuid('matter_id').notNull().references(() => voteMatter.id),
    ownerId: uuid('owner_id').notNull().references(() => estateOwner.id),
    choice: text('choice').$type<'for' | 'against' | 'abstain'>().notNull(),
    /** HMAC of the receipt code with the server's key (`receiptHash()` in the voting module). */
    receiptHash: text('receipt_hash'),
    /** The receipt code encrypted with the server's key, shown again only to the ballot's owner. */
    receiptEnc: text('receipt_enc'),
    /** A code stored readable before receipts were sealed; the voting timer seals and empties it. */
    legacyReceipt: text('receipt'),
    castBy: uuid('cast_by').references(() => account.id),
    changes: integer('changes').notNull().default(0),
    castAt: timestamp('cast_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ballot_owner_uq').on(t.matterId, t.ownerId),
    uniqueIndex('ballot_receipt_hash_uq').on(t.receiptHash),
    index('ballot_legacy_receipt_idx').on(t.legacyReceipt).where(sql`receipt is not null`),
    check('ballot_receipt_check', sql`receipt_hash is not null or receipt is not null`),
    check('ballot_choice_check', sql`${t.choice} in ('for','against','abstain')`),
  ],
);
