import { z } from 'zod';

export const personRow = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable().describe('masked: 138****5678'),
  idNumber: z.string().describe('masked: 310117********1234'),
  territoryId: z.string(),
  territoryName: z.string(),
  room: z.string().nullable(),
  isPartyMember: z.boolean(),
});
export type PersonRow = z.infer<typeof personRow>;

/** The only way a person leaves the server in a list or a page: numbers masked. */
export function presentPerson(r: {
  id: string; name: string; gender: string; birthDate: string | null; phoneMasked: string | null; idNumberMasked: string;
  territoryId: string; territoryName: string; room: string | null; isPartyMember: boolean;
}): PersonRow {
  return {
    id: r.id, name: r.name, gender: r.gender, birthDate: r.birthDate, phone: r.phoneMasked, idNumber: r.idNumberMasked,
    territoryId: r.territoryId, territoryName: r.territoryName, room: r.room, isPartyMember: r.isPartyMember,
  };
}
