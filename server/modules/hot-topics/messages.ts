import { addMessages } from '../../core/i18n.ts';

/** Problem texts of hot-topic warnings. */
addMessages({
  'zh-CN': {
    'hotTopic.closed': '该热点预警已消退关闭，无需再确认。',
  },
  'en-US': {
    'hotTopic.closed': 'This warning has already subsided and closed; there is nothing to acknowledge.',
  },
});
