import { clockNow } from '../../_shared/runtime';
import { defineCommand } from '../../_shared/command';
import { rosterTuning } from '../model';
import { requireImport } from '../roster-access';
import { applyUntil } from '../roster-apply';
import { rosterImportView } from '../views';

/**
 * 导入村民名册, step 2, called by the page in a loop: applies the next chunks of a staged import for a short
 * time budget (ROSTER_CONTINUE_BUDGET_MS, well under the function's timeout) and answers the progress. Safe to
 * call again at any point, also after a crash or from two pages at once. ok: the import · invalid: NOT_FOUND,
 * FORBIDDEN (a village the caller does not manage)
 */
export const continueRosterImport = defineCommand('members', 'continueRosterImport', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const imp = await requireImport(input.importId, actor);
    if (imp.status === 'done') return { import: rosterImportView(imp) };
    const after = await applyUntil(imp._id, Date.now() + rosterTuning().continueBudgetMs, clockNow);
    return { import: rosterImportView(after ?? imp) };
  },
});
