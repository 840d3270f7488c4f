import type { Db } from '../../db/client.ts';
import { cogovMatter, cogovStage } from '../../db/schema/deliberation.ts';
import type { Node } from '../../demo/factories.ts';
import { idsOfPath } from '../territory/rules.ts';
import { STAGES, type Stage, stateAfter } from './rules.ts';

/** A matter at a node with its first stages recorded (`through`: the last stage done, if any). */
export async function makeMatter(db: Db, node: Node, o: { title?: string; through?: Stage; outcomes?: Partial<Record<Stage, string>>; bodies?: Partial<Record<Stage, string | null>>; decidedOn?: string; recordedBy?: string | null } = {}) {
  const done = o.through ? STAGES.slice(0, STAGES.indexOf(o.through) + 1) : [];
  const [m] = await db.insert(cogovMatter).values({
    districtId: idsOfPath(node.path)[0]!, territoryId: node.id, path: node.path, title: o.title ?? '社区停车位错峰共享',
    state: o.through ? stateAfter(o.through) : 'proposed',
  }).returning();
  for (const stage of done) {
    await db.insert(cogovStage).values({
      matterId: m!.id, stage, outcome: o.outcomes?.[stage] ?? '同意', decidedOn: o.decidedOn ?? '2026-01-05', bodyId: o.bodies?.[stage] ?? null, recordedBy: o.recordedBy ?? null,
    });
  }
  return m!;
}
