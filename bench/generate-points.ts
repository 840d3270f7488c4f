import { sql } from 'drizzle-orm';
import type { Db } from '../server/db/client.ts';
import { rowsOf } from '../server/db/client.ts';
import { ensureDefaultRules } from '../server/modules/points/default-rules.ts';
import { bulk, stepper } from './bulk.ts';

/**
 * The points platform at district scale (issue 3): `members` of the generated people become
 * party members, each with the registration award, and the rest of `entries` ledger entries
 * spread over two years with a long tail (a few very active members, many occasional ones). The
 * running totals in points_balance are then summed from the ledger for every period an entry
 * counts towards — the rows awardPoints (server/modules/points/award.ts) would have left:
 * community, street and district of the member's home, the current rule and its points, one
 * entry per (source, member, rule), and balances for 'all', the year, quarter and month in
 * Asia/Shanghai. Everything is set-based SQL over generate_series.
 */
export interface PointsScale {
  members: number;
  entries: number;
}

export async function generatePoints(db: Db, districtId: string, scale: PointsScale) {
  await ensureDefaultRules(db, districtId);
  const [people] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from person`));
  const members = Math.min(scale.members, people!.n);
  const rest = Math.max(0, scale.entries - members);

  await bulk(db, async (tx) => {
    const step = stepper('points');
    await tx.execute(sql`update person set is_party_member = s.member
      from (select id, row_number() over (order by id) <= ${members} as member from person) s where s.id = person.id`);
    await tx.execute(sql`drop table if exists bench_member`);
    await tx.execute(sql`create unlogged table bench_member as
      select (row_number() over (order by p.id))::int as rn, p.id as person_id,
        split_part(t.path, '/', 2)::uuid as district_id, split_part(t.path, '/', 3)::uuid as street_id, split_part(t.path, '/', 4)::uuid as community_id
      from person p join territory t on t.id = p.territory_id where p.is_party_member`);
    await tx.execute(sql`create unique index on bench_member (rn)`);
    await tx.execute(sql`analyze bench_member`);
    step('members chosen');

    // Everyone registered once (50 points), on a day within the last two years.
    await tx.execute(sql`insert into points_entry (person_id, community_id, street_id, district_id, rule_id, rule_code, source_type, source_id, points, created_at)
      select m.person_id, m.community_id, m.street_id, m.district_id, r.id, r.code, 'member_registration', m.person_id::text, r.points::int,
        now() - make_interval(days => 30 + (m.rn * 37) % 700)
      from bench_member m join points_rule r on r.district_id = m.district_id and r.code = 'registration' and r.valid_to is null`);
    step('registrations');
    // The rest: 60 % activities, 30 % service hours (1–3 h), 10 % wishes; member drawn with a
    // power law over a scrambled index, time spread evenly over two years.
    await tx.execute(sql`insert into points_entry (person_id, community_id, street_id, district_id, rule_id, rule_code, source_type, source_id, points, created_at)
      select m.person_id, m.community_id, m.street_id, m.district_id, r.id, r.code, 'bench', g::text,
        (case when r.code = 'service_hour' then r.points * (1 + g % 3) else r.points end)::int,
        now() - make_interval(secs => ((g::bigint * 7919) % (730 * 86400))::double precision)
      from generate_series(1, ${rest}) g
      join bench_member m on m.rn = 1 + least(${members - 1}, floor(${members} * power(((g::bigint * 2654435761) % 1000003) / 1000003.0, 1.6))::int)
      join points_rule r on r.district_id = m.district_id and r.valid_to is null
        and r.code = (case when g % 10 < 6 then 'activity' when g % 10 < 9 then 'service_hour' else 'wish' end)`);
    step('ledger entries');
    await tx.execute(sql`insert into points_balance (person_id, period, community_id, street_id, district_id, points)
      select e.person_id, p.period, e.community_id, e.street_id, e.district_id, sum(e.points)::int
      from points_entry e cross join lateral (values
        ('all'),
        (to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY')),
        (to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY-"Q"Q')),
        (to_char(e.created_at at time zone 'Asia/Shanghai', 'YYYY-MM'))) p(period)
      group by e.person_id, p.period, e.community_id, e.street_id, e.district_id`);
    step('balances');
    // The members per node and period, as the award keeps them beside the balances.
    await tx.execute(sql`insert into points_node_total (node_id, period, members)
      select node_id, period, count(*)::int from (
        select district_id as node_id, period from points_balance
        union all select street_id, period from points_balance
        union all select community_id, period from points_balance) n
      group by node_id, period
      on conflict (node_id, period) do update set members = points_node_total.members + excluded.members`);
    step('members per node');
    await tx.execute(sql`drop table bench_member`);
  });
  const [c] = rowsOf<{ entries: number; balances: number }>(await db.execute(sql`select
    (select count(*) from points_entry)::int as entries, (select count(*) from points_balance)::int as balances`));
  return { partyMembers: members, pointsEntries: c!.entries, pointsBalances: c!.balances };
}

/** A member halfway down the largest street's all-time ranking: a typical "my rank" caller. */
export async function middleMember(db: Db, streetId: string) {
  const [m] = rowsOf<{ personId: string; communityId: string }>(await db.execute(sql`
    select person_id as "personId", community_id as "communityId" from points_balance
    where street_id = ${streetId} and period = 'all'
    order by points desc, person_id
    offset (select count(*) / 2 from points_balance where street_id = ${streetId} and period = 'all') limit 1`));
  if (!m) throw new Error('no party member with points in the street');
  return m;
}
