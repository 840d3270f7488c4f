import { addMessages } from '../../core/i18n.ts';

/** Problem texts of conventions and rules. */
addMessages({
  'zh-CN': {
    'charter.node': '公约只能建在社区（村）上；小区的公约请选择小区。',
    'charter.estateOutside': '所选小区不在该社区内。',
    'charter.wrongState': '该版本当前状态（{state}）不允许此操作，请刷新后查看。',
    'charter.notDraft': '只有草稿可以修改；已征求意见、通过或发布的版本不能再改。',
    'charter.commentUntilPast': '征求意见截止时间须晚于现在。',
    'charter.commentOpen': '征求意见尚未截止（{until}），截止后才能表决通过。',
    'charter.commentClosed': '该版本不在征求意见期内，不能再提意见。',
    'charter.adoptionRequired': '请选择通过该版本的决议或业主表决事项（二选一）。',
    'charter.resolutionUnknown': '决议不存在，或不属于本社区。',
    'charter.matterNotPassed': '业主表决事项不存在、不属于本小区（社区），或未表决通过。',
    'charter.draftOpen': '已有正在起草或征求意见的版本（第 {version} 版），请先完成它。',
    'charter.unknownVersion': '版本 {version} 不存在。',
  },
  'en-US': {
    'charter.node': 'A charter belongs to a community (village); for an estate\'s charter pick the estate.',
    'charter.estateOutside': 'This estate is not in that community.',
    'charter.wrongState': 'This version is now {state}: this step does not apply. Reload to see it.',
    'charter.notDraft': 'Only a draft can be edited; a version out for comment, adopted or published cannot.',
    'charter.commentUntilPast': 'The comment period must end in the future.',
    'charter.commentOpen': 'Comments are open until {until}; adopt the version after they close.',
    'charter.commentClosed': 'This version is not open for comment.',
    'charter.adoptionRequired': 'Name the resolution or the owners\' vote that adopted this version (one of the two).',
    'charter.resolutionUnknown': 'This resolution does not exist or belongs to another community.',
    'charter.matterNotPassed': 'This owners\' vote does not exist, belongs elsewhere, or did not pass.',
    'charter.draftOpen': 'Version {version} is still being drafted or commented on; finish it first.',
    'charter.unknownVersion': 'There is no version {version}.',
  },
});
