import { createHandler } from '../_shared/command';
import { comment, listComments, support } from './commands/discussion';
import { advance, getItem, listItems, merge, moderate, raise } from './commands/items';
import { checkReceipt, closePoll, createPoll, getPoll, listReceipts, openPoll, vote } from './commands/polls';
import { listParticipants, recordMinutes, scheduleRoundtable } from './commands/roundtable';
import { giveVerdict } from './commands/supervision';
import { addTask, updateTask } from './commands/tasks';

/**
 * `agenda`: the round table (党群圆桌会). A matter goes 群众提事 → 征求论事 → 圆桌议事 → 会议定事 → 集中办事 →
 * 制度监事 and closes with a public timeline. Polls have a frozen voter roll, one secret ballot per voter,
 * receipts, counters that read in O(1), and a result frozen with a digest anyone can recompute.
 */
export const main = createHandler('agenda', {
  listItems,
  getItem,
  raise,
  moderate,
  merge,
  advance,
  comment,
  listComments,
  support,
  scheduleRoundtable,
  recordMinutes,
  listParticipants,
  createPoll,
  openPoll,
  closePoll,
  getPoll,
  vote,
  checkReceipt,
  listReceipts,
  addTask,
  updateTask,
  giveVerdict,
});
