import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the demands modules (intake, handling, deadlines, import, Open311 keys). */
addMessages({
  'zh-CN': {
    'demand.placeAboveCommunity': '请选择社区（村）或更下一级的位置，诉求要落到具体社区和网格。',
    'demand.unknownCategory': '诉求类别不存在或已停用，请重新选择。',
    'demand.wrongState': '诉求当前状态（{state}）不允许此操作，请刷新后查看。',
    'demand.noPerson': '当前账号没有关联居民信息，无法以本人身份反映诉求。',
  },
  'en-US': {
    'demand.placeAboveCommunity': 'Pick a community (village) or a place below it: a demand belongs to a community and a grid.',
    'demand.unknownCategory': 'This category does not exist or is retired. Pick another.',
    'demand.wrongState': 'The demand is now {state}: this step does not apply. Reload to see it.',
    'demand.noPerson': 'This account is not linked to a resident, so it cannot report a demand as one.',
  },
});
