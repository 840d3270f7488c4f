import { and, asc, between, eq } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import { type Actor, grantsFor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { workCalendar } from '../../db/schema/demands.ts';
import { idsOfPath } from '../territory/rules.ts';
import './messages.ts';

/**
 * The district a caller works on under a permission: the one asked for if their grants reach
 * into it (404 otherwise), else the district of their first such grant.
 */
export function districtOf(actor: Actor, permission: string, asked?: string): string {
  const districts = [...new Set(grantsFor(actor, permission).map((g) => idsOfPath(g.path)[0]!))];
  const id = asked ?? districts[0];
  if (!id || !districts.includes(id)) throw notFound('district', asked ?? '');
  return id;
}

/** The district's exceptions to Monday–Friday in one year, in day order. */
export function listCalendar(db: Db, districtId: string, year: number) {
  return db.select({ day: workCalendar.day, kind: workCalendar.kind, name: workCalendar.name }).from(workCalendar)
    .where(and(eq(workCalendar.districtId, districtId), between(workCalendar.day, `${year}-01-01`, `${year}-12-31`)))
    .orderBy(asc(workCalendar.day));
}
