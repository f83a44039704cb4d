import { createHandler } from '../_shared/command';
import { edit } from './commands/edit';
import { get } from './commands/get';
import { getVersion } from './commands/get-version';
import { list } from './commands/list';
import { listCategories } from './commands/list-categories';
import { listVersions } from './commands/list-versions';
import { markLearned } from './commands/mark-learned';
import { publish } from './commands/publish';
import { readStats } from './commands/read-stats';
import { saveCategory } from './commands/save-category';
import { search } from './commands/search';
import { withdraw } from './commands/withdraw';

/**
 * `briefings`: policy briefings (政策宣讲) and public disclosures (公示). The 政策解读组 and the admins publish
 * Markdown rendered once into safe rich-text nodes, edit with a kept version history, and withdraw with a
 * reason; everyone lists, searches inside bodies, reads and hears them; residents mark them 已学习.
 */
export const main = createHandler('briefings', {
  listCategories,
  saveCategory,
  publish,
  edit,
  withdraw,
  list,
  search,
  get,
  listVersions,
  getVersion,
  markLearned,
  readStats,
});
