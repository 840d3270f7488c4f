export type Locale = 'zh-CN' | 'en-US';

/** Picks zh-CN unless the caller prefers English. */
export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]!.trim().toLowerCase();
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return 'zh-CN';
}

type Catalogue = Record<string, string>;

const zh: Catalogue = {
  'title.400': '请求有误',
  'title.401': '需要登录',
  'title.403': '无权操作',
  'title.404': '未找到',
  'title.409': '与当前状态冲突',
  'title.413': '文件过大',
  'title.415': '文件类型不支持',
  'title.422': '提交的内容有误',
  'title.423': '账号已锁定',
  'title.429': '请求过于频繁',
  'title.500': '服务器内部错误',
  validation: '请修改标出的字段后重新提交。',
  notFound: '未找到{what}（{id}），它可能已被删除或不在您的管辖范围内。',
  forbidden: '您的角色或管辖范围不允许此操作。如需权限，请联系安全管理员。',
  unauthenticated: '请先登录。',
  csrf: '请求缺少有效的安全令牌（X-CSRF-Token），请刷新页面后重试。',
  'auth.invalidCredentials': '用户名或密码错误。连续失败 5 次将锁定 15 分钟。',
  'auth.locked': '登录失败次数过多，账号已锁定至 {lockedUntil}，请稍后再试或联系安全管理员解锁。',
  'auth.totpRequired': '请输入身份验证器上的 6 位动态码。',
  'auth.totpInvalid': '动态码不正确，请重新输入。',
  'auth.totpSetupRequired': '您的角色要求启用双因素认证，请先在“账号安全”中绑定身份验证器。',
  'auth.passwordChangeRequired': '请先修改初始密码。',
  'auth.wrongPassword': '当前密码不正确。',
  'auth.demoRefused': '生产环境不允许使用演示账号。',
  'password.policy': '密码至少 8 位，并包含大写字母、小写字母、数字、符号中的至少 3 类。',
  'password.reused': '新密码不能与当前密码相同。',
  'field.required': '此项必填。',
  'field.invalid': '格式不正确：{reason}',
  'field.tooLong': '不能超过 {max} 个字符。',
  'idNumber.invalid': '身份证号不正确（18 位，最后一位校验码须符合 GB 11643）。',
  'idNumber.duplicate': '该身份证号已登记。',
  'phone.invalid': '手机号不正确，应为 11 位中国大陆手机号。',
  'territory.codeTaken': '编码 {code} 已被其他节点使用。',
  'territory.badParent': '{kind} 不能作为 {parentKind} 的下级。',
  'territory.cycle': '不能把节点移动到它自己的下级。',
  'territory.retired': '节点已撤销，不能再挂接新的记录。',
  'territory.hasActiveChildren': '该节点还有未撤销的下级节点，请先处理下级。',
  'territory.root': '根节点不能移动或撤销。',
  'import.badRows': '导入文件有 {count} 行错误，未导入任何数据。请下载错误报告，修改后重新导入。',
  'import.badType': '只接受 Excel 文件（.xlsx）。',
  'import.tooLarge': '文件超过 {maxMb} MB 的上限。',
  'import.empty': '文件中没有数据行。',
  'import.badHeader': '表头不符合模板，缺少列：{missing}。请下载模板后填写。',
  'account.usernameTaken': '用户名 {username} 已被使用。',
  'grant.selfGrant': '不能给自己授予角色。',
  'grant.adminSeparation': '三员分立：同一账号不能同时持有系统管理员、安全管理员、安全审计员中的两个角色。',
  'grant.outOfScope': '只能在自己的管辖范围内授权。',
  'body.personOutOfScope': '该人员不在您的管辖范围内。',
  rateLimited: '请求过于频繁，请稍后再试。',
  internal: '服务器出错了，已记录。请稍后重试，如持续出现请联系系统管理员。',
};

const en: Catalogue = {
  'title.400': 'Bad request',
  'title.401': 'Login required',
  'title.403': 'Not allowed',
  'title.404': 'Not found',
  'title.409': 'Conflict with the current state',
  'title.413': 'File too large',
  'title.415': 'Unsupported file type',
  'title.422': 'The submission has errors',
  'title.423': 'Account locked',
  'title.429': 'Too many requests',
  'title.500': 'Internal server error',
  validation: 'Correct the marked fields and submit again.',
  notFound: 'No {what} {id}: it may have been removed or lie outside your territory.',
  forbidden: 'Your role or territory does not allow this. Ask the security administrator for access.',
  unauthenticated: 'Please log in first.',
  csrf: 'The request lacks a valid security token (X-CSRF-Token). Reload the page and try again.',
  'auth.invalidCredentials': 'Wrong username or password. 5 failures in a row lock the account for 15 minutes.',
  'auth.locked': 'Too many failed logins: the account is locked until {lockedUntil}. Try later or ask the security administrator to unlock it.',
  'auth.totpRequired': 'Enter the 6-digit code from your authenticator app.',
  'auth.totpInvalid': 'The code is wrong. Enter it again.',
  'auth.totpSetupRequired': 'Your role requires two-factor authentication: set up an authenticator under Account security first.',
  'auth.passwordChangeRequired': 'Change your initial password first.',
  'auth.wrongPassword': 'The current password is wrong.',
  'auth.demoRefused': 'Demo accounts are refused in production.',
  'password.policy': 'A password needs at least 8 characters from at least 3 of: upper case, lower case, digits, symbols.',
  'password.reused': 'The new password must differ from the current one.',
  'field.required': 'This field is required.',
  'field.invalid': 'Invalid: {reason}',
  'field.tooLong': 'At most {max} characters.',
  'idNumber.invalid': 'Invalid ID-card number (18 characters, the last a GB 11643 check digit).',
  'idNumber.duplicate': 'This ID-card number is already registered.',
  'phone.invalid': 'Invalid phone number: expected an 11-digit mainland mobile number.',
  'territory.codeTaken': 'Code {code} is already used by another node.',
  'territory.badParent': 'A {kind} cannot sit under a {parentKind}.',
  'territory.cycle': 'A node cannot move under its own descendant.',
  'territory.retired': 'The node is retired: no new records can be attached to it.',
  'territory.hasActiveChildren': 'The node still has active children; deal with them first.',
  'territory.root': 'The root node cannot be moved or retired.',
  'import.badRows': 'The file has {count} bad rows; nothing was imported. Download the error report, correct the file and import it again.',
  'import.badType': 'Only Excel files (.xlsx) are accepted.',
  'import.tooLarge': 'The file exceeds the {maxMb} MB limit.',
  'import.empty': 'The file has no data rows.',
  'import.badHeader': 'The header does not match the template; missing columns: {missing}. Download the template and fill it in.',
  'account.usernameTaken': 'Username {username} is taken.',
  'grant.selfGrant': 'You cannot grant a role to yourself.',
  'grant.adminSeparation': 'Separation of the three administrators: one account cannot hold two of sysadmin, secadmin and auditor.',
  'grant.outOfScope': 'You can grant only within your own territory.',
  'body.personOutOfScope': 'That person lies outside your territory.',
  rateLimited: 'Too many requests. Try again later.',
  internal: 'Something went wrong on the server and was logged. Try again later; if it persists, contact the system administrator.',
};

const catalogues: Record<Locale, Catalogue> = { 'zh-CN': zh, 'en-US': en };

export function t(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const template = catalogues[locale][key] ?? catalogues['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

export function hasMessage(key: string): boolean {
  return key in zh;
}
