import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const territoryKinds = [
  'district', 'subdistrict', 'town', 'zone', 'neighborhood', 'village', 'area', 'grid', 'building',
] as const;
export type TerritoryKind = (typeof territoryKinds)[number];

/**
 * One tree for the whole district. `path` is the chain of ids from the root ("/a/b/c/"), so a
 * subtree is one indexed prefix scan and a scope check is a string prefix test.
 */
export const territory = pgTable(
  'territory',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    code: text('code').unique(),
    name: text('name').notNull(),
    kind: text('kind').$type<TerritoryKind>().notNull(),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    retired: boolean('retired').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('territory_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('territory_parent_idx').on(t.parentId),
    index('territory_name_idx').on(t.name),
    check('territory_kind_check', sql`${t.kind} in ('district','subdistrict','town','zone','neighborhood','village','area','grid','building')`),
  ],
);
