/** The demand fields a hotline order fills, each with the headers 12345 exports commonly use for it. */
export const importFields = [
  'externalNo', 'createdAt', 'categoryCode', 'categoryName', 'territoryCode', 'address', 'description', 'contactName', 'contactPhone',
] as const;
export type ImportField = (typeof importFields)[number];
export type Mapping = Partial<Record<ImportField, string>>;

/** Chinese labels: the column names of the error report and the texts of mapping errors. */
export const fieldLabels: Record<ImportField, string> = {
  externalNo: '工单编号', createdAt: '受理时间', categoryCode: '类别编码', categoryName: '诉求类别', territoryCode: '所属社区',
  address: '地址', description: '诉求内容', contactName: '联系人', contactPhone: '联系电话',
};

export const requiredFields: readonly ImportField[] = ['externalNo', 'description'];

/** Header names seen in hotline exports, best first; matched after removing spaces and a trailing *. */
const synonyms: Record<ImportField, string[]> = {
  externalNo: ['工单编号', '工单号', '工单编码', '热线工单号', '编号'],
  createdAt: ['受理时间', '来电时间', '登记时间', '创建时间', '派单时间', '时间'],
  categoryCode: ['类别编码', '诉求类别编码', '分类编码'],
  categoryName: ['诉求类别', '诉求分类', '问题类别', '问题分类', '类别', '分类'],
  territoryCode: ['所属社区', '社区编码', '所属网格', '网格编码', '所属社区/网格编码', '社区', '居委'],
  address: ['地址', '事发地址', '诉求地址', '详细地址', '发生地址'],
  description: ['诉求内容', '工单内容', '问题描述', '来电内容', '内容', '诉求'],
  contactName: ['联系人', '来电人', '诉求人', '姓名'],
  contactPhone: ['联系电话', '来电号码', '联系方式', '电话', '手机号'],
};

export const normalHeader = (h: string) => h.replace(/[\s*＊]/g, '');

/** The column each field most likely sits in, by header name; a header serves one field only. */
export function suggestMapping(headers: string[]): Record<ImportField, string | null> {
  const taken = new Set<string>();
  const out = {} as Record<ImportField, string | null>;
  const normal = headers.map(normalHeader);
  for (const field of importFields) {
    const i = synonyms[field].map((s) => normal.indexOf(s)).find((at) => at >= 0 && !taken.has(headers[at]!));
    out[field] = i === undefined ? null : headers[i]!;
    if (out[field]) taken.add(out[field]);
  }
  return out;
}
