import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the audit module that the shared catalogue does not hold. */
addMessages({
  'zh-CN': {
    'audit.verifyDistrictWide': '审计链校验覆盖全区所有记录，只有在区级（根节点）授权的安全审计员可以执行。',
  },
  'en-US': {
    'audit.verifyDistrictWide': 'Verifying the audit chain covers every record of the district: only an auditor granted at the district (the root of the tree) may run it.',
  },
});
