import type { Permission } from '../../../app/types';

/** The charter permissions (server/modules/charters/policy.ts). */
export const CHARTER = { read: 'charter.read', manage: 'charter.manage', comment: 'charter.comment' } as const satisfies Record<string, Permission>;

export const CHARTER_KINDS = ['convention', 'rules_of_procedure', 'management_statute'] as const;
export type CharterKind = (typeof CHARTER_KINDS)[number];
export type VersionState = 'draft' | 'commenting' | 'adopted' | 'published' | 'superseded';

export const STATE_COLOR: Record<VersionState, string> = { draft: 'default', commenting: 'orange', adopted: 'blue', published: 'green', superseded: 'default' };

export interface Version {
  id: string;
  version: number;
  state: VersionState;
  text: string;
  commentUntil: string | null;
  adoptedByResolutionId: string | null;
  adoptedByMatterId: string | null;
  adoptedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  commentCount: number;
}

export interface Charter {
  id: string;
  territoryId: string;
  territoryName: string;
  estateId: string | null;
  estateName: string | null;
  kind: CharterKind;
  title: string;
  createdAt: string;
  latest: { id: string; version: number; state: VersionState; commentUntil: string | null } | null;
  publishedVersion: number | null;
}

export interface CharterDetail extends Charter {
  versions: Version[];
}

export interface Comment {
  id: string;
  versionId: string;
  version: number;
  authorName: string;
  text: string;
  createdAt: string;
  mine: boolean;
}

export interface Segment {
  added: boolean;
  removed: boolean;
  value: string;
}

const TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false };
export const fmtTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', TIME) : '');

/** A resolution or a passed owners' vote that may adopt a version (GET /api/charter-versions/:id/adoption-sources). */
export interface AdoptionSource {
  id: string;
  title: string;
  /** The meeting of a resolution, the estate of a vote. */
  from: string | null;
  at: string | null;
}
