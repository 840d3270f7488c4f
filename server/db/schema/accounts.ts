import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { person } from './people.ts';
import { territory } from './territory.ts';

export const roles = [
  'resident', 'party_member', 'grid_worker', 'community_worker', 'community_secretary',
  'street_admin', 'district_admin', 'unit_liaison', 'deputy', 'sysadmin', 'secadmin', 'auditor',
] as const;
export type Role = (typeof roles)[number];

export const account = pgTable('account', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  personId: uuid('person_id').references(() => person.id),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(true),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  totpSecretEnc: text('totp_secret_enc'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  totpRequired: boolean('totp_required').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const grant = pgTable(
  'grant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id').notNull().references(() => account.id),
    role: text('role').$type<Role>().notNull(),
    territoryId: uuid('territory_id').notNull().references(() => territory.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('grant_account_idx').on(t.accountId),
    check('grant_role_check', sql`${t.role} in ('resident','party_member','grid_worker','community_worker','community_secretary','street_admin','district_admin','unit_liaison','deputy','sysadmin','secadmin','auditor')`),
  ],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => account.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
  },
  (t) => [index('session_account_idx').on(t.accountId)],
);
