import { addMessages } from '../../core/i18n.ts';

/** Problem texts of the propose–consult–review pipeline. */
addMessages({
  'zh-CN': {
    'cogov.stageOutOfOrder': '须按“提议—商议—评议”的顺序记录，下一步应为：{next}。',
    'cogov.stageRecorded': '该环节（{stage}）已经记录，不能重复记录。',
    'cogov.closed': '该事项已{state}，不能再记录。',
    'cogov.badBody': '该组织不属于本事项所在社区或其上级。',
    'cogov.badMeeting': '该会议不属于本事项所在社区或其上级。',
    'cogov.meetingKind': '此环节应关联{kind}。',
    'cogov.futureDate': '日期不能晚于今天。',
    'cogov.beforePrevious': '日期不能早于上一环节（{previous}）。',
    'cogov.placeRequired': '请选择事项所属的社区。',
  },
  'en-US': {
    'cogov.stageOutOfOrder': 'Stages go propose → consult → review; the next one is {next}.',
    'cogov.stageRecorded': 'The {stage} stage is already recorded.',
    'cogov.closed': 'The matter is {state}: nothing more is recorded.',
    'cogov.badBody': 'This body does not belong to the matter\'s community or a level above it.',
    'cogov.badMeeting': 'This meeting does not belong to the matter\'s community or a level above it.',
    'cogov.meetingKind': 'This stage links a meeting of kind {kind}.',
    'cogov.futureDate': 'The date cannot be later than today.',
    'cogov.beforePrevious': 'The date cannot be before the previous stage ({previous}).',
    'cogov.placeRequired': 'Pick the community the matter belongs to.',
  },
});
