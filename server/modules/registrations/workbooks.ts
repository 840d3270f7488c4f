import ExcelJS from 'exceljs';
import type { rosterRows } from './queries.ts';
import type { WorkplaceRecords } from './workplace.ts';

const ruleNames: Record<string, string> = { service_hour: '服务时长', activity: '参加活动', wish: '微心愿', registration: '双报到' };
const stateNames: Record<string, string> = { pending: '待确认', confirmed: '已报到', returned: '已退回', withdrawn: '已撤回' };
const day = (d: Date | string | null) => (d ? new Date(new Date(d).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

function sheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; key: string; width: number }[]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return ws;
}

/** The community's roster of registered members; numbers masked as everywhere else. */
export async function rosterWorkbook(rows: Awaited<ReturnType<typeof rosterRows>>) {
  const wb = new ExcelJS.Workbook();
  const ws = sheet(wb, '报到党员名册', [
    { header: '姓名', key: 'name', width: 12 }, { header: '性别', key: 'gender', width: 6 }, { header: '手机号', key: 'phone', width: 15 },
    { header: '报到社区', key: 'community', width: 18 }, { header: '工作单位党组织', key: 'workplace', width: 28 },
    { header: '提交时间', key: 'submitted', width: 18 }, { header: '确认时间', key: 'decided', width: 18 }, { header: '本年积分', key: 'points', width: 10 },
  ]);
  for (const r of rows) {
    ws.addRow({
      name: r.personName, gender: r.gender === 'male' ? '男' : '女', phone: r.phone ?? '', community: r.communityName,
      workplace: r.workplaceBodyName ?? r.workplaceOrgName ?? '', submitted: day(r.submittedAt), decided: day(r.decidedAt), points: Number(r.points),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A year's service record for a workplace organisation: one summary row per member, one row per points entry. */
export async function workplaceWorkbook(rec: WorkplaceRecords) {
  const wb = new ExcelJS.Workbook();
  const summary = sheet(wb, '汇总', [
    { header: '姓名', key: 'name', width: 12 }, { header: '报到社区', key: 'community', width: 18 }, { header: '状态', key: 'state', width: 8 },
    { header: '本年积分', key: 'points', width: 10 }, { header: '参加活动次数', key: 'activities', width: 12 },
  ]);
  const detail = sheet(wb, '积分明细', [
    { header: '姓名', key: 'name', width: 12 }, { header: '时间', key: 'at', width: 18 }, { header: '规则', key: 'rule', width: 10 },
    { header: '积分', key: 'points', width: 8 }, { header: '来源', key: 'source', width: 40 }, { header: '备注', key: 'note', width: 30 },
  ]);
  for (const m of rec.members) {
    const attended = m.activities.filter((a) => a.state === 'checked_in' || a.state === 'checked_out').length;
    summary.addRow({ name: m.name, community: m.community.name, state: stateNames[m.registration.state], points: m.points, activities: attended });
    for (const e of m.entries) {
      detail.addRow({ name: m.name, at: day(e.at), rule: ruleNames[e.ruleCode] ?? e.ruleCode, points: e.points, source: `${e.sourceType}:${e.sourceId}`, note: e.note ?? (e.reversesId ? `冲正 #${e.reversesId}` : '') });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
