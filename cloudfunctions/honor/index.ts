import { createHandler } from '../_shared/command';
import { appeal, listAppeals, myStanding, reassess, resolveAppeal } from './commands/appeals';
import {
  addCorrection,
  addEntry,
  approveBoard,
  createBoard,
  getBoard,
  listBoards,
  recordAssembly,
  removeEntry,
  returnBoard,
  submitBoard,
} from './commands/boards';
import { listRules, saveRule, saveSettings, searchHouseholds } from './commands/rules';

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
