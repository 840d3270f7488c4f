import { addMessages } from '../../core/i18n.ts';

/** Problem texts of mediation cases. */
addMessages({
  'zh-CN': {
    'mediation.placeAboveCommunity': '请选择社区（村）或更下一级的位置。',
    'mediation.wrongState': '案件当前状态（{state}）不允许此操作，请刷新后查看。',
    'mediation.partyWho': '当事人请选择平台上的居民、单位，或填写姓名（三选一）。',
    'mediation.partyOutside': '该当事人不在本街镇范围内。',
    'mediation.badPhone': '请填写 11 位手机号码。',
    'mediation.partiesMissing': '申请人和被申请人都要有，才能形成调解协议。',
    'mediation.noAgreement': '请先录入调解协议内容，再由当事人签字确认。',
    'mediation.alreadySigned': '该当事人已签字确认。',
    'mediation.mediatorOutside': '调解员须是本街镇的人员。',
    'mediation.demandElsewhere': '诉求与调解地点不在同一社区。',
  },
  'en-US': {
    'mediation.placeAboveCommunity': 'Pick a community (village) or a place below it.',
    'mediation.wrongState': 'The case is now {state}: this step does not apply. Reload to see it.',
    'mediation.partyWho': 'Name the party as a resident of the platform, a body, or by name (one of the three).',
    'mediation.partyOutside': 'This party lies outside the street.',
    'mediation.badPhone': 'Enter an 11-digit mobile number.',
    'mediation.partiesMissing': 'An agreement needs at least one applicant and one respondent.',
    'mediation.noAgreement': 'Enter the agreement text before the parties sign it.',
    'mediation.alreadySigned': 'This party has already signed.',
    'mediation.mediatorOutside': 'The mediator must be a person of this street.',
    'mediation.demandElsewhere': 'The demand lies in another community than the place of mediation.',
  },
});
