import { addMessages } from '../../core/i18n.ts';

/** Problem texts of deadlines, escalation, categories and the working calendar. */
addMessages({
  'zh-CN': {
    'demand.atTop': '该诉求已由区级办理，不能再向上吹哨。',
    'demand.notYourLevel': '只能对本级正在办理的诉求吹哨报到：社区从社区吹哨到街道（镇），街道（镇）从街道吹哨到区级。',
    'demandCategory.badCode': '编码只能由小写字母、数字和连字符组成（以字母或数字开头，最多 40 个字符）。',
    'demandCategory.codeTaken': '本区已有编码为 {code} 的诉求类别。',
    'demandCategory.codeImmutable': '类别编码创建后不能修改（它也是 Open311 的 service_code）。',
    'demandCategory.remindAfterDeadline': '提醒天数不能超过办理时限（{deadlineDays} 个工作日）。',
    'workCalendar.badDay': '日期应为 YYYY-MM-DD 格式的有效日期。',
    'workCalendar.workdayOnWeekday': '{day} 本来就是工作日，只有周末才能设为调休上班日。',
  },
  'en-US': {
    'demand.atTop': 'The district already holds this demand: there is no level above to whistle to.',
    'demand.notYourLevel': 'Whistle only for a demand held at your own level: the community to the street, the street to the district.',
    'demandCategory.badCode': 'A code is lower-case letters, digits and hyphens, starting with a letter or digit, at most 40 characters.',
    'demandCategory.codeTaken': 'The district already has a category with code {code}.',
    'demandCategory.codeImmutable': 'A category code cannot change once created (it is also the Open311 service_code).',
    'demandCategory.remindAfterDeadline': 'The reminder cannot come earlier than the deadline allows ({deadlineDays} working days).',
    'workCalendar.badDay': 'A day is a valid date written YYYY-MM-DD.',
    'workCalendar.workdayOnWeekday': '{day} is a weekday and already a working day: only a weekend day can be worked in exchange.',
  },
});
