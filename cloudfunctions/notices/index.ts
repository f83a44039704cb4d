import { fail, ok } from '../../core/result';
import { callerOpenid } from '../_shared/cloud';
import { clockNow } from '../_shared/runtime';
import { createHandler } from '../_shared/command';
import { coverage, exportUnread, sent, unreadHouseholds } from './commands/coverage';
import { inbox, open, subscribe, unread } from './commands/reading';
import { composeOptions, drainQueue, push } from './commands/sending';
import { drain } from './delivery';
import { tuning } from './model';

/**
 * `notices`: notices pushed by the alliance groups and admins to a group, a village or the town; read receipts
 * per member and household; subscribe messages sent in resumable batches (`delivery.ts`); coverage for the
 * sender. The timer trigger in config.json (every minute) resumes any delivery left unfinished.
 */
const handle = createHandler('notices', {
  composeOptions,
  push,
  drain: drainQueue,
  inbox,
  unread,
  open,
  subscribe,
  sent,
  coverage,
  unreadHouseholds,
  exportUnread,
});

/** WeChat's timer trigger: `{Type: 'Timer', TriggerName, Time}` with no user. A mini-program call always has one. */
const isTimer = (event: unknown) =>
  !!event && typeof event === 'object' && (event as { Type?: unknown }).Type === 'Timer';

export async function main(event: unknown) {
  if (isTimer(event) && !callerOpenid()) {
    try {
      return ok(await drain(clockNow(), tuning().drainBudgetMs));
    } catch (e) {
      console.error('[drain] unexpected error', e);
      return fail('INTERNAL');
    }
  }
  return handle(event);
}
