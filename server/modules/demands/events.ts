import type { Actor } from '../../core/policy.ts';
import type { Db } from '../../db/client.ts';
import { type DemandAction, type DemandState, demandEvent } from '../../db/schema/demands.ts';

/** Who did a step: an account, or the system (a timer, an import, an Open311 key) by name. */
export type Doer = Pick<Actor, 'accountId' | 'displayName'> | { system: string };

export interface Step {
  action: DemandAction;
  from?: DemandState | null;
  to?: DemandState | null;
  note?: string | null;
  data?: Record<string, unknown>;
  /** False for internal steps the resident does not follow (notes between staff, reminders). */
  public?: boolean;
  /** When it happened, if not now (a hotline order taken in before it reached the platform). */
  at?: Date;
}

/** Appends one step to a demand's history, in the caller's transaction. */
export async function recordStep(tx: Db, demandId: string, who: Doer, step: Step): Promise<void> {
  await tx.insert(demandEvent).values({
    demandId,
    action: step.action,
    fromState: step.from ?? null,
    toState: step.to ?? null,
    accountId: 'system' in who ? null : who.accountId,
    actorName: 'system' in who ? who.system : who.displayName,
    note: step.note ?? null,
    data: step.data,
    public: step.public ?? true,
    ...(step.at ? { at: step.at } : {}),
  });
}
