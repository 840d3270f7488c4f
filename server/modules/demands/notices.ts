import { and, eq } from 'drizzle-orm';
import type { Pii } from '../../core/pii.ts';
import type { Db } from '../../db/client.ts';
import type { Role } from '../../db/schema/accounts.ts';
import { account } from '../../db/schema/accounts.ts';
import type { DemandLevel, demand } from '../../db/schema/demands.ts';
import { person } from '../../db/schema/people.ts';
import { accountsCovering, enqueueOutside, notify } from '../notifications/notify.ts';

type Demand = typeof demand.$inferSelect;

/** Who is told when a demand needs work at each level. */
const WORKERS_BY_LEVEL: Record<DemandLevel, readonly Role[]> = {
  community: ['community_worker', 'community_secretary', 'grid_worker'],
  street: ['street_admin'],
  district: ['district_admin'],
};

/** The phone an SMS about the demand goes to: the contact's, else the reporter's own on file. */
async function phoneFor(tx: Db, pii: Pii, d: Demand): Promise<string | null> {
  if (d.contactPhoneEnc) return pii.decrypt(d.contactPhoneEnc);
  if (!d.reporterPersonId) return null;
  const [p] = await tx.select({ phoneEnc: person.phoneEnc }).from(person).where(eq(person.id, d.reporterPersonId));
  return p?.phoneEnc ? pii.decrypt(p.phoneEnc) : null;
}

/**
 * Tells the resident about a step of their demand: in-app to the accounts of the reporting person,
 * and — for the steps that matter most (accepted, rejected, resolved) — an SMS through the outbox.
 */
export async function tellReporter(tx: Db, pii: Pii, d: Demand, kind: string, title: string, opts: { sms?: boolean; params?: Record<string, unknown> } = {}) {
  const params = { no: d.no, demandId: d.id, ...opts.params };
  if (d.reporterPersonId) {
    const accounts = await tx.select({ id: account.id }).from(account).where(and(eq(account.personId, d.reporterPersonId), eq(account.disabled, false)));
    await notify(tx, accounts.map((a) => a.id), { kind, title, link: `/m/demands/${d.id}`, params });
  }
  if (opts.sms) {
    const phone = await phoneFor(tx, pii, d);
    if (phone) await enqueueOutside(tx, pii, 'sms', phone, kind, params);
  }
}

/**
 * Tells whoever holds the demand at its level that it needs work (a reminder, an escalation, a
 * reopening); `params` carry what the notice's sentence names besides the number and the title.
 */
export async function tellHolders(tx: Db, d: Demand, kind: string, title: string, opts: { params?: Record<string, unknown>; exceptAccountId?: string } = {}) {
  const ids = await accountsCovering(tx, d.path, WORKERS_BY_LEVEL[d.level]);
  await notify(tx, ids.filter((id) => id !== opts.exceptAccountId), {
    kind, title, link: `/console/demands/${d.id}`, params: { no: d.no, demandId: d.id, title: d.title, ...opts.params },
  });
}
