import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the demands modules (intake, handling, deadlines, import, Open311 keys). */
addMessages({
  'zh-CN': {
    'demand.placeAboveCommunity': '请选择社区（村）或更下一级的位置，诉求要落到具体社区和网格。',
    'demand.unknownCategory': '诉求类别不存在或已停用，请重新选择。',
    'demand.wrongState': '诉求当前状态（{state}）不允许此操作，请刷新后查看。',
    'demand.noPerson': '当前账号没有关联居民信息，无法以本人身份反映诉求。',
    'demand.placeRequired': '请选择诉求发生的位置（社区、网格或楼栋）。',
    'demand.unknownPerson': '所选居民不存在或不在您的管辖范围内。',
    'demand.onlyForSelf': '居民只能以本人身份反映诉求。',
    'demand.channelNotAllowed': '此渠道的诉求不能手工录入，请选择电话、门户、走访或接待。',
    'demand.unknownHandler': '该单位不能承办此诉求，请从可选承办单位中选择。',
    'demand.badMergeTarget': '只能合并到同一社区另一件正在办理的诉求。',
    'demand.ratingPending': '办结后 {days} 天内等待居民评价，期满未评价才能结案。',
    'demand.photosClosed': '诉求已受理（{state}），反映人不能再补充照片。',
    'demand.tooManyPhotos': '每件诉求最多 {max} 张照片。',
  },
  'en-US': {
    'demand.placeAboveCommunity': 'Pick a community (village) or a place below it: a demand belongs to a community and a grid.',
    'demand.unknownCategory': 'This category does not exist or is retired. Pick another.',
    'demand.wrongState': 'The demand is now {state}: this step does not apply. Reload to see it.',
    'demand.noPerson': 'This account is not linked to a resident, so it cannot report a demand as one.',
    'demand.placeRequired': 'Pick where the demand is: a community, grid or building.',
    'demand.unknownPerson': 'This resident does not exist or lies outside your territory.',
    'demand.onlyForSelf': 'A resident reports demands only as themself.',
    'demand.channelNotAllowed': 'Demands of this channel are not entered by hand: pick phone, portal, visit or reception.',
    'demand.unknownHandler': 'This body cannot take the demand. Pick one of the offered handlers.',
    'demand.badMergeTarget': 'A duplicate merges only into another open demand of the same community.',
    'demand.ratingPending': 'A resolved demand waits {days} days for the resident\'s rating before it can be closed unrated.',
    'demand.photosClosed': 'The demand is now {state}: its reporter can no longer add photos.',
    'demand.tooManyPhotos': 'At most {max} photos per demand.',
  },
});
