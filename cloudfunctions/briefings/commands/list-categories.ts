import { defineCommand } from '../../_shared/command';
import { loadCategories } from '../policy';
import { categoryView } from '../views';

/** The categories, in order; hidden ones are listed too (a page shows only the others). One read. */
export const listCategories = defineCommand('briefings', 'listCategories', {
  async run() {
    return { categories: (await loadCategories()).map(categoryView) };
  },
});
