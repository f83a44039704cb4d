import { createHandler } from '../_shared/command';
import { markLearned, readStats } from './commands/learning';
import { edit, listCategories, publish, saveCategory, withdraw } from './commands/publishing';
import { get, list, listVersions, getVersion, search } from './commands/reading';

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
