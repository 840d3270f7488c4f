import { and, eq } from 'drizzle-orm';
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
