import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { account } from '../../db/schema/accounts.ts';
import { notify } from '../notifications/notify.ts';

/** The live accounts of some people (a person may hold several). */
export async function accountsOfPeople(tx: Db, personIds: (string | null | undefined)[]): Promise<string[]> {
  const ids = [...new Set(personIds.filter((id): id is string => !!id))];
  if (!ids.length) return [];
  const rows = await tx.select({ id: account.id }).from(account).where(and(inArray(account.personId, ids), eq(account.disabled, false)));
  return rows.map((r) => r.id);
}

type Proposal = { id: string; title: string; proposedBy: string | null; proposerPersonId: string | null };

/** Tells whoever proposed an item what became of it: the person's accounts and the proposing account. */
export async function tellProposer(tx: Db, item: Proposal, kind: string, title: string, params: Record<string, unknown> = {}) {
  const accounts = [...(await accountsOfPeople(tx, [item.proposerPersonId])), item.proposedBy];
  await notify(tx, accounts, { kind, title, link: `/m/agenda/${item.id}`, params: { agendaItemId: item.id, title: item.title, ...params } });
}
