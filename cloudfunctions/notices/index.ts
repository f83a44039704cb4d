import { clockNow } from '../_shared/runtime';
import { createHandler, withTimer } from '../_shared/command';
import { composeOptions } from './commands/compose-options';
import { coverage } from './commands/coverage';
import { drainQueue } from './commands/drain';
import { exportUnread } from './commands/export-unread';
import { inbox } from './commands/inbox';
import { open } from './commands/open';
import { push } from './commands/push';
import { sent } from './commands/sent';
import { subscribe } from './commands/subscribe';
import { unread } from './commands/unread';
import { unreadHouseholds } from './commands/unread-households';
import { drain } from './delivery';
import { tuning } from './model';

/**
 * `notices`: notices pushed by the alliance groups and admins to a group, a village or the town; read receipts
 * per member and household; subscribe messages queued (`planning.ts`) and sent in resumable batches (`delivery.ts`); coverage for the
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

export const main = withTimer(handle, 'drain', () => drain(clockNow(), tuning().drainBudgetMs));
