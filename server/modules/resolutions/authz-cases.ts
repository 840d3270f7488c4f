import { resolutionObjection, resolutionProgress } from '../../db/schema/deliberation.ts';
import { storeFile } from '../../core/files.ts';
import { type Case, both } from '../../test/authz.ts';
import { TINY_PNG } from '../../test/members.ts';
import type { Street } from '../../test/two-streets.ts';
import { makeResolution } from './fixtures.ts';

/** Resolutions sit at the street's building, so a resident of it reads them as staff do. */
const at = (s: Street) => s.building;

/** This module's routes in the authorization matrix: each route × role × inside/outside. */
export const resolutionsCases: Record<string, Case> = {
  'GET /api/resolutions': {
    inside: () => ({ method: 'GET', url: '/api/resolutions' }),
    outside: async (f) => ({ method: 'GET', url: '/api/resolutions?pageSize=100', at: f.b.street, hides: [(await makeResolution(f.t.db, at(f.b), { state: 'published' })).id] }),
  },
  'GET /api/resolutions/public': {
    inside: () => ({ method: 'GET', url: '/api/resolutions/public' }),
    outside: async (f) => ({ method: 'GET', url: '/api/resolutions/public?pageSize=100', at: f.b.street, hides: [(await makeResolution(f.t.db, at(f.b), { state: 'published' })).id] }),
  },
  'GET /api/resolutions/:id': both(async (s, f) => ({ method: 'GET', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s), { state: 'published' })).id}`, at: at(s) })),
  'POST /api/resolutions': both((s) => ({ method: 'POST', url: '/api/resolutions', payload: { territoryId: s.community.id, title: '垃圾分类定时投放', text: '每日两次定时定点投放。' }, at: s.community })),
  'PATCH /api/resolutions/:id': both(async (s, f) => ({ method: 'PATCH', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s))).id}`, payload: { dueOn: '2030-06-30' }, at: at(s) })),
  'POST /api/resolutions/:id/publish': both(async (s, f) => ({ method: 'POST', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s))).id}/publish`, payload: {}, at: at(s) })),
  'POST /api/resolutions/:id/withdraw': both(async (s, f) => ({ method: 'POST', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s))).id}/withdraw`, payload: { reason: '并入下次会议讨论' }, at: at(s) })),
  'POST /api/resolutions/:id/objections': both(async (s, f) => ({
    method: 'POST', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s), { state: 'published' })).id}/objections`, payload: { text: '扶手位置影响搬运家具' }, at: at(s),
  })),
  'POST /api/resolutions/:id/objections/:objectionId/answer': both(async (s, f) => {
    const r = await makeResolution(f.t.db, at(s), { state: 'published' });
    const [o] = await f.t.db.insert(resolutionObjection).values({ resolutionId: r.id, text: '扶手位置影响搬运家具' }).returning();
    return { method: 'POST', url: `/api/resolutions/${r.id}/objections/${o!.id}/answer`, payload: { answer: '扶手可拆卸，搬运时联系物业。' }, at: at(s) };
  }),
  'POST /api/resolutions/:id/progress': both(async (s, f) => ({
    method: 'POST', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s), { state: 'published' })).id}/progress`, payload: { note: '已完成两个楼道的安装' }, at: at(s),
  })),
  'POST /api/resolutions/:id/done': both(async (s, f) => ({
    method: 'POST', url: `/api/resolutions/${(await makeResolution(f.t.db, at(s), { state: 'in_progress' })).id}/done`, payload: { note: '全部安装完毕并验收' }, at: at(s),
  })),
  'GET /api/resolutions/:id/progress/:progressId/photo': both(async (s, f) => {
    const r = await makeResolution(f.t.db, at(s), { state: 'in_progress' });
    const photoPath = await storeFile(f.t.config.GONGZHI_DATA_DIR, TINY_PNG, 'png');
    const [p] = await f.t.db.insert(resolutionProgress).values({ resolutionId: r.id, note: '安装中', photoPath, actorName: '社工' }).returning();
    return { method: 'GET', url: `/api/resolutions/${r.id}/progress/${p!.id}/photo`, at: at(s) };
  }),
};
