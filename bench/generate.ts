import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { maskIdNumber, maskPhone, type Pii } from '../server/core/pii.ts';
import type { Db } from '../server/db/client.ts';
import { DIVISIONS_CSV } from '../server/demo/load-demo.ts';
import { chineseName, idNumber, phoneNumber, seeded } from '../server/demo/random.ts';
import { childPath, rootPath } from '../server/modules/territory/rules.ts';

/**
 * A district at scale: the real street and community structure of 松江区 from the demo's
 * divisions file, topped up with extra communities, then grids, buildings, households and people
 * generated under every community. Rows go in as JSON batches (one parameter per statement),
 * which is fast on PGlite and PostgreSQL alike.
 */
export interface Scale {
  communities: number;
  grids: number;
  people: number;
  buildingsPerGrid: number;
}

export const DISTRICT_SCALE: Scale = { communities: 420, grids: 3000, people: 300_000, buildingsPerGrid: 4 };

export interface District {
  districtId: string;
  streets: { id: string; name: string; path: string; communities: number }[];
  counts: { territories: number; communities: number; grids: number; buildings: number; households: number; people: number };
}

interface TRow { id: string; parent_id: string | null; code: string | null; name: string; kind: string; path: string; depth: number }

const BATCH = 5_000;

export async function generateDistrict(db: Db, pii: Pii, scale: Scale = DISTRICT_SCALE): Promise<District> {
  const r = seeded(20_260_101);
  const csv = readFileSync(DIVISIONS_CSV, 'utf8').trim().split('\n').slice(1).map((l) => l.trim().split(','));
  const nodes: TRow[] = [];
  const add = (parent: TRow | null, kind: string, name: string, code: string | null) => {
    const id = randomUUID();
    const n: TRow = { id, parent_id: parent?.id ?? null, code, name, kind, path: parent ? childPath(parent.path, id) : rootPath(id), depth: parent ? parent.depth + 1 : 0 };
    nodes.push(n);
    return n;
  };

  const [districtRow] = csv.filter((c) => c[2] === 'district');
  const district = add(null, 'district', districtRow![1]!, districtRow![0]!);
  const streets = csv.filter((c) => c[3] === district.code).map((c) => add(district, c[2]!, c[1]!, c[0]!));
  const communities: TRow[] = [];
  for (const s of streets) {
    for (const c of csv.filter((x) => x[3] === s.code)) communities.push(add(s, c[2]!, c[1]!, c[0]!));
  }
  // Top up with new neighbourhoods, round-robin over the streets, until the scale is reached.
  for (let i = 0; communities.length < scale.communities; i++) {
    const s = streets[i % streets.length]!;
    communities.push(add(s, 'neighborhood', `${s.name.replace(/(街道|镇)$/, '')}新建第${Math.floor(i / streets.length) + 1}居民区`, `${s.code}9${String(i).padStart(2, '0')}`));
  }

  // Grids spread evenly over communities; each grid holds a few buildings (楼组 or 宅基 groups).
  const grids: TRow[] = [];
  communities.forEach((c, ci) => {
    const n = Math.floor(scale.grids / communities.length) + (ci < scale.grids % communities.length ? 1 : 0);
    for (let g = 1; g <= n; g++) grids.push(add(c, 'grid', `${c.name}第${g}网格`, null));
  });
  const buildings: TRow[] = [];
  for (const g of grids) {
    for (let b = 1; b <= scale.buildingsPerGrid; b++) buildings.push(add(g, 'building', `${g.name.replace(/第\d+网格$/, '')}${buildings.length % 200 + 1}号楼`, null));
  }
  await insertJson(db, 'territory', ['id', 'parent_id', 'code', 'name', 'kind', 'path', 'depth'], nodes);

  // People: spread evenly over buildings, ~3 to a household; numbers unique per serial. One
  // ciphertext stands in for every number (nothing in the measured paths decrypts), hashes are real.
  const idCipher = pii.encrypt(idNumber(1, 'male'));
  const phoneCipher = pii.encrypt(phoneNumber(1));
  let serial = 0;
  let households = 0;
  let hBatch: Record<string, unknown>[] = [];
  let pBatch: Record<string, unknown>[] = [];
  const flush = async (force: boolean) => {
    if (!force && pBatch.length < BATCH) return;
    // Households first: people reference them.
    if (hBatch.length) await insertJson(db, 'household', ['id', 'territory_id', 'room', 'address'], hBatch);
    if (pBatch.length) await insertJson(db, 'person', PERSON_COLUMNS, pBatch);
    hBatch = [];
    pBatch = [];
  };
  for (let bi = 0; bi < buildings.length; bi++) {
    const b = buildings[bi]!;
    const residents = Math.floor(scale.people / buildings.length) + (bi < scale.people % buildings.length ? 1 : 0);
    let room = 101;
    for (let placed = 0; placed < residents; ) {
      const size = Math.min(residents - placed, r.int(1, 5));
      const hid = randomUUID();
      const roomName = String(room);
      room = room % 100 === 6 ? room + 95 : room + 1; // 101…106, 201…206, …
      hBatch.push({ id: hid, territory_id: b.id, room: roomName, address: `${b.name}${roomName}室` });
      households++;
      for (let k = 0; k < size; k++, placed++) {
        const s = ++serial;
        const gender = r.next() < 0.5 ? 'male' : 'female';
        const id = idNumber(s, gender);
        const phone = r.next() < 0.85 ? phoneNumber(s) : null;
        pBatch.push({
          id: randomUUID(), territory_id: b.id, household_id: hid, relation: k === 0 ? '户主' : r.pick(['配偶', '子女', '父母', '其他']),
          name: chineseName(r), gender, birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
          id_number_enc: idCipher, id_number_hash: pii.hash(id), id_number_masked: maskIdNumber(id),
          phone_enc: phone ? phoneCipher : null, phone_hash: phone ? pii.hash(phone) : null, phone_masked: phone ? maskPhone(phone) : null,
          is_party_member: r.next() < 0.08,
        });
      }
      await flush(false);
    }
  }
  await flush(true);
  await db.execute(sql`vacuum analyze`); // as autovacuum would leave it: statistics and a visibility map

  return {
    districtId: district.id,
    streets: streets.map((s) => ({ id: s.id, name: s.name, path: s.path, communities: communities.filter((c) => c.parent_id === s.id).length })),
    counts: { territories: nodes.length, communities: communities.length, grids: grids.length, buildings: buildings.length, households, people: serial },
  };
}

const PERSON_COLUMNS = [
  'id', 'territory_id', 'household_id', 'relation', 'name', 'gender', 'birth_date', 'id_number_enc', 'id_number_hash',
  'id_number_masked', 'phone_enc', 'phone_hash', 'phone_masked', 'is_party_member',
];

/** Inserts rows through json_populate_recordset: columns not listed keep their defaults. */
async function insertJson(db: Db, table: string, columns: string[], rows: object[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = JSON.stringify(rows.slice(i, i + BATCH));
    const cols = sql.raw(columns.map((c) => `"${c}"`).join(', '));
    await db.execute(sql`insert into ${sql.identifier(table)} (${cols}) select ${cols} from json_populate_recordset(null::${sql.identifier(table)}, ${chunk}::json)`);
  }
}
