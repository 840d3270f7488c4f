import { addMessages } from '../../core/i18n.ts';

/** Problem texts of demand statistics and the public list. */
addMessages({
  'zh-CN': {
    'demandStats.badPeriod': '统计期间的开始日期不能晚于结束日期，且跨度不超过 {maxDays} 天。',
  },
  'en-US': {
    'demandStats.badPeriod': 'The period must start no later than it ends and span at most {maxDays} days.',
  },
});
