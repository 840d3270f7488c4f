/**
 * The columns of a roster file. Headers are Chinese because the files are made and read by
 * community workers in Excel; error reports name a column by the same header.
 */
export const rosterKinds = ['people', 'party_members'] as const;
export type RosterKind = (typeof rosterKinds)[number];

export type ColumnKey = 'name' | 'idNumber' | 'phone' | 'nodeCode' | 'building' | 'room' | 'relation' | 'joinedPartyOn' | 'partyOrg';

export interface RosterColumn {
  key: ColumnKey;
  header: string;
  required: boolean;
  /** Formatted as text in the template, so Excel keeps 18-digit numbers and leading zeros. */
  text: boolean;
  width: number;
  /** What to write in the column, for the instructions sheet. */
  note: string;
}

const peopleColumns: RosterColumn[] = [
  { key: 'name', header: '姓名', required: true, text: false, width: 12, note: '居民姓名，不超过 32 个字。' },
  { key: 'idNumber', header: '身份证号', required: true, text: true, width: 22, note: '18 位居民身份证号，末位校验码须正确（X 大小写均可）。已登记的身份证号会更新原记录，不会重复登记。' },
  { key: 'phone', header: '手机号', required: false, text: true, width: 15, note: '11 位中国大陆手机号，可带 +86。' },
  { key: 'nodeCode', header: '所属节点编码', required: true, text: true, width: 18, note: '楼栋、网格或社区（村）的编码，须在您的管辖范围内。' },
  { key: 'building', header: '楼栋', required: false, text: true, width: 14, note: '楼栋没有编码时填写楼栋名称（如“3号楼”），系统在所属节点编码对应的节点下查找该楼栋。' },
  { key: 'room', header: '房号', required: false, text: true, width: 10, note: '如 302；同一楼栋同一房号的居民归为一户。' },
  { key: 'relation', header: '与户主关系', required: false, text: false, width: 12, note: '如 户主、配偶、子女，不超过 16 个字。' },
];

const partyColumns: RosterColumn[] = [
  { key: 'joinedPartyOn', header: '入党日期', required: true, text: true, width: 14, note: '格式 YYYY-MM-DD，如 1998-07-01。' },
  { key: 'partyOrg', header: '所属党组织', required: true, text: false, width: 26, note: '党组织全称，须是您管辖范围内已登记的党委、党总支、党支部或党小组。' },
];

export function columnsOf(kind: RosterKind): RosterColumn[] {
  return kind === 'party_members' ? [...peopleColumns, ...partyColumns] : peopleColumns;
}

export const MAX_IMPORT_ROWS = 50_000;
