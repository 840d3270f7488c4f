import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { maskName, type Pii } from '../../core/pii.ts';
import type { Db } from '../../db/client.ts';
import { ballot, estate, estateOwner, exclusiveUnit, type MatterKind, voteMatter } from '../../db/schema/voting.ts';
import type { Node } from '../../demo/factories.ts';
import { idsOfPath } from '../territory/rules.ts';
import { newReceipt, sealReceipt } from './receipts.ts';

export interface OwnerSpec {
  name: string;
  /** Units as [label, area in hundredths of m²]. */
  units: [string, number][];
  personId?: string | null;
  isDeveloper?: boolean;
}

/** An estate with its register written directly: owners as given, each with their units. */
export async function makeEstate(db: Db, pii: Pii, node: Node, owners: OwnerSpec[], o: { name?: string; ballotsChangeable?: boolean } = {}) {
  const [e] = await db.insert(estate).values({
    districtId: idsOfPath(node.path)[0]!, territoryId: node.id, name: o.name ?? `${node.name}小区`, ballotsChangeable: o.ballotsChangeable ?? true,
  }).returning();
  const ownerIds: string[] = [];
  for (let i = 0; i < owners.length; i += 500) {
    const chunk = owners.slice(i, i + 500);
    const rows = await db.insert(estateOwner).values(chunk.map((s) => ({
      estateId: e!.id, isDeveloper: s.isDeveloper ?? false, personId: s.personId ?? null,
      nameEnc: pii.encrypt(s.name), nameMasked: s.isDeveloper ? s.name : maskName(s.name), identityHash: pii.hash(s.isDeveloper ? 'developer' : randomUUID()),
    }))).returning({ id: estateOwner.id });
    ownerIds.push(...rows.map((r) => r.id));
  }
  const units = owners.flatMap((s, i) => s.units.map(([label, area]) => ({ estateId: e!.id, ownerId: ownerIds[i]!, label, registeredArea: area })));
  for (let i = 0; i < units.length; i += 1000) await db.insert(exclusiveUnit).values(units.slice(i, i + 1000));
  return { estate: e!, ownerIds };
}

export async function makeMatter(db: Db, estateId: string, o: { kind?: MatterKind; state?: 'draft' | 'open' | 'closed'; title?: string; closesAt?: Date } = {}) {
  const state = o.state ?? 'open';
  const [m] = await db.insert(voteMatter).values({
    estateId, kind: o.kind ?? 'property_service', title: o.title ?? '续聘物业服务企业', state,
    opensAt: state === 'draft' ? null : new Date(), closedAt: state === 'closed' ? new Date() : null, closesAt: o.closesAt ?? null,
  }).returning();
  return m!;
}

/** A ballot as casting stores it; `receipt` is the code its owner was shown. */
export async function makeBallot(db: Db, pii: Pii, matterId: string, ownerId: string, choice: 'for' | 'against' | 'abstain') {
  const receipt = newReceipt();
  const [b] = await db.insert(ballot).values({ matterId, ownerId, choice, ...sealReceipt(pii, receipt) }).returning();
  return { ...b!, receipt };
}

export const REGISTER_HEADER = ['楼栋房号', '业主姓名', '证件号码', '登记面积', '实测面积', '合同面积', '是否开发商未售'];

/** A property register export with these rows, as a multipart upload. */
export async function registerUpload(rows: (string | null)[][], header = REGISTER_HEADER) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('产权登记');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const boundary = '----gongzhi-voting';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="register.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
