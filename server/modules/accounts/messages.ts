import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the accounts module that the shared catalogue does not hold. */
addMessages({
  'zh-CN': {
    'account.adminProtected': '三员分立：系统管理员、安全管理员、安全审计员的账号不能在此修改、重置密码或调整授权；本人修改自己的密码，遗失密码由服务器上的管理脚本重置。',
    'grant.adminRoleOnServer': '三员分立：系统管理员、安全管理员、安全审计员只能由服务器上的管理脚本任命（npm run admin:appoint），不能在此授予。',
    'grant.notAdminRole': '只能任命系统管理员、安全管理员或安全审计员（{roles}）。',
    'grant.alreadyHeld': '该账号已持有此角色。',
  },
  'en-US': {
    'account.adminProtected': 'Separation of the three administrators: the accounts of the sysadmin, secadmin and auditor cannot be changed, reset or re-granted here; each changes their own password, and a lost one is reset by the administration script on the server.',
    'grant.adminRoleOnServer': 'Separation of the three administrators: the sysadmin, secadmin and auditor are appointed only by the administration script on the server (npm run admin:appoint), never granted here.',
    'grant.notAdminRole': 'Only a sysadmin, secadmin or auditor can be appointed ({roles}).',
    'grant.alreadyHeld': 'The account already holds this role.',
  },
});
