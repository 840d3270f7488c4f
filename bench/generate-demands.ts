import { sql } from 'drizzle-orm';
import type { Pii } from '../server/core/pii.ts';
import { type Db, rowsOf } from '../server/db/client.ts';
import { defaultCategories, ensureDefaultCategories } from '../server/modules/demands/default-categories.ts';
import { bulk, stepper } from './bulk.ts';

/**
 * Residents' demands at district scale (issue 4), in set-based SQL over generate_series:
 * - places: a building, drawn with a power law over the district's buildings in scrambled order,
 *   so some communities ask far more than others (as busy old estates do);
 * - categories in the proportions a Shanghai street sees (garbage, parking and property most);
 * - time spread evenly over two years; states by age: older ones mostly closed (some rejected or
 *   merged), the last 30 days spread over the whole lifecycle, with deadlines from the category
 *   (so some open ones are overdue);
 * - terms: one word of the category and two of a general vocabulary, as termsOf would cut them;
 * - a public `resolve` step for the resolved ones of the last 120 days (the Open311 list and the
 *   public list read the last one).
 */
const CATEGORY_WORDS: Record<string, string[]> = {
  elevator: ['电梯', '困人', '停运', '故障'],
  'water-leak': ['漏水', '渗水', '水管', '屋顶'],
  'property-service': ['物业', '保安', '收费', '服务'],
  garbage: ['垃圾', '分类', '清运', '异味'],
  greenery: ['绿化', '树木', '草坪', '修剪'],
  parking: ['停车', '车位', '占道', '停车位'],
  noise: ['噪音', '装修', '施工', '广场舞'],
  safety: ['消防', '隐患', '充电', '通道'],
  'road-facility': ['道路', '路灯', '井盖', '破损'],
  'elderly-care': ['老人', '助餐', '养老', '独居'],
  'neighbour-dispute': ['纠纷', '邻里', '调解', '矛盾'],
  other: ['建议', '咨询', '投诉', '其他'],
};
/** Share of each category, in percent, in the order of defaultCategories. */
const SHARE: Record<string, number> = {
  elevator: 7, 'water-leak': 10, 'property-service': 12, garbage: 14, greenery: 5, parking: 14, noise: 10, safety: 6,
  'road-facility': 7, 'elderly-care': 5, 'neighbour-dispute': 5, other: 5,
};
const GENERAL = ['楼道', '门口', '晚上', '老人', '孩子', '门禁', '快递', '宠物', '共享', '单车', '监控', '台阶', '地面', '墙面', '窗户',
  '雨天', '夏天', '冬天', '周末', '早上', '下水道', '污水', '健身', '器材', '围墙', '大门', '信箱', '路面', '花坛', '凉亭',
  '车库', '地下室', '楼顶', '阳台', '空调', '外机', '油烟', '烟雾', '灯光', '广告'];

export async function generateDemands(db: Db, pii: Pii, districtId: string, demands: number) {
  await ensureDefaultCategories(db, districtId);
  const order = defaultCategories.map((c) => c.code);
  const pick: number[] = [];
  order.forEach((code, i) => {
    for (let k = 0; k < SHARE[code]!; k++) pick.push(i);
  });
  const words = order.flatMap((code) => CATEGORY_WORDS[code]!);
  const nameCipher = pii.encrypt('王建国');
  const phoneCipher = pii.encrypt('13800000000');
  const arr = (xs: (string | number)[]) => `{${xs.map((x) => (typeof x === 'number' ? x : `"${x}"`)).join(',')}}`;

  await bulk(db, async (tx) => {
    const step = stepper('demands');
    await tx.execute(sql`drop table if exists bench_building`);
    await tx.execute(sql`create unlogged table bench_building as
      select (row_number() over (order by md5(id::text)))::int as rn, id, path, parent_id as grid_id,
        split_part(path, '/', 2)::uuid as district_id, split_part(path, '/', 3)::uuid as street_id, split_part(path, '/', 4)::uuid as community_id
      from territory where kind = 'building' and path like ${`/${districtId}/%`}`);
    await tx.execute(sql`create unique index on bench_building (rn)`);
    await tx.execute(sql`analyze bench_building`);
    const [{ n: buildings }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from bench_building`)) as [{ n: number }];
    await tx.execute(sql`drop table if exists bench_category`);
    await tx.execute(sql`create unlogged table bench_category as
      select (array_position(${arr(order)}::text[], code) - 1) as ci, id, code, name, default_handler, deadline_days
      from demand_category where district_id = ${districtId}`);

    await tx.execute(sql`insert into demand (no, district_id, street_id, community_id, grid_id, territory_id, path, category_id, channel,
        title, description, terms, contact_name_enc, contact_name_masked, contact_phone_enc, contact_phone_masked,
        state, level, handler_kind, due_at, escalated_at, rating, accepted_at, resolved_at, closed_at, on_time, created_at, updated_at)
      select 'SQB' || lpad(x.g::text, 9, '0'), b.district_id, b.street_id, b.community_id, b.grid_id, b.id, b.path, c.id,
        (${arr(['portal', 'portal', 'portal', 'portal', 'grid_visit', 'grid_visit', 'phone', 'hotline_12345', 'hotline_12345', 'deputy_reception'])}::text[])[1 + x.g % 10],
        c.name || '：' || x.cw || x.w1, '居民反映' || x.cw || '，' || x.w1 || '，' || x.w2 || '，请尽快处理。',
        array[x.cw, x.w1, x.w2],
        case when x.g % 2 = 0 then ${nameCipher} end, case when x.g % 2 = 0 then '王*国' end,
        case when x.g % 2 = 0 then ${phoneCipher} end, case when x.g % 2 = 0 then '138****0000' end,
        x.state, case when x.g % 33 = 0 then 'street' else 'community' end, c.default_handler,
        case when x.state not in ('submitted', 'rejected', 'merged') then x.at + make_interval(days => c.deadline_days * 7 / 5 + 1) end,
        case when x.g % 33 = 0 then x.at + interval '3 days' end,
        case when x.state = 'closed' then (${arr(['satisfied', 'satisfied', 'satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'])}::text[])[1 + x.g % 6] end,
        case when x.state not in ('submitted', 'rejected', 'merged') then x.at + interval '2 hours' end,
        case when x.state in ('resolved', 'closed') then x.at + make_interval(secs => (c.deadline_days * 1.6 * 86400 * x.u2)::double precision) end,
        case when x.state = 'closed' then x.at + make_interval(secs => (c.deadline_days * 1.6 * 86400 * x.u2)::double precision) + interval '3 days' end,
        case when x.state in ('resolved', 'closed') then c.deadline_days * 1.6 * x.u2 <= c.deadline_days * 7 / 5 + 1 end,
        x.at, x.at
      from (
        select g, at, u1, u2,
          (${arr(words)}::text[])[1 + (${arr(pick)}::int[])[1 + g % 100] * 4 + (g / 100) % 4] as cw,
          (${arr(GENERAL)}::text[])[1 + (g * 13) % ${GENERAL.length}] as w1,
          (${arr(GENERAL)}::text[])[1 + ((g * 13) % ${GENERAL.length} + 1 + (g / ${GENERAL.length}) % ${GENERAL.length - 1}) % ${GENERAL.length}] as w2,
          (${arr(pick)}::int[])[1 + g % 100] as ci,
          case when at < now() - interval '30 days' then
            (${arr([...Array(80).fill('closed'), ...Array(6).fill('resolved'), ...Array(8).fill('rejected'), ...Array(6).fill('merged')])}::text[])[1 + (g * 7) % 100]
          else
            (${arr([...Array(15).fill('submitted'), ...Array(20).fill('accepted'), ...Array(15).fill('assigned'), ...Array(20).fill('in_progress'), ...Array(20).fill('resolved'), ...Array(10).fill('closed')])}::text[])[1 + (g * 7) % 100]
          end as state
        from (
          select g, ((g::bigint * 2654435761) % 1000003) / 1000003.0 as u1, ((g::bigint * 40503) % 65537) / 65537.0 as u2,
            now() - make_interval(secs => ((g::bigint * 7919) % (730 * 86400))::double precision) as at
          from generate_series(1, ${demands}) g
        ) s
      ) x
      join bench_building b on b.rn = 1 + least(${buildings - 1}, floor(${buildings} * power(x.u1, 1.4))::int)
      join bench_category c on c.ci = x.ci`);
    step('demands');
    await tx.execute(sql`insert into demand_event (demand_id, action, from_state, to_state, actor_name, note, public, at)
      select id, 'resolve', 'in_progress', 'resolved', '物业公司', '已派人处理完毕，现场已恢复。', true, resolved_at
      from demand where resolved_at is not null and created_at > now() - interval '120 days'`);
    step('resolve steps');
    await tx.execute(sql`drop table bench_building`);
    await tx.execute(sql`drop table bench_category`);
  });
  const [c] = rowsOf<{ demands: number; events: number }>(await db.execute(sql`select
    (select count(*) from demand)::int as demands, (select count(*) from demand_event)::int as events`));
  return { demands: c!.demands, demandEvents: c!.events };
}
