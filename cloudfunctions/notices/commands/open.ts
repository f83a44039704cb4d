import { defineCommand } from '../../_shared/command';
import { addressedTo, oversees, requireNotice } from '../policy';
import { markRead } from '../reads';
import { noticeView } from '../views';

/**
 * Opens a notice. A member it is addressed to leaves a read receipt: theirs, and their household's if nobody
 * of the household read it before (deterministic ids, so opening again or on two phones counts once). The
 * sender and admins who oversee it may open it without leaving one.
 * ok: the notice · invalid: NOT_FOUND (no such notice, or not addressed to the caller)
 */
export const open = defineCommand('notices', 'open', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const notice = await requireNotice(input.noticeId, member);
    let read = false;
    if (addressedTo(member, notice)) {
      read = true;
      await markRead(notice, member, ctx.now);
    }
    return noticeView(notice, read, oversees(member, notice));
  },
});
