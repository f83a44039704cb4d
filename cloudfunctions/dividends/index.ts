import { createHandler } from '../_shared/command';
import { compute } from './commands/compute';
import { declare } from './commands/declare';
import { exportDistribution } from './commands/export-distribution';
import { getCooperative } from './commands/get-cooperative';
import { getDistribution } from './commands/get-distribution';
import { importRoster } from './commands/import-roster';
import { listCooperatives } from './commands/list-cooperatives';
import { myDividends } from './commands/my-dividends';
import { publish } from './commands/publish';
import { review } from './commands/review';
import { saveCooperative } from './commands/save-cooperative';
import { whatIf } from './commands/what-if';

/**
 * `dividends`: cooperatives and their shareholder rosters (imported from the village's Excel or CSV), a year's
 * distribution declared → computed → reviewed → published (immutable; corrections are new versions), computed
 * exactly to the fen in core/dividends (rules.ts), and each household's lookup with the formula in words.
 */
export const main = createHandler('dividends', {
  listCooperatives,
  getCooperative,
  saveCooperative,
  importRoster,
  declare,
  compute,
  review,
  publish,
  getDistribution,
  whatIf,
  exportDistribution,
  myDividends,
});
