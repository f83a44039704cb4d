import { CATEGORIES } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { type CategoryDoc } from '../model';
import { categoryView } from '../views';

/**
 * A town admin adds a category or renames, reorders or hides one (categories are data, not code; a hidden
 * one keeps its briefings but takes no new ones). ok: the category
 */
export const saveCategory = defineCommand('briefings', 'saveCategory', {
  async run(_ctx, input) {
    const doc: CategoryDoc = {
      _id: input.categoryId,
      name: input.name,
      order: input.order,
      hidden: input.hidden,
    };
    const { _id, ...data } = doc;
    await db.collection(CATEGORIES).doc(_id).set({ data });
    return { category: categoryView(doc) };
  },
});
