import { z } from 'zod';
import type { territory } from '../../db/schema/territory.ts';

export const nodeOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.string(),
  retired: z.boolean(),
  hasChildren: z.boolean(),
});
export type NodeOut = z.infer<typeof nodeOut>;

export function presentNode(n: typeof territory.$inferSelect, hasChildren = false): NodeOut {
  return { id: n.id, parentId: n.parentId, code: n.code, name: n.name, kind: n.kind, retired: n.retired, hasChildren };
}
