import { eq } from 'drizzle-orm';
import { invalid } from '../../../core/errors.ts';
import { type Pii, isValidPhone, maskName, maskPhone, normalizePhone } from '../../../core/pii.ts';
import type { Db } from '../../../db/client.ts';
import { body } from '../../../db/schema/bodies.ts';
import { person } from '../../../db/schema/people.ts';
import { territory } from '../../../db/schema/territory.ts';
import { streetOf } from '../../activities/reach.ts';
import '../messages.ts';

export interface PartyInput {
  side: 'applicant' | 'respondent';
  /** A person of the platform… */
  personId?: string | null;
  /** …or a body (a property company)… */
  bodyId?: string | null;
  /** …or someone named here, with a phone if known. */
  name?: string | null;
  phone?: string | null;
}

/**
 * A party's row as stored: name and phone encrypted with a masked copy, wherever they came from.
 * People and bodies must belong to the street of the case.
 */
export async function partyValues(tx: Db, pii: Pii, casePath: string, caseId: string, p: PartyInput, field = 'parties') {
  const given = [p.personId, p.bodyId, p.name].filter(Boolean).length;
  if (given !== 1) throw invalid(field, 'mediation.partyWho');
  const street = streetOf(casePath);
  if (p.personId) {
    const [r] = await tx.select({ name: person.name, phoneEnc: person.phoneEnc, phoneMasked: person.phoneMasked, path: territory.path })
      .from(person).innerJoin(territory, eq(territory.id, person.territoryId)).where(eq(person.id, p.personId));
    if (!r || !r.path.startsWith(street)) throw invalid(`${field}.personId`, 'mediation.partyOutside');
    return { caseId, side: p.side, personId: p.personId, nameEnc: pii.encrypt(r.name), nameMasked: maskName(r.name), phoneEnc: r.phoneEnc, phoneMasked: r.phoneMasked };
  }
  if (p.bodyId) {
    const [b] = await tx.select({ name: body.name, path: territory.path }).from(body).innerJoin(territory, eq(territory.id, body.territoryId)).where(eq(body.id, p.bodyId));
    if (!b || !b.path.startsWith(street)) throw invalid(`${field}.bodyId`, 'mediation.partyOutside');
    // A company is no private person: its name is shown as it is.
    return { caseId, side: p.side, bodyId: p.bodyId, nameEnc: pii.encrypt(b.name), nameMasked: b.name, phoneEnc: null, phoneMasked: null };
  }
  const name = p.name!.trim();
  const phone = p.phone ? normalizePhone(p.phone) : null;
  if (phone && !isValidPhone(phone)) throw invalid(`${field}.phone`, 'mediation.badPhone');
  return { caseId, side: p.side, nameEnc: pii.encrypt(name), nameMasked: maskName(name), phoneEnc: phone ? pii.encrypt(phone) : null, phoneMasked: phone ? maskPhone(phone) : null };
}
