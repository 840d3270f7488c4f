import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the territory module that the shared catalogue does not hold. */
addMessages({
  'zh-CN': {
    'territory.codeTakenMeanwhile': '导入期间另一次导入已创建了其中的编码，本次未写入任何内容；请重新导入，已有编码将按更新处理。',
  },
  'en-US': {
    'territory.codeTakenMeanwhile': 'Another import created one of these codes meanwhile, so nothing was written; import again and the existing codes will be updated.',
  },
});
