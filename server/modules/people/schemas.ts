import { z } from 'zod';

const boolString = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The filter of the people list, shared by the list and its Excel export. */
export const peopleQuery = z.object({
  territoryId: z.uuid().optional(),
  q: z.string().trim().max(64).optional(),
  partyMember: boolString.optional(),
});
