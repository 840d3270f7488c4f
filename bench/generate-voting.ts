import { sql } from 'drizzle-orm';
import type { Pii } from '../server/core/pii.ts';
import { type Db, rowsOf } from '../server/db/client.ts';
import { bulk } from './bulk.ts';

export interface VotingScale {
  units: number;
  /** Share of owners who have voted so far (the tally is read while the vote runs). */
  turnout: number;
}

export const VOTING_SCALE: VotingScale = { units: 5_000, turnout: 0.6 };

/**
 * One large estate (issue 5) in a community of the given street, mid-vote: `units` exclusive units
 * with registered areas of 45–180 m²; every 10th buyer holds two units, 4 % of the units are the
 * developer's unsold ones (one owner together); a property-service matter open with `turnout` of
 * the owners' ballots cast (60 % for, 25 % against, 15 % abstaining). Set-based SQL.
 */
export async function generateVoting(db: Db, pii: Pii, communityId: string, districtId: string, scale: VotingScale = VOTING_SCALE) {
  const name = pii.encrypt('业主');
  let matterId = '';
  await bulk(db, async (tx) => {
    const [estate] = rowsOf<{ id: string }>(await tx.execute(sql`
      insert into estate (district_id, territory_id, name) values (${districtId}, ${communityId}, '基准测试苑') returning id`));
    const developerUnits = Math.round(scale.units * 0.04);
    const buyerUnits = scale.units - developerUnits;
    // Buyers: unit i belongs to buyer i, except every 10th unit which goes to the buyer before it.
    await tx.execute(sql`
      insert into estate_owner (estate_id, is_developer, name_enc, name_masked, identity_hash)
      select ${estate!.id}::uuid, false, ${name}, '业*', 'bench-owner-' || g from generate_series(1, ${buyerUnits}) g where g % 10 <> 0
      union all select ${estate!.id}::uuid, true, ${name}, '开发商', 'bench-developer'`);
    await tx.execute(sql`
      insert into exclusive_unit (estate_id, owner_id, label, registered_area)
      select ${estate!.id}::uuid, o.id, (1 + (g - 1) / 100) || '号楼' || (1 + (g - 1) % 100) || '室', 4500 + (hashtext('u' || g) & 1023) * 13
      from generate_series(1, ${buyerUnits}) g
      join estate_owner o on o.estate_id = ${estate!.id} and o.identity_hash = 'bench-owner-' || (case when g % 10 = 0 then g - 1 else g end)`);
    await tx.execute(sql`
      insert into exclusive_unit (estate_id, owner_id, label, registered_area)
      select ${estate!.id}::uuid, o.id, '未售' || g || '室', 9000 from generate_series(1, ${developerUnits}) g
      join estate_owner o on o.estate_id = ${estate!.id} and o.is_developer`);
    const [matter] = rowsOf<{ id: string }>(await tx.execute(sql`
      insert into vote_matter (estate_id, kind, title, state, opens_at) values (${estate!.id}, 'property_service', '续聘物业服务企业', 'open', now()) returning id`));
    matterId = matter!.id;
    await tx.execute(sql`
      insert into ballot (matter_id, owner_id, choice, receipt)
      select ${matterId}::uuid, o.id,
        case when r < 60 then 'for' when r < 85 then 'against' else 'abstain' end,
        'B' || substr(md5(o.id::text), 1, 9)
      from (select id, abs(hashtext(id::text)) % 100 as r, abs(hashtext('t' || id::text)) % 1000 as pick from estate_owner where estate_id = ${estate!.id}) o
      where o.pick < ${Math.round(scale.turnout * 1000)}`);
  });
  const [counts] = rowsOf<{ owners: number; units: number; ballots: number }>(await db.execute(sql`
    select (select count(*) from estate_owner o join vote_matter m on m.estate_id = o.estate_id where m.id = ${matterId})::int as owners,
      (select count(*) from exclusive_unit u join vote_matter m on m.estate_id = u.estate_id where m.id = ${matterId})::int as units,
      (select count(*) from ballot where matter_id = ${matterId})::int as ballots`));
  return { matterId, ...counts! };
}
