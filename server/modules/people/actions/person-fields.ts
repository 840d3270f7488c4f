import { and, eq, inArray } from 'drizzle-orm';
import { birthDateFromId, genderFromId, maskIdNumber, maskPhone, type Pii } from '../../../core/pii.ts';
import type { Db } from '../../../db/client.ts';
import { household } from '../../../db/schema/people.ts';

/** The stored form of the personal numbers: ciphertext, keyed hash and masked copy of each. */
export function encryptedNumbers(pii: Pii, idNumber: string, phone: string | null | undefined) {
  return {
    idNumberEnc: pii.encrypt(idNumber),
    idNumberHash: pii.hash(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    birthDate: birthDateFromId(idNumber),
    gender: genderFromId(idNumber),
    phoneEnc: phone ? pii.encrypt(phone) : null,
    phoneHash: phone ? pii.hash(phone) : null,
    phoneMasked: phone ? maskPhone(phone) : null,
  };
}

/** The household of a room in a building, created the first time someone lives there. */
export async function householdFor(tx: Db, territoryId: string, room: string | null | undefined): Promise<string | null> {
  if (!room) return null;
  const [found] = await tx.select({ id: household.id }).from(household).where(and(eq(household.territoryId, territoryId), eq(household.room, room)));
  if (found) return found.id;
  const [created] = await tx.insert(household).values({ territoryId, room }).returning({ id: household.id });
  return created!.id;
}

export const roomKey = (territoryId: string, room: string) => `${territoryId}|${room}`;

/**
 * The households of many rooms at once, as `householdFor` gives one: existing ones found with one
 * query per thousand buildings, the missing ones created together. Keyed by `territoryId|room`.
 */
export async function householdsFor(tx: Db, rooms: { territoryId: string; room: string }[]): Promise<Map<string, string>> {
  const wanted = new Map(rooms.map((r) => [roomKey(r.territoryId, r.room), r]));
  const found = new Map<string, string>();
  const territoryIds = [...new Set(rooms.map((r) => r.territoryId))];
  for (let i = 0; i < territoryIds.length; i += 1000) {
    const rows = await tx
      .select({ id: household.id, territoryId: household.territoryId, room: household.room })
      .from(household)
      .where(inArray(household.territoryId, territoryIds.slice(i, i + 1000)));
    for (const h of rows) if (wanted.has(roomKey(h.territoryId, h.room)) && !found.has(roomKey(h.territoryId, h.room))) found.set(roomKey(h.territoryId, h.room), h.id);
  }
  const missing = [...wanted].filter(([k]) => !found.has(k)).map(([, r]) => r);
  for (let i = 0; i < missing.length; i += 1000) {
    const created = await tx.insert(household).values(missing.slice(i, i + 1000)).returning({ id: household.id, territoryId: household.territoryId, room: household.room });
    for (const h of created) found.set(roomKey(h.territoryId, h.room), h.id);
  }
  return found;
}
