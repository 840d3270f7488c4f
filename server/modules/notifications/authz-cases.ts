import { notification } from '../../db/schema/notifications.ts';
import type { Case } from '../../test/authz.ts';

/** This module's routes in the authorization matrix: any account, its own notices only. */
export const notificationsCases: Record<string, Case> = {
  'GET /api/notifications': { inside: () => ({ method: 'GET', url: '/api/notifications?unread=true' }) },
  'POST /api/notifications/:id/read': {
    inside: async (f, as) => {
      const [n] = await f.t.db.insert(notification).values({ accountId: as.accountId, kind: 'demand.accepted', title: '您的诉求已受理' }).returning();
      return { method: 'POST', url: `/api/notifications/${n!.id}/read` };
    },
  },
  'POST /api/notifications/read-all': { inside: () => ({ method: 'POST', url: '/api/notifications/read-all' }) },
};
