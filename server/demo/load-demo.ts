import { count, eq, inArray } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../core/context.ts';
import type { Db } from '../db/client.ts';
import type { Role } from '../db/schema/accounts.ts';
import { person } from '../db/schema/people.ts';
import { territory } from '../db/schema/territory.ts';
import { ensureDemoOpen311Key } from '../modules/open311/demo-key.ts';
import { ensureDefaultRules } from '../modules/points/default-rules.ts';
import { importTerritories } from '../modules/territory/actions/import-territories.ts';
import { loadActivitiesDemo } from './activities-demo.ts';
import { loadDemandsDemo } from './demands-demo.ts';
import { loadVotingDemo } from './voting-demo.ts';
import { loadMeetingsDemo } from './meetings-demo.ts';
import { loadResolutionsDemo } from './resolutions-demo.ts';
import { loadChartersMediationDemo } from './charters-mediation-demo.ts';
import { type Node, makeAccount, makeBody, makeHousehold, makeMember, makeNode, makePerson, setSerial } from './factories.ts';
import { chineseName, seeded, type Random } from './random.ts';

export const DEMO_PASSWORD = 'Gongzhi@2026';
export const DIVISIONS_CSV = fileURLToPath(new URL('./data/songjiang-310117-divisions.csv', import.meta.url));

/** The communities the demo fills with people: three urban (two subdistricts), two rural (two towns). */
const DEMO_COMMUNITIES = [
  { code: '310117001001', estate: '龙潭苑' },
  { code: '310117001002', estate: '醉白池小区' },
  { code: '310117002003', estate: '秀南新村' },
  { code: '310117109201', estate: null },
  { code: '310117120202', estate: null },
] as const;

export const DEMO_ACCOUNTS: { username: string; role: Role; label: string }[] = [
  { username: 'demo-district', role: 'district_admin', label: '松江区 区级管理员' },
  { username: 'demo-street', role: 'street_admin', label: '岳阳街道 街镇干部' },
  { username: 'demo-secretary', role: 'community_secretary', label: '龙潭社区 书记' },
  { username: 'demo-grid', role: 'grid_worker', label: '龙潭社区第1网格 网格员' },
  { username: 'demo-worker', role: 'community_worker', label: '龙潭社区 社工' },
  { username: 'demo-deputy', role: 'deputy', label: '龙潭社区 人大代表' },
  { username: 'demo-member', role: 'party_member', label: '龙潭社区 党员' },
  { username: 'demo-resident', role: 'resident', label: '龙潭社区 居民' },
  { username: 'demo-unit', role: 'unit_liaison', label: '驻区单位 联络员' },
  { username: 'demo-sysadmin', role: 'sysadmin', label: '系统管理员' },
  { username: 'demo-secadmin', role: 'secadmin', label: '安全管理员' },
  { username: 'demo-auditor', role: 'auditor', label: '安全审计员' },
];

/** Loads the demo district into an empty database; returns false when data is already there. */
export async function loadDemo(ctx: AppContext): Promise<boolean> {
  const [{ n }] = (await ctx.db.select({ n: count() }).from(territory)) as [{ n: number }];
  if (n > 0) return false;
  await ctx.db.transaction(async (tx) => {
    await importTerritories(tx, { system: 'demo-loader' }, readFileSync(DIVISIONS_CSV, 'utf8'), { scopePaths: null, locale: 'zh-CN' });
    const [{ n: people }] = (await tx.select({ n: count() }).from(person)) as [{ n: number }];
    setSerial(people);
    await populate(tx, ctx);
  });
  return true;
}

async function byCode(db: Db, codes: string[]) {
  const rows = await db.select().from(territory).where(inArray(territory.code, codes));
  return new Map(rows.map((r) => [r.code!, r]));
}

async function populate(db: Db, ctx: AppContext) {
  const r = seeded(310117);
  const [district] = await db.select().from(territory).where(eq(territory.code, '310117'));
  await makeBody(db, district!, 'party_committee', '中共上海市松江区委员会');
  await ensureDefaultRules(db, district!.id);
  await ensureDemoOpen311Key(db);
  const streets = await db.select().from(territory).where(eq(territory.parentId, district!.id));
  for (const s of streets) {
    await makeBody(db, s, s.kind === 'town' ? 'party_committee' : 'party_working_committee', `中共${s.name}${s.kind === 'town' ? '委员会' : '工作委员会'}`);
    await makeBody(db, s, 'police_station', `${s.name.replace(/街道|镇|区$/, '')}派出所`);
  }
  const nodes = await byCode(db, DEMO_COMMUNITIES.map((c) => c.code));
  const built: Community[] = [];
  for (const c of DEMO_COMMUNITIES) {
    const node = nodes.get(c.code);
    if (node) built.push(await buildCommunity(db, ctx, r, node, c.estate));
  }
  await makeDemoAccounts(db, ctx, district!, built);
  await loadActivitiesDemo(db);
  await loadDemandsDemo(db, ctx.pii);
  await loadVotingDemo(db, ctx.pii);
  await loadMeetingsDemo(db);
  await loadResolutionsDemo(db);
  await loadChartersMediationDemo(db, ctx.pii);
}

interface Community {
  node: Node;
  grids: Node[];
  partyOrgId: string;
  unitId: string;
  residents: (typeof person.$inferSelect)[];
  secretaryId: string;
}

const short = (name: string) => name.replace(/(社区)?(居委会|村委会)$/, '');

async function buildCommunity(db: Db, ctx: AppContext, r: Random, node: Node, estate: string | null): Promise<Community> {
  const rural = node.kind === 'village';
  const name = short(node.name);
  const partyOrg = await makeBody(db, node, 'party_general_branch', `中共${name}${rural ? '' : '居民区'}总支部委员会`);
  const committee = await makeBody(db, node, rural ? 'villagers_committee' : 'residents_committee', `${name}${rural ? '村民委员会' : '社区居民委员会'}`);
  const social = await makeBody(db, node, 'social_organization', `${name}睦邻志愿服务队`);
  const unit = await makeBody(db, node, 'resident_unit', `松江区${name}实验学校`);
  const owners = estate ? await makeBody(db, node, 'owners_committee', `${estate}业主委员会`) : null;
  const property = estate ? await makeBody(db, node, 'property_company', `上海${estate}物业管理有限公司`) : null;

  const grids: Node[] = [];
  const residents: (typeof person.$inferSelect)[] = [];
  const areas = rural ? [await makeNode(db, node, 'area', '东片区'), await makeNode(db, node, 'area', '西片区')] : [node];
  let gridNo = 0;
  for (const area of areas) {
    for (let g = 0; g < (rural ? 2 : 3); g++) {
      gridNo++;
      const grid = await makeNode(db, area, 'grid', `${name}第${gridNo}网格`, `${node.code}-G${gridNo}`);
      grids.push(grid);
      await makeBody(db, grid, 'party_branch', `${name}第${gridNo}网格党支部`);
      residents.push(...(await fillGrid(db, ctx, r, grid, rural, estate, gridNo, partyOrg.id)));
    }
  }
  const pick = () => residents[r.int(0, residents.length - 1)]!;
  const members = residents.filter((p) => p.isPartyMember);
  const secretary = members[0]!;
  await makeMember(db, partyOrg.id, secretary.id, 'secretary');
  await makeMember(db, partyOrg.id, members[1]!.id, 'deputy_secretary');
  for (const m of members.slice(2, 5)) await makeMember(db, partyOrg.id, m.id, 'committee_member');
  await makeMember(db, committee.id, secretary.id, 'director');
  await makeMember(db, committee.id, pick().id, 'deputy_director');
  await makeMember(db, social.id, pick().id, 'director');
  await makeMember(db, unit.id, pick().id, 'liaison');
  if (owners) {
    await makeMember(db, owners.id, pick().id, 'director');
    await makeMember(db, owners.id, pick().id, 'committee_member');
  }
  if (property) await makeMember(db, property.id, pick().id, 'manager');
  await makeMember(db, committee.id, pick().id, 'mediator');
  return { node, grids, partyOrgId: partyOrg.id, unitId: unit.id, residents, secretaryId: secretary.id };
}

const RELATIONS = ['户主', '配偶', '子女', '父母'];

async function fillGrid(db: Db, ctx: AppContext, r: Random, grid: Node, rural: boolean, estate: string | null, gridNo: number, partyOrgId: string) {
  const people: (typeof person.$inferSelect)[] = [];
  for (let b = 1; b <= 3; b++) {
    const buildingName = rural ? `${gridNo}组${b * 3}号宅基` : `${estate}${(gridNo - 1) * 3 + b}号楼`;
    const building = await makeNode(db, grid, 'building', buildingName);
    const rooms = rural ? ['1'] : ['101', '102', '201', '202', '301', '302'];
    for (const room of rooms) {
      const hh = await makeHousehold(db, building, room);
      const surname = chineseName(r)[0]!;
      const size = r.int(1, 3);
      for (let i = 0; i < size; i++) {
        const isPartyMember = r.next() < 0.15;
        const name = surname + chineseName(r).slice(1);
        people.push(await makePerson(db, ctx.pii, building, {
          name, householdId: hh.id, relation: RELATIONS[Math.min(i, 3)], random: r,
          isPartyMember, partyOrgId: isPartyMember ? partyOrgId : null,
        }));
      }
    }
  }
  return people;
}

async function makeDemoAccounts(db: Db, ctx: AppContext, district: Node, communities: Community[]) {
  const longtan = communities[0]!;
  const [yueyang] = await db.select().from(territory).where(eq(territory.code, '310117001'));
  const member = longtan.residents.find((p) => p.isPartyMember && p.id !== longtan.secretaryId)!;
  const resident = longtan.residents.find((p) => !p.isPartyMember)!;
  const gridWorker = await makePerson(db, ctx.pii, longtan.grids[0]!, { name: '陆晓峰', isPartyMember: true, partyOrgId: longtan.partyOrgId });
  const street = await makePerson(db, ctx.pii, longtan.grids[1]!, { name: '沈嘉怡' });
  const districtStaff = await makePerson(db, ctx.pii, longtan.grids[2]!, { name: '顾建华', isPartyMember: true, partyOrgId: longtan.partyOrgId });
  const worker = await makePerson(db, ctx.pii, longtan.grids[1]!, { name: '周雨桐' });
  const deputy = await makePerson(db, ctx.pii, longtan.grids[2]!, { name: '钱立新', isPartyMember: true, partyOrgId: longtan.partyOrgId });
  const liaison = longtan.residents.find((p) => p.id !== member.id && p.id !== resident.id && p.id !== longtan.secretaryId)!;
  await makeMember(db, longtan.unitId, liaison.id, 'liaison');
  const plan: Record<string, { personId?: string; territoryId: string }> = {
    'demo-district': { personId: districtStaff.id, territoryId: district.id },
    'demo-street': { personId: street.id, territoryId: yueyang!.id },
    'demo-secretary': { personId: longtan.secretaryId, territoryId: longtan.node.id },
    'demo-grid': { personId: gridWorker.id, territoryId: longtan.grids[0]!.id },
    'demo-worker': { personId: worker.id, territoryId: longtan.node.id },
    'demo-deputy': { personId: deputy.id, territoryId: longtan.node.id },
    'demo-member': { personId: member.id, territoryId: longtan.node.id },
    'demo-resident': { personId: resident.id, territoryId: longtan.node.id },
    'demo-unit': { personId: liaison.id, territoryId: longtan.node.id },
    'demo-sysadmin': { territoryId: district.id },
    'demo-secadmin': { territoryId: district.id },
    'demo-auditor': { territoryId: district.id },
  };
  const people = new Map([...communities.flatMap((c) => c.residents), gridWorker, street, districtStaff, worker, deputy].map((p) => [p.id, p.name]));
  for (const a of DEMO_ACCOUNTS) {
    const p = plan[a.username]!;
    await makeAccount(db, {
      username: a.username, displayName: p.personId ? people.get(p.personId)! : a.label, password: DEMO_PASSWORD,
      personId: p.personId ?? null, grants: [{ role: a.role, territoryId: p.territoryId }],
    });
  }
}
