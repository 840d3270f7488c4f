import { invalid } from '../../core/errors.ts';
import { pointsBalance } from '../../db/schema/members.ts';
import type { territory } from '../../db/schema/territory.ts';

type Node = typeof territory.$inferSelect;

/** The balance column a node ranks by: district at depth 0, street/town at 1, community at 2. */
export function balanceColumnOf(node: Node) {
  if (node.depth === 0) return pointsBalance.districtId;
  if (node.depth === 1) return pointsBalance.streetId;
  if (node.depth === 2) return pointsBalance.communityId;
  throw invalid('territoryId', 'points.notRankable');
}
