import { defineCommand } from '../../_shared/command';
import { drain } from '../delivery';
import { tuning } from '../model';

/**
 * Sends queued messages for a while (senders may nudge it from the coverage page; the timer trigger runs the
 * same work every minute). ok: chunks finished and whether the queue is empty
 */
export const drainQueue = defineCommand('notices', 'drain', {
  async run(ctx) {
    return drain(ctx.now, tuning().drainBudgetMs);
  },
});
