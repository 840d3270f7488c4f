import { randomBytes } from 'node:crypto';
import type { Node } from '../../demo/factories.ts';
import { open311Key } from '../../db/schema/demands.ts';
import { type Case, type Fixture, both } from '../../test/authz.ts';
import { hashOfKey } from './keys.ts';

/** A live key tied to a node, made directly, for the routes that list and revoke keys. */
async function keyAt(f: Fixture, node: Node) {
  const [k] = await f.t.db.insert(open311Key).values({ name: `客户端${f.n()}`, keyHash: hashOfKey(randomBytes(32).toString('base64url')), keyHint: 'matrix…', territoryId: node.id }).returning();
  return k!.id;
}

/**
 * This module's routes in the authorization matrix: the system administrator's keys, scoped to the
 * grant. The GeoReport v2 routes under /open311/v2 guard themselves with the key (open311.test.ts).
 */
export const open311Cases: Record<string, Case> = {
  'GET /api/open311-keys': {
    inside: () => ({ method: 'GET', url: '/api/open311-keys' }),
    outside: async (f) => ({ method: 'GET', url: '/api/open311-keys', at: f.b.street, hides: [await keyAt(f, f.b.community)] }),
  },
  'POST /api/open311-keys': both((s, f) => ({ method: 'POST', url: '/api/open311-keys', payload: { name: `客户端${f.n()}`, territoryId: s.community.id }, at: s.community })),
  'POST /api/open311-keys/:id/revoke': both(async (s, f) => ({ method: 'POST', url: `/api/open311-keys/${await keyAt(f, s.community)}/revoke`, at: s.community })),
};
