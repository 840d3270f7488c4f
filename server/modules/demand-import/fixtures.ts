import ExcelJS from 'exceljs';

/** Builders of hotline exports for the tests and the authorization matrix. */
export const HOTLINE_HEADERS = ['工单编号', '受理时间', '诉求类别', '诉求内容', '所属社区', '地址', '联系人', '联系电话'];

const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export const csvOf = (rows: string[][], headers = HOTLINE_HEADERS) =>
  Buffer.from([headers, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n', 'utf8');

export async function xlsxOf(rows: (string | Date)[][], headers = HOTLINE_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart body: the file in `file`, then the mapping (when given) as the text field `mapping`. */
export function orderUpload(file: Buffer, filename = 'orders.csv', mapping?: unknown) {
  const boundary = '----gongzhi-orders';
  const parts: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    file,
    Buffer.from('\r\n'),
  ];
  if (mapping !== undefined) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="mapping"\r\n\r\n${typeof mapping === 'string' ? mapping : JSON.stringify(mapping)}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
