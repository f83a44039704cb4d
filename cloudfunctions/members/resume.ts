import { ROSTER_IMPORTS } from '../_shared/collections';
import { _, db } from '../_shared/cloud';
import { clockNow } from '../_shared/runtime';
import { rosterTuning, type RosterImportDoc } from './model';
import { applyUntil } from './roster-apply';

/**
 * The timer trigger's work (config.json, every five minutes): imports whose page was closed before the end — no
 * progress for ROSTER_ABANDONED_MS — are applied to the end, oldest first, within the run's time budget. An
 * import a page is still driving is left to the page.
 */
export async function resumeAbandoned(): Promise<{ imports: number; done: boolean }> {
  const { abandonedMs, timerBudgetMs } = rosterTuning();
  const deadline = Date.now() + timerBudgetMs;
  const { data } = await db
    .collection(ROSTER_IMPORTS)
    .where({ status: 'applying', touchedAt: _.lt(new Date(clockNow() - abandonedMs)) })
    .orderBy('touchedAt', 'asc')
    .field({ _id: true })
    .limit(10)
    .get();
  let done = true;
  for (const { _id } of data as Pick<RosterImportDoc, '_id'>[]) {
    if (Date.now() >= deadline) return { imports: data.length, done: false };
    const after = await applyUntil(_id, deadline, clockNow);
    if (after?.status !== 'done') done = false;
  }
  return { imports: data.length, done };
}
