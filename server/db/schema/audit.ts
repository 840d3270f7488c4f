import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained: each record's `hash` covers its content and the previous hash, so
 * an edited or deleted record breaks the chain from that point (see core/audit.ts).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    accountId: uuid('account_id'),
    actor: text('actor').notNull(),
    role: text('role'),
    ip: text('ip'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    territoryId: uuid('territory_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_actor_idx').on(t.actor),
    index('audit_action_idx').on(t.action),
    index('audit_territory_idx').on(t.territoryId),
  ],
);

export const importReport = pgTable('import_report', {
  id: uuid('id').primaryKey().defaultRandom(),
  accountId: uuid('account_id').notNull(),
  kind: text('kind').notNull(),
  errors: jsonb('errors').$type<{ row: number; column: string; message: string }[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
