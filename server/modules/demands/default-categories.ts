import type { Db } from '../../db/client.ts';
import { type HandlerKind, demandCategory } from '../../db/schema/demands.ts';

interface CategorySeed {
  code: string;
  name: string;
  groupName: string;
  defaultHandler: HandlerKind;
  deadlineDays: number;
  keywords: string;
  description: string;
}

/** What residents of a Shanghai district ask about most, each with who handles it and in how many working days. */
export const defaultCategories: CategorySeed[] = [
  { code: 'elevator', name: '电梯故障', groupName: '物业管理', defaultHandler: 'property_company', deadlineDays: 2, keywords: '电梯,困人,停运', description: '电梯停运、困人、异响等' },
  { code: 'water-leak', name: '漏水渗水', groupName: '物业管理', defaultHandler: 'property_company', deadlineDays: 3, keywords: '漏水,渗水,水管', description: '屋顶、外墙、管道漏水渗水' },
  { code: 'property-service', name: '物业服务', groupName: '物业管理', defaultHandler: 'owners_committee', deadlineDays: 5, keywords: '物业,保安,保洁', description: '物业服务质量、收费、人员' },
  { code: 'garbage', name: '垃圾分类与清运', groupName: '市容环境', defaultHandler: 'residents_committee', deadlineDays: 2, keywords: '垃圾,分类,清运', description: '垃圾堆放、清运不及时、分类投放' },
  { code: 'greenery', name: '绿化养护', groupName: '市容环境', defaultHandler: 'property_company', deadlineDays: 5, keywords: '绿化,树木,草坪', description: '树木修剪、绿地毁损' },
  { code: 'parking', name: '停车秩序', groupName: '公共秩序', defaultHandler: 'residents_committee', deadlineDays: 5, keywords: '停车,车位,占道', description: '乱停车、车位不足、占用消防通道' },
  { code: 'noise', name: '噪音扰民', groupName: '公共秩序', defaultHandler: 'police_station', deadlineDays: 2, keywords: '噪音,装修,扰民', description: '装修、施工、娱乐噪音' },
  { code: 'safety', name: '安全隐患', groupName: '公共安全', defaultHandler: 'residents_committee', deadlineDays: 1, keywords: '安全,消防,隐患', description: '消防通道堵塞、电动车充电、高空坠物' },
  { code: 'road-facility', name: '道路与公共设施', groupName: '市政设施', defaultHandler: 'line_department', deadlineDays: 7, keywords: '道路,路灯,井盖', description: '路面破损、路灯不亮、井盖缺失' },
  { code: 'elderly-care', name: '为老服务', groupName: '民生服务', defaultHandler: 'residents_committee', deadlineDays: 5, keywords: '老人,助餐,养老', description: '助餐、助浴、独居老人关爱' },
  { code: 'neighbour-dispute', name: '邻里纠纷', groupName: '矛盾调解', defaultHandler: 'residents_committee', deadlineDays: 5, keywords: '纠纷,邻里,调解', description: '邻里之间的矛盾和纠纷' },
  { code: 'other', name: '其他', groupName: '其他', defaultHandler: 'residents_committee', deadlineDays: 5, keywords: '', description: '以上类别之外的诉求' },
];

/** Gives a district the default categories it lacks; its own changes are left alone. */
export async function ensureDefaultCategories(db: Db, districtId: string) {
  await db.insert(demandCategory)
    .values(defaultCategories.map((c, i) => ({ ...c, districtId, sortOrder: (i + 1) * 10 })))
    .onConflictDoNothing();
}
