/** Roster files as a community worker makes them: the downloaded template, filled in row by row. */
import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643 check character, written out here so the journey does not trust the server's own. */
function checkChar(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return CHECK[sum % 11]!;
}

/** A valid 松江 ID number no one in the demo has: random birth day and sequence. */
export function newIdNumber(): string {
  const birth = `19${randomInt(50, 99)}${String(randomInt(1, 13)).padStart(2, '0')}${String(randomInt(1, 29)).padStart(2, '0')}`;
  const first17 = `310117${birth}${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return first17 + checkChar(first17);
}

/** The same number with a wrong last character, the commonest typing mistake. */
export function withWrongCheckDigit(id: string): string {
  const right = id[17]!;
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

/** Unique 11-digit mobile numbers within a run. */
export function newPhone(): string {
  return `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
}

/** Writes rows (keyed by the Chinese column headers) under the header of the template's roster sheet. */
export async function fillTemplate(template: Buffer, rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ExcelJS.Buffer);
  const sheet = wb.worksheets.find((ws) => headers(ws).includes('身份证号'));
  if (!sheet) throw new Error('the template has no sheet with a 身份证号 column');
  const at = headers(sheet);
  for (const [i, values] of rows.entries()) {
    const row = sheet.getRow(i + 2);
    for (const [header, value] of Object.entries(values)) {
      const col = at.indexOf(header);
      if (col < 1) throw new Error(`the template has no column ${header}`);
      row.getCell(col).value = value;
    }
    row.commit();
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The text of every row of a workbook's first sheet, header included. */
export async function readFirstSheet(file: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return out;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  return Array.from(ws.getRow(1).values as unknown[], (v) => String(v ?? '').trim());
}
