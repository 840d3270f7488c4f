import { describe, expect, it } from 'vitest';
import { notificationsEnUS } from '../../../web/src/app/i18n/notifications.en-US.ts';
import { notificationsZhCN } from '../../../web/src/app/i18n/notifications.zh-CN.ts';
import { renderNotice } from '../../../web/src/modules/notifications/notice-text.ts';

const catalogues = { 'zh-CN': notificationsZhCN, 'en-US': notificationsEnUS } as const;
type Lang = keyof typeof catalogues;
const render = (lang: Lang, n: { kind: string; title?: string; body?: string; params?: Record<string, unknown> | null }) =>
  renderNotice({ title: n.title ?? '（存储的标题）', body: n.body ?? '', kind: n.kind, params: n.params ?? null }, lang,
    (key) => (catalogues[lang] as Record<string, string>)[key]);

describe('a notice in the reader\'s language', () => {
  const accepted = { kind: 'demand.accepted', title: '您的诉求 SJ20261129001 已受理', params: { no: 'SJ20261129001', demandId: 'd1', dueAt: '2026-12-03T16:00:00.000Z' } };

  it('renders a known kind from the catalogue in Chinese and in English, dates in the district\'s time', () => {
    expect(render('zh-CN', accepted)).toEqual({ title: '您的诉求 SJ20261129001 已受理', body: '办理时限：2026/12/4', fromCatalogue: true });
    expect(render('en-US', accepted)).toEqual({ title: 'Your demand SJ20261129001 has been accepted', body: 'Due by 12/4/2026', fromCatalogue: true });
  });

  it('fills every placeholder, looking up named values and rounding figures', () => {
    const raised = { kind: 'demand.escalated', params: { no: 'SJ1', demandId: 'd1', level: 'street' } };
    expect(render('zh-CN', raised).title).toBe('您的诉求 SJ1 已转由街道（镇）办理');
    expect(render('en-US', raised).title).toBe('Your demand SJ1 is now handled by the street (town)');
    const hot = { kind: 'hotTopic.raised', params: { hotTopicId: 'h1', node: '龙潭社区', term: '电梯', count: 9, windowDays: 7, usual: 2.345 } };
    expect(render('zh-CN', hot).title).toBe('热点预警 龙潭社区：电梯 7天9件，平时每7天2.3件');
    expect(render('en-US', hot).title).toBe('Hot topic in 龙潭社区: “电梯” 9 demands in 7 days, usually 2.3');
  });

  it('keeps the stored body when the kind has no body of its own (a person\'s own words)', () => {
    const objected = { kind: 'resolution.objected', title: '加装电梯', body: '施工时间太早', params: { resolutionId: 'r1', title: '加装电梯' } };
    expect(render('en-US', objected)).toEqual({ title: 'An objection to the resolution “加装电梯”', body: '施工时间太早', fromCatalogue: true });
  });

  it('falls back to the stored text for an unknown kind', () => {
    const n = { kind: 'parking.assigned', title: '您的车位已分配', body: '请于本周内领取', params: { no: 'P1' } };
    for (const lang of ['zh-CN', 'en-US'] as const) {
      expect(render(lang, n)).toEqual({ title: '您的车位已分配', body: '请于本周内领取', fromCatalogue: false });
    }
  });

  it('falls back to the stored text when the params lack a placeholder', () => {
    const holders = { kind: 'demand.escalated', title: '诉求 SJ1 逾期未办结，已上报街道（镇）：路灯不亮', params: { no: 'SJ1', demandId: 'd1' } };
    expect(render('en-US', holders)).toEqual({ title: holders.title, body: '', fromCatalogue: false });
    expect(render('zh-CN', { kind: 'demand.rejected', title: '您的诉求 SJ2 未予受理：', params: { no: 'SJ2', reason: '' } }).fromCatalogue).toBe(false);
    expect(render('zh-CN', { kind: 'demand.accepted', title: '您的诉求 SJ3 已受理', params: null }).title).toBe('您的诉求 SJ3 已受理');
    expect(render('zh-CN', { kind: 'demand.escalated', title: '存储', params: { no: 'SJ1', level: 'province' } }).title).toBe('存储');
  });

  it('leaves the body as stored when a body template cannot be filled', () => {
    const resolved = { kind: 'demand.resolved', title: '您的诉求 SJ4 已办结，请评价', params: { no: 'SJ4', demandId: 'd4' } };
    expect(render('zh-CN', resolved)).toEqual({ title: '您的诉求 SJ4 已办结，请评价', body: '', fromCatalogue: true });
    expect(render('zh-CN', { ...resolved, params: { ...resolved.params, result: '已更换灯泡' } }).body).toBe('办理结果：已更换灯泡');
  });
});
