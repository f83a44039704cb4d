import { SUBSCRIPTIONS } from '../../_shared/collections';
import { NOTICE_TEMPLATE_ID } from '../../../core/notices';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { grantsLeft } from '../delivery';

/**
 * Records what the member answered to WeChat's subscription prompt: each accept is one more reminder the app
 * may send; a ban (the member turned reminders off) leaves none. Decisions are counted per template.
 * ok: reminders left · invalid: INVALID_INPUT (unknown template)
 */
export const subscribe = defineCommand('notices', 'subscribe', {
  async run(ctx, input) {
    const entries = Object.entries(input.results);
    if (entries.length === 0 || entries.some(([t]) => t !== NOTICE_TEMPLATE_ID)) {
      throw new AppError('INVALID_INPUT', '不支持的订阅消息模板');
    }
    const decision = input.results[NOTICE_TEMPLATE_ID]!;
    const grant = `grants.${NOTICE_TEMPLATE_ID}`;
    const tally = `decisions.${NOTICE_TEMPLATE_ID}`;
    const change = {
      [grant]: decision === 'ban' ? 0 : _.inc(decision === 'accept' ? 1 : 0),
      [`${tally}.${decision}`]: _.inc(1),
      [`${tally}.last`]: decision,
      [`${tally}.at`]: new Date(ctx.now),
    };
    const ref = db.collection(SUBSCRIPTIONS).doc(ctx.openid);
    const { stats } = await ref.update({ data: change });
    if (stats.updated === 0) {
      try {
        await db.collection(SUBSCRIPTIONS).add({
          data: {
            _id: ctx.openid,
            grants: { [NOTICE_TEMPLATE_ID]: decision === 'accept' ? 1 : 0 },
            decisions: { [NOTICE_TEMPLATE_ID]: { [decision]: 1, last: decision, at: new Date(ctx.now) } },
          },
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await ref.update({ data: change });
      }
    }
    return { grantsLeft: await grantsLeft(ctx.openid) };
  },
});
