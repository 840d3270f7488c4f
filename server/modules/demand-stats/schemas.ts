import { z } from 'zod';
import { demandStates } from '../../db/schema/demands.ts';

const figures = {
  total: z.number().int().describe('demands asked in the period, duplicates merged into another left out'),
  open: z.number().int().describe('submitted, accepted, assigned or in progress now'),
  closed: z.number().int().describe('resolved or closed (办结)'),
  overdueOpen: z.number().int().describe('open past their deadline'),
  onTimeRate: z.number().nullable().describe('resolved by the deadline over resolved with a deadline; null when none'),
  satisfactionRate: z.number().nullable().describe('satisfied + basically satisfied over rated; null when none rated'),
  medianCloseHours: z.number().nullable().describe('median hours from asking to resolving, of the resolved ones'),
};

export const nodeStats = z.object({ id: z.string(), name: z.string(), kind: z.string(), ...figures });
export const categoryStats = z.object({ id: z.string(), code: z.string(), name: z.string(), ...figures });
export type Figures = { [K in keyof typeof figures]: z.infer<(typeof figures)[K]> };

export const statsQuery = z.object({
  territoryId: z.uuid().optional().describe('default: the caller\'s own territory'),
  from: z.iso.date().optional().describe('first day (Shanghai), default 12 weeks before `to`'),
  to: z.iso.date().optional().describe('last day (Shanghai), default today'),
});

export const statsOut = z.object({
  territory: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  from: z.string(), to: z.string(),
  total: nodeStats.describe('the requested node itself, its whole subtree'),
  byNode: z.array(nodeStats).describe('each child of the requested node (a street\'s communities, a community\'s grids)'),
  byCategory: z.array(categoryStats),
  trend: z.array(z.object({ week: z.string().describe('the Monday the week starts on'), total: z.number().int(), closed: z.number().int(), onTime: z.number().int() })),
});

export const publicQuery = z.object({
  communityId: z.uuid(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const publicOut = z.object({
  community: z.object({ id: z.string(), name: z.string() }),
  items: z.array(z.object({
    no: z.string(), category: z.string(), title: z.string().describe('names, phone numbers, rooms and addresses blanked out'),
    state: z.enum(demandStates), createdAt: z.string(), closedAt: z.string().nullable(),
    result: z.string().nullable().describe('what was done: the note of the resolving step, anonymised like the title'),
  })),
  total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
