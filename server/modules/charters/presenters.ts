import { z } from 'zod';
import type { charter, charterComment, charterVersion } from '../../db/schema/deliberation.ts';

export const charterKinds = ['convention', 'rules_of_procedure', 'management_statute'] as const;
export const versionStates = ['draft', 'commenting', 'adopted', 'published', 'superseded'] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const versionOut = z.object({
  id: z.string(), version: z.number().int(), state: z.enum(versionStates), text: z.string(),
  commentUntil: z.string().nullable(), adoptedByResolutionId: z.string().nullable(), adoptedByMatterId: z.string().nullable(),
  adoptedAt: z.string().nullable(), publishedAt: z.string().nullable(), createdAt: z.string(), commentCount: z.number().int(),
});

export const charterOut = z.object({
  id: z.string(), territoryId: z.string(), territoryName: z.string(), estateId: z.string().nullable(), estateName: z.string().nullable(),
  kind: z.enum(charterKinds), title: z.string(), createdAt: z.string(),
  latest: z.object({ id: z.string(), version: z.number().int(), state: z.enum(versionStates), commentUntil: z.string().nullable() }).nullable(),
  publishedVersion: z.number().int().nullable(),
});

export const charterDetailOut = charterOut.extend({ versions: z.array(versionOut).describe('newest first') });

export const commentOut = z.object({
  id: z.string(), versionId: z.string(), version: z.number().int(), authorName: z.string().describe('masked (张*丰)'), text: z.string(), createdAt: z.string(), mine: z.boolean(),
});

type Charter = typeof charter.$inferSelect;
type Version = typeof charterVersion.$inferSelect;

export interface CharterView {
  c: Charter;
  territoryName: string;
  estateName: string | null;
  latest: Pick<Version, 'id' | 'version' | 'state' | 'commentUntil'> | null;
  publishedVersion: number | null;
}

export function presentCharter(v: CharterView): z.infer<typeof charterOut> {
  const { c } = v;
  return {
    id: c.id, territoryId: c.territoryId, territoryName: v.territoryName, estateId: c.estateId, estateName: v.estateName,
    kind: c.kind, title: c.title, createdAt: c.createdAt.toISOString(),
    latest: v.latest ? { id: v.latest.id, version: v.latest.version, state: v.latest.state, commentUntil: iso(v.latest.commentUntil) } : null,
    publishedVersion: v.publishedVersion,
  };
}

export function presentVersion(v: Version, commentCount: number): z.infer<typeof versionOut> {
  return {
    id: v.id, version: v.version, state: v.state, text: v.text, commentUntil: iso(v.commentUntil),
    adoptedByResolutionId: v.adoptedByResolutionId, adoptedByMatterId: v.adoptedByMatterId,
    adoptedAt: iso(v.adoptedAt), publishedAt: iso(v.publishedAt), createdAt: v.createdAt.toISOString(), commentCount,
  };
}

export function presentComment(c: typeof charterComment.$inferSelect, version: number, accountId: string): z.infer<typeof commentOut> {
  return { id: c.id, versionId: c.versionId, version, authorName: c.authorName, text: c.text, createdAt: c.createdAt.toISOString(), mine: c.accountId === accountId };
}
