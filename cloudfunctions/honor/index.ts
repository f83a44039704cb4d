import { createHandler } from '../_shared/command';
import { addCorrection } from './commands/add-correction';
import { addEntry } from './commands/add-entry';
import { appeal } from './commands/appeal';
import { approveBoard } from './commands/approve-board';
import { createBoard } from './commands/create-board';
import { getBoard } from './commands/get-board';
import { listAppeals } from './commands/list-appeals';
import { listBoards } from './commands/list-boards';
import { listRules } from './commands/list-rules';
import { myStanding } from './commands/my-standing';
import { reassess } from './commands/reassess';
import { recordAssembly } from './commands/record-assembly';
import { removeEntry } from './commands/remove-entry';
import { resolveAppeal } from './commands/resolve-appeal';
import { returnBoard } from './commands/return-board';
import { saveRule } from './commands/save-rule';
import { saveSettings } from './commands/save-settings';
import { searchHouseholds } from './commands/search-households';
import { submitBoard } from './commands/submit-board';

/**
 * `honor`: the monthly 诚信红黑榜 with due process. Boards are drafted, reviewed by a second admin or the
 * 村民代表大会, then immutable; corrections show beside the original; black-listed households appeal within 15
 * days; restrictions lift by themselves after 3 months (`_shared/restrictions.ts` is the check for others).
 */
export const main = createHandler('honor', {
  listRules,
  saveRule,
  saveSettings,
  searchHouseholds,
  createBoard,
  addEntry,
  removeEntry,
  submitBoard,
  returnBoard,
  approveBoard,
  recordAssembly,
  listBoards,
  getBoard,
  addCorrection,
  appeal,
  resolveAppeal,
  reassess,
  myStanding,
  listAppeals,
});
