import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { account } from './accounts.ts';

/**
 * An in-app notice to one account: a demand's step, a reminder, a meeting's notice. The portal and
 * the console show the unread ones; reading marks them.
 */
export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    accountId: uuid('account_id').notNull().references(() => account.id),
    /** What it is about, as an i18n key the web renders with `params` (demand.accepted …). */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Where a tap leads in the web app (/m/demands/… or /console/demands/…). */
    link: text('link'),
    params: jsonb('params').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notification_account_idx').on(t.accountId, t.id)],
);

/**
 * Messages for channels outside the platform (SMS, WeChat), written in the same transaction as the
 * change they announce. A delivery worker drains it later with `for update skip locked`; which
 * adapters exist is configuration.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').$type<'sms' | 'wechat'>().notNull(),
    /** Encrypted recipient address (a phone number is personal information). */
    recipientEnc: text('recipient_enc').notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`sent_at is null`)],
);
