import { and, eq, isNull } from 'drizzle-orm';
import { audit } from '../../../core/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { DomainError } from '../../../core/errors.ts';
import type { Actor } from '../../../core/policy.ts';
import type { Db } from '../../../db/client.ts';
import { account } from '../../../db/schema/accounts.ts';
import { body, bodyMember } from '../../../db/schema/bodies.ts';
import { ballot, estate, estateOwner, voteMatter } from '../../../db/schema/voting.ts';
import { accountsCovering, notify } from '../../notifications/notify.ts';
import '../messages.ts';
import { votingPolicy as P } from '../policy.ts';
import { countVotes, matterFor } from '../queries.ts';
import { type Tally, tallyVote } from '../tally.ts';

type Who = Actor | { system: string };
type Matter = typeof voteMatter.$inferSelect;
type Estate = typeof estate.$inferSelect;

/**
 * Ends the vote and freezes the tally into the matter. The matter row is locked first, so a
 * ballot still being cast either lands before the count or finds the vote closed.
 */
export async function closeMatter(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const { m, e, path } = await matterFor(tx, actor, P['voting.manage'], id, 'update');
    if (m.state !== 'open') throw new DomainError('voting.notOpen', 409, { matterId: id });
    if (!(await freezeResult(tx, actor, m, e, path, 'manual'))) throw new DomainError('voting.notOpen', 409, { matterId: id });
    return id;
  });
}

const VERDICT: Record<Tally['verdict'], string> = { passed: '通过', failed: '未通过', invalid: '参与表决不足，表决无效' };

/**
 * The close itself, by a person or by the closing timer: the tally frozen into the matter with
 * a conditional update (only an open matter closes, once), the audit record, and the verdict
 * told in-app to the owners who voted, the estate's owners' committee and the community staff.
 * The caller holds the matter row locked. False when the matter was no longer open.
 */
export async function freezeResult(tx: Db, who: Who, m: Matter, e: Estate, path: string, how: 'manual' | 'closesAt'): Promise<boolean> {
  const result = tallyVote(m.kind, await countVotes(tx, e.id, m.id));
  const [after] = await tx.update(voteMatter).set({ state: 'closed', closedAt: new Date(), result: { ...result } })
    .where(and(eq(voteMatter.id, m.id), eq(voteMatter.state, 'open'))).returning({ id: voteMatter.id });
  if (!after) return false;
  await audit(tx, who, {
    action: 'voteMatter.close', targetType: 'vote_matter', targetId: m.id, territoryId: e.territoryId,
    before: { state: 'open', closesAt: m.closesAt }, after: { state: 'closed', ...(how === 'closesAt' ? { reason: 'closesAt' } : {}), verdict: result.verdict, participatingOwners: result.participatingOwners, forOwners: result.forOwners },
  });
  await tellVerdict(tx, m, e, path, result);
  return true;
}

async function tellVerdict(tx: Db, m: Matter, e: Estate, path: string, result: Tally) {
  const staff = await accountsCovering(tx, path, ['community_worker', 'community_secretary']);
  const voters = await tx.selectDistinct({ id: account.id }).from(ballot)
    .innerJoin(estateOwner, eq(estateOwner.id, ballot.ownerId)).innerJoin(account, eq(account.personId, estateOwner.personId))
    .where(and(eq(ballot.matterId, m.id), eq(account.disabled, false)));
  const committee = await tx.selectDistinct({ id: account.id }).from(bodyMember)
    .innerJoin(body, eq(body.id, bodyMember.bodyId)).innerJoin(account, eq(account.personId, bodyMember.personId))
    .where(and(eq(body.kind, 'owners_committee'), eq(body.territoryId, e.territoryId), isNull(body.retiredAt), isNull(bodyMember.endedOn), eq(account.disabled, false)));
  const verdict = VERDICT[result.verdict];
  const text = {
    title: `表决结果：${m.title}（${verdict}）`,
    body: `${e.name}：参与表决 ${result.participatingOwners}/${result.totalOwners} 人，同意 ${result.forOwners} 人、反对 ${result.againstOwners} 人、弃权 ${result.abstainOwners} 人。`,
    params: {
      matterId: m.id, estateId: e.id, title: m.title, estateName: e.name, verdict: result.verdict, participatingOwners: result.participatingOwners,
      totalOwners: result.totalOwners, forOwners: result.forOwners, againstOwners: result.againstOwners, abstainOwners: result.abstainOwners,
    },
  };
  const inConsole = new Set(staff);
  await notify(tx, staff, { kind: 'voting.closed', ...text, link: `/console/estates/${e.id}` });
  await notify(tx, [...voters, ...committee].map((r) => r.id).filter((id) => !inConsole.has(id)), { kind: 'voting.closed', ...text, link: `/m/votes/${m.id}` });
}
