import type { Db } from '../../db/client.ts';
import type { MatterKind } from '../../db/schema/voting.ts';
import { countVotes } from './queries.ts';
import { tallyVote } from './tally.ts';

/** The tally of a matter as closing it would freeze it: for data loaded without a closing account. */
export async function countVotesFromRows(db: Db, estateId: string, matterId: string, kind: MatterKind) {
  return tallyVote(kind, await countVotes(db, estateId, matterId));
}
