import { z } from 'zod';
import type { hotTopic } from '../../db/schema/demands.ts';
import { demandOut } from '../demands/presenters.ts';
import { hotTopicText } from './rules.ts';

export const hotTopicStates = ['open', 'acknowledged', 'closed'] as const;

export const hotTopicOut = z.object({
  id: z.string(),
  territory: z.object({ id: z.string(), name: z.string() }),
  term: z.string(),
  windowDays: z.number().int(),
  count: z.number().int().describe('demands with the word in the last windowDays'),
  baseline: z.number().describe('the node\'s usual count per window over the 8 windows before'),
  score: z.number().describe('−log10 of the chance of so many at the usual rate (docs/hot-topics.md)'),
  state: z.enum(hotTopicStates),
  detectedAt: z.string(),
  updatedAt: z.string(),
  demandCount: z.number().int(),
  text: z.string().describe('龙潭社区：电梯 7天12件，平时每周1.5件'),
});

export const hotTopicDetailOut = hotTopicOut.extend({ demands: z.array(demandOut) });

export interface HotTopicRow {
  h: typeof hotTopic.$inferSelect;
  territoryName: string;
}

/** The one place a warning becomes JSON. */
export function presentHotTopic({ h, territoryName }: HotTopicRow): z.infer<typeof hotTopicOut> {
  return {
    id: h.id, territory: { id: h.territoryId, name: territoryName }, term: h.term, windowDays: h.windowDays,
    count: h.count, baseline: h.baseline, score: h.score, state: h.state,
    detectedAt: h.detectedAt.toISOString(), updatedAt: h.updatedAt.toISOString(), demandCount: h.demandIds.length,
    text: hotTopicText(territoryName, h.term, h.windowDays, h.count, h.baseline),
  };
}
