import { sql } from 'drizzle-orm';
import { type Actor, scope } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { activity, activitySignup, memberRegistration, person, pointsEntry, territory } from '../../db/schema/index.ts';
import { periodStart, periodsOf } from '../points/periods.ts';
import { nodeInSight } from '../territory/queries.ts';

interface Row { id: string; name: string; kind: string; party_members: number; registered: number; active_month: number; active_quarter: number }

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);

/**
 * The figures the study says were missing, per child of a node: party members living there,
 * members registered with its communities, and how many of those were active this month and
 * quarter (a check-in at an activity or any points entry). One query for the whole view.
 */
export async function registrationStats(db: Db, actor: Actor, territoryId: string, now = new Date()) {
  const node = await nodeInSight(db, actor, 'registration.stats', territoryId);
  const month = periodStart('month', now).toISOString();
  const quarter = periodStart('quarter', now).toISOString();
  const active = (since: string) => sql`(exists (select 1 from ${activitySignup} s join ${activity} a on a.id = s.activity_id
      where s.person_id = r.person_id and s.state in ('checked_in', 'checked_out') and coalesce(s.checked_in_at, a.starts_at) >= ${since})
    or exists (select 1 from ${pointsEntry} e where e.person_id = r.person_id and e.created_at >= ${since}))`;
  const res = await db.execute(sql`
    select k.id, k.name, k.kind,
      (select count(*)::int from ${person} p join ${territory} t on t.id = p.territory_id
        where p.is_party_member and t.path like k.path || '%') as party_members,
      coalesce(reg.registered, 0) as registered, coalesce(reg.active_month, 0) as active_month, coalesce(reg.active_quarter, 0) as active_quarter
    from ${territory} k
    left join lateral (
      select count(*)::int as registered,
        count(*) filter (where ${active(month)})::int as active_month,
        count(*) filter (where ${active(quarter)})::int as active_quarter
      from ${memberRegistration} r join ${territory} c on c.id = r.community_id
      where r.state = 'confirmed' and c.path like k.path || '%'
    ) reg on true
    where k.parent_id = ${node.id} and not k.retired and ${scope(actor, 'registration.stats', sql`k.path`)}
    order by k.code nulls last, k.name`);
  const rows = (res as unknown as { rows: Row[] }).rows;
  const [, , quarterName, monthName] = periodsOf(now);
  return {
    node: { id: node.id, name: node.name, kind: node.kind },
    month: monthName!, quarter: quarterName!,
    rows: rows.map((r) => ({
      node: { id: r.id, name: r.name, kind: r.kind },
      partyMembers: r.party_members, registered: r.registered, activeMonth: r.active_month, activeQuarter: r.active_quarter,
      registeredRate: rate(r.registered, r.party_members), activeMonthRate: rate(r.active_month, r.registered), activeQuarterRate: rate(r.active_quarter, r.registered),
    })),
  };
}
