import type { DemandState } from '../shared/types';

/** What the portal knows of where the resident lives, handed to the demand screens. */
export interface PortalPlace {
  community: { id: string; name: string } | null;
  /** The home as a person reads it (address and room), when the account has a household. */
  home: string | null;
}

/** One line of the community's public list (GET /api/public/demands). */
export interface PublicDemand {
  no: string;
  category: string | { name: string };
  title: string;
  state: DemandState;
  createdAt: string;
  closedAt: string | null;
  result: string | null;
}

export interface PublicDemands {
  community: { id: string; name: string };
  items: PublicDemand[];
  total: number;
}
