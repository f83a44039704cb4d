import { createHandler, withTimer } from '../_shared/command';
import { addTask } from './commands/add-task';
import { advance } from './commands/advance';
import { checkReceipt } from './commands/check-receipt';
import { closePoll } from './commands/close-poll';
import { comment } from './commands/comment';
import { createPoll } from './commands/create-poll';
import { getItem } from './commands/get-item';
import { getPoll } from './commands/get-poll';
import { giveVerdict } from './commands/give-verdict';
import { listComments } from './commands/list-comments';
import { listItems } from './commands/list-items';
import { listParticipants } from './commands/list-participants';
import { listReceipts } from './commands/list-receipts';
import { merge } from './commands/merge';
import { moderate } from './commands/moderate';
import { openPoll } from './commands/open-poll';
import { raise } from './commands/raise';
import { recordMinutes } from './commands/record-minutes';
import { scheduleRoundtable } from './commands/schedule-roundtable';
import { support } from './commands/support';
import { updateTask } from './commands/update-task';
import { vote } from './commands/vote';
import { sweepPolls } from './sweep';

/**
 * `agenda`: the round table (党群圆桌会). A matter goes 群众提事 → 征求论事 → 圆桌议事 → 会议定事 → 集中办事 →
 * 制度监事 and closes with a public timeline. Polls have a frozen voter roll, one secret ballot per voter,
 * receipts, counters that read in O(1), and a result frozen with a digest anyone can recompute. Town-size
 * work (a roll, a digest) runs in resumable steps; the timer trigger (config.json, every minute) finishes what
 * no page is driving.
 */
const handle = createHandler('agenda', {
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

export const main = withTimer(handle, 'sweepPolls', sweepPolls);
