import { createHandler } from '../_shared/command';
import { getCooperative, importRoster, listCooperatives, saveCooperative } from './commands/cooperatives';
import {
  computeDistribution,
  declare,
  exportDistribution,
  getDistribution,
  myDividends,
  publish,
  review,
  whatIf,
} from './commands/distributions';

/**
 * `dividends`: cooperatives and their shareholder rosters (imported from the village's Excel or CSV), a year's
 * distribution declared → computed → reviewed → published (immutable; corrections are new versions), computed
 * exactly to the fen in core/dividends.ts, and each household's lookup with the formula in words.
 */
export const main = createHandler('dividends', {
  listCooperatives,
  getCooperative,
  saveCooperative,
  importRoster,
  declare,
  compute: computeDistribution,
  review,
  publish,
  getDistribution,
  whatIf,
  exportDistribution,
  myDividends,
});
