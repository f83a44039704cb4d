import type { PollKind, Step } from './contract';

/** The agenda's words as the app shows them: steps, poll kinds, eligibilities, and the input fields. */
export const STEP_LABELS: Record<Step, string> = {
  raised: '群众提事',
  consulting: '征求论事',
  roundtable: '圆桌议事',
  deciding: '会议定事',
  doing: '集中办事',
  supervising: '制度监事',
  closed: '已办结',
};

export const POLL_KIND_LABELS: Record<PollKind, string> = {
  single: '单选',
  multiple: '多选',
  approval: '赞成/反对/弃权',
};

export const ELIGIBILITY_LABELS = {
  residents: '本村已认证村民',
  reps: '本村村民代表',
  group: '联盟小组成员',
} as const;

export const AGENDA_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  body: '内容',
  text: '评论',
  itemId: '事项编号',
  intoItemId: '合并到的事项',
  reason: '原因',
  at: '时间',
  place: '地点',
  participantIds: '参会人',
  minutes: '会议纪要',
  question: '表决事项',
  kind: '表决方式',
  options: '选项',
  minChoices: '最少选择数',
  maxChoices: '最多选择数',
  eligibility: '投票范围',
  closesAt: '截止时间',
  quorumPct: '参与率',
  thresholdPct: '通过比例',
  thresholdBase: '通过比例的计算基数',
  visibility: '结果公开方式',
  pollId: '表决编号',
  choices: '选项',
  receipt: '回执码',
  ownerId: '负责人',
  dueAt: '完成期限',
  taskId: '任务编号',
  progress: '进度',
  note: '说明',
  verdict: '评议',
  step: '步骤',
  mine: '只看我提的',
  villageId: '村',
};
