import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the resolutions module. */
addMessages({
  'zh-CN': {
    'resolution.wrongState': '决议当前状态（{state}）不允许此操作，请刷新后查看。',
    'resolution.itemNotAdopted': '只有会议表决通过的议题才能形成决议。',
    'resolution.itemTaken': '该议题已形成决议，不能重复起草。',
    'resolution.placeRequired': '请选择决议所属的社区。',
    'resolution.badBody': '责任主体须是本社区或其上级的组织。',
    'resolution.publicationClosed': '决议不在公示期内，不能再提出异议。',
    'resolution.alreadyAnswered': '该异议已经答复。',
    'resolution.draftOnly': '决议发布后，标题、正文和公示天数不能再修改。',
  },
  'en-US': {
    'resolution.wrongState': 'The resolution is now {state}: this step does not apply. Reload to see it.',
    'resolution.itemNotAdopted': 'Only an agenda item the meeting adopted can become a resolution.',
    'resolution.itemTaken': 'This item already has a resolution.',
    'resolution.placeRequired': 'Pick the community the resolution belongs to.',
    'resolution.badBody': 'The responsible body must belong to this community or a level above it.',
    'resolution.publicationClosed': 'The resolution is not being published now: objections are closed.',
    'resolution.alreadyAnswered': 'This objection has already been answered.',
    'resolution.draftOnly': 'Once published, the title, text and publication days stay as they are.',
  },
});
