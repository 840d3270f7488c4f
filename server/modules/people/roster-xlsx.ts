import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import type { RowError } from '../../core/errors.ts';
import { t, type Locale } from '../../core/i18n.ts';
import { MAX_UPLOAD_BYTES } from '../../app.ts';
import { MAX_IMPORT_ROWS, type RosterKind, columnsOf } from './roster-columns.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const headerFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9E7' } };

/**
 * Sends a workbook as a download. The Chinese name goes in RFC 5987 `filename*`; browsers that
 * cannot read it fall back to the ASCII name.
 */
export function sendXlsx(reply: FastifyReply, name: string, asciiName: string, content: Buffer | Readable) {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`)
    .header('cache-control', 'no-store')
    .send(content);
}

export const rosterTitle = (kind: RosterKind) => (kind === 'party_members' ? '党员花名册' : '居民花名册');

/** The file to fill in: the roster sheet with its headers, and a sheet saying how to fill it. */
export async function buildTemplate(kind: RosterKind): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const columns = columnsOf(kind);
  const ws = wb.addWorksheet(rosterTitle(kind), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.text ? { style: { numFmt: '@' } } : {}) }));
  ws.getRow(1).eachCell((cell, col) => {
    cell.font = { bold: true, color: { argb: columns[col - 1]!.required ? 'FFC0392B' : 'FF333333' } };
    cell.fill = headerFill;
    cell.numFmt = 'General';
  });

  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列名', width: 16 }, { header: '是否必填', width: 10 }, { header: '填写说明', width: 80 }];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([c.header, c.required ? '必填' : '选填', c.note]);
  help.addRow([]);
  for (const line of [
    `在“${rosterTitle(kind)}”表的第 1 行下方逐行填写，不要修改或删除表头；红色表头为必填列。`,
    '身份证号、手机号、编码、房号列已设为文本格式，请直接输入，不要转换为数字（否则 18 位号码会丢失末几位）。',
    '同一身份证号再次导入时更新原有记录，不会重复登记。',
    '导入是整体进行的：只要有一行出错，整个文件都不会导入；系统会列出每个出错的行号、列名和原因，并提供错误报告下载。',
    `文件须为 .xlsx 格式，不超过 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB，一次最多 ${MAX_IMPORT_ROWS} 行。`,
  ]) {
    help.addRow([line]).getCell(1).alignment = { wrapText: false };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The bad rows of a refused import, in the language the messages were written in. */
export async function buildReport(errors: RowError[], locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t(locale, 'title.422'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: t(locale, 'import.report.row'), key: 'row', width: 8 },
    { header: t(locale, 'import.report.column'), key: 'column', width: 16 },
    { header: t(locale, 'import.report.message'), key: 'message', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).eachCell((cell) => { cell.fill = headerFill; });
  ws.addRows(errors);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
