import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the activities module that the shared catalogue does not hold. */
addMessages({
  'zh-CN': {
    'activity.notEditable': '活动“{title}”已取消或已结束，不能再修改。',
  },
  'en-US': {
    'activity.notEditable': '“{title}” has been cancelled or has finished; it can no longer be edited.',
  },
});
