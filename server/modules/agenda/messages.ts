import { addMessages } from '../../core/i18n.ts';

/** Problem texts of agenda items. */
addMessages({
  'zh-CN': {
    'agenda.notProposed': '该议题当前状态（{state}）不能再审核或撤回，请刷新后查看。',
    'agenda.notAccepted': '该议题当前状态（{state}）不能列入会议：只有经社区党组织审核同意的议题才能上会。',
    'agenda.ownCommunityOnly': '居民只能在本人所在社区提出议题。',
    'agenda.placeAboveCommunity': '请选择社区（村）或更下一级的位置，议题要落到具体社区。',
    'agenda.unknownBody': '提议单位不存在或不在该社区。',
    'agenda.badMergeTarget': '只能合并到同一社区另一个待审、已同意或已排会的议题。',
    'agenda.demandNotHandled': '只有承办该诉求的工作人员可以把它转为议题。',
    'agenda.noPerson': '当前账号没有关联居民信息，无法以本人身份提出议题。',
  },
  'en-US': {
    'agenda.notProposed': 'The item is now {state}: it can no longer be reviewed or withdrawn. Reload to see it.',
    'agenda.notAccepted': 'The item is {state}: only items the community party organisation has accepted go on a meeting.',
    'agenda.ownCommunityOnly': 'A resident proposes items only in their own community.',
    'agenda.placeAboveCommunity': 'Pick a community (village) or a place below it: an item belongs to a community.',
    'agenda.unknownBody': 'The proposing body does not exist or is not in this community.',
    'agenda.badMergeTarget': 'An item merges only into another proposed, accepted or scheduled item of the same community.',
    'agenda.demandNotHandled': 'Only staff handling the demand can turn it into an agenda item.',
    'agenda.noPerson': 'This account is not linked to a resident, so it cannot propose as one.',
  },
});
