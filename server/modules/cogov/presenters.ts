import { z } from 'zod';
import { meetingKinds } from '../../db/schema/deliberation.ts';
import type { cogovMatter } from '../../db/schema/deliberation.ts';
import { STAGES, type Stage, nextStage } from './rules.ts';

export const cogovMatterOut = z.object({
  id: z.string(), title: z.string(), description: z.string(),
  state: z.enum(['proposed', 'consulted', 'reviewed', 'dropped']),
  community: z.object({ id: z.string(), name: z.string() }),
  stages: z.array(z.object({
    stage: z.enum(STAGES), done: z.boolean(),
    body: z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable(),
    meeting: z.object({ id: z.string(), title: z.string(), kind: z.enum(meetingKinds), startsAt: z.string() }).nullable(),
    outcome: z.string().nullable(), decidedOn: z.string().nullable(), recordedBy: z.string().nullable(), recordedAt: z.string().nullable(),
  })).describe('the three stages, always in order, done or waiting'),
  next: z.enum(STAGES).nullable().describe('the stage waiting; null when reviewed or dropped'),
  actions: z.array(z.enum(['record', 'drop'])),
  createdAt: z.string(),
});
export type CogovMatterOut = z.infer<typeof cogovMatterOut>;

export interface StageRow {
  matterId: string;
  stage: Stage;
  body: { id: string; name: string; kind: string } | null;
  meeting: { id: string; title: string; kind: (typeof meetingKinds)[number]; startsAt: Date } | null;
  outcome: string;
  decidedOn: string;
  recordedBy: string | null;
  createdAt: Date;
}

/** The one place a matter becomes JSON: where it stands, stage by stage. */
export function presentMatter(m: typeof cogovMatter.$inferSelect, communityName: string, stages: StageRow[], manage: boolean): CogovMatterOut {
  const done = stages.map((s) => s.stage);
  const open = m.state !== 'dropped' && m.state !== 'reviewed';
  return {
    id: m.id, title: m.title, description: m.description, state: m.state,
    community: { id: m.territoryId, name: communityName },
    stages: STAGES.map((stage) => {
      const s = stages.find((x) => x.stage === stage);
      return {
        stage, done: !!s, body: s?.body ?? null,
        meeting: s?.meeting ? { ...s.meeting, startsAt: s.meeting.startsAt.toISOString() } : null,
        outcome: s?.outcome ?? null, decidedOn: s?.decidedOn ?? null, recordedBy: s?.recordedBy ?? null, recordedAt: s?.createdAt.toISOString() ?? null,
      };
    }),
    next: open ? nextStage(done) : null,
    actions: manage && open ? ['record', 'drop'] : [],
    createdAt: m.createdAt.toISOString(),
  };
}
