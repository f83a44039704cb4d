import { POLLS } from '../_shared/collections';
import { _, db } from '../_shared/cloud';
import { clockNow } from '../_shared/runtime';
import { auditUntil, finalizeIfDue, graceMs } from './freeze';
import { pollTuning, type PollDoc } from './model';
import { rollUntil } from './opening';

/** Polls of each kind taken per timer run: what is left waits for the next run (a minute later). */
const SWEEP_BATCH = 10;

/**
 * The timer trigger's work (config.json, every minute), for the polls nobody is reading: openings whose page
 * was closed, polls past their closing time that no read has frozen, and frozen results whose ballots are
 * still to be checked and digested (a town-size poll's). Three reads on the polls' status indexes, then
 * chunked steps within the run's budget; a step cut short by a crash is picked up by the next run.
 */
export async function sweepPolls(): Promise<{ polls: number; done: boolean }> {
  const { timerBudgetMs, abandonedMs } = pollTuning();
  const deadline = Date.now() + timerBudgetMs;
  const now = clockNow();
  const find = async (where: object) =>
    (await db.collection(POLLS).where(where).limit(SWEEP_BATCH).get()).data as PollDoc[];
  const [opening, due, auditing] = await Promise.all([
    find({ status: 'opening', openingAt: _.lt(new Date(now - abandonedMs)) }),
    find({ status: 'open', closesAt: _.lt(new Date(now - graceMs())) }),
    find({ status: 'closed', digest: null }),
  ]);
  let done = true;
  for (const poll of opening) {
    if (Date.now() >= deadline) return { polls: opening.length + due.length + auditing.length, done: false };
    if ((await rollUntil(poll, deadline, clockNow)).status === 'opening') done = false;
  }
  for (const poll of [...due, ...auditing]) {
    if (Date.now() >= deadline) return { polls: opening.length + due.length + auditing.length, done: false };
    const frozen = await finalizeIfDue(poll, now);
    if ((await auditUntil(frozen, deadline)).audit) done = false;
  }
  return { polls: opening.length + due.length + auditing.length, done };
}
