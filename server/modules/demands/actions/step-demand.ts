import { type SQL, and, asc, eq, inArray } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError, forbidden, notFound } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { type DemandAction, type DemandState, demand } from '../../../db/schema/demands.ts';
import { recordStep } from '../events.ts';
import { visibleDemand } from '../queries.ts';
import type { DemandRow } from '../presenters.ts';
import { transitions } from '../rules.ts';
import '../messages.ts';

type Demand = typeof demand.$inferSelect;

export interface Change {
  /** Columns besides the state (the state itself comes from the transition or `to`). */
  set?: Partial<typeof demand.$inferInsert>;
  /** The state it moves to, when the transition's own target does not say (a rating). */
  to?: DemandState;
  /** The action recorded in the history, when not the step's own (an unsatisfied rating records a reopening). */
  recordAs?: DemandAction;
  note?: string | null;
  data?: Record<string, unknown>;
  /** Extra condition of the update beyond the state (a rating that has lapsed). */
  when?: SQL;
}

export const wrongState = (state: DemandState) => new DomainError('demand.wrongState', 409, { state });

export interface Step {
  action: DemandAction;
  /** Whether this caller may take the step on this demand (they already see it). */
  allowed: (row: DemandRow) => boolean;
  /** Works out the change inside the transaction, with the row locked: may refuse with a DomainError. */
  change: (tx: Db, d: Demand) => Change | Promise<Change>;
  /** Another demand the step also changes or reads under lock (a merge's target): both rows are locked in id order, so two opposite steps never deadlock. */
  alsoLock?: string;
  /** Tells whom it concerns, in the same transaction. */
  after?: (tx: Db, before: Demand, after: Demand) => Promise<void>;
}

/**
 * One step of the lifecycle, whole or not at all: the demand as the caller sees it (404 otherwise),
 * their right to the step (403), then in one transaction the row locked and updated only if still
 * in a state the step starts from — of two concurrent clicks one wins, the other gets a 409 — with
 * its history step, its audit record and its notices.
 */
export async function stepDemand(ctx: AppContext, actor: Actor, id: string, step: Step): Promise<string> {
  const row = await visibleDemand(ctx.db, actor, id);
  if (!step.allowed(row)) throw forbidden();
  const from = transitions[step.action]?.from ?? [];
  if (!from.includes(row.d.state)) throw wrongState(row.d.state);
  return ctx.db.transaction(async (tx) => {
    if (step.alsoLock && step.alsoLock !== id) {
      await tx.select({ id: demand.id }).from(demand).where(inArray(demand.id, [id, step.alsoLock])).orderBy(asc(demand.id)).for('update');
    }
    const [current] = await tx.select().from(demand).where(eq(demand.id, id)).for('update');
    if (!current) throw notFound('demand', id);
    if (!from.includes(current.state)) throw wrongState(current.state);
    const c = await step.change(tx, current);
    const to = c.to ?? transitions[step.action]?.to ?? current.state;
    const [after] = await tx.update(demand).set({ ...c.set, state: to, updatedAt: new Date() })
      .where(and(eq(demand.id, id), inArray(demand.state, [...from]), c.when)).returning();
    if (!after) throw wrongState(current.state);
    await recordStep(tx, id, actor, { action: c.recordAs ?? step.action, from: current.state, to, note: c.note ?? null, data: c.data });
    await audit(tx, actor, {
      action: `demand.${step.action}`, targetType: 'demand', targetId: id, territoryId: current.territoryId,
      before: { state: current.state }, after: { state: to, ...c.data, ...(c.note ? { note: c.note } : {}) },
    });
    await step.after?.(tx, current, after);
    return id;
  });
}
