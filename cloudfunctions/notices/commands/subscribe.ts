import { SUBSCRIPTIONS } from '../../_shared/collections';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { grantsLeft } from '../delivery';
import { noticeTemplateId } from '../model';

/**
 * Records what the member answered to WeChat's subscription prompt: each accept is one more reminder the app
 * may send; a ban (the member turned reminders off) leaves none. Decisions are counted per template.
 * The template is the configured one (model.ts noticeTemplateId).
 * ok: reminders left · invalid: INVALID_INPUT (unknown template) · INTERNAL (no template configured)
 */
export const subscribe = defineCommand('notices', 'subscribe', {
  async run(ctx, input) {
    const template = noticeTemplateId();
    if (!template) throw new AppError('INTERNAL', '通知提醒尚未配置，请联系管理员');
    const entries = Object.entries(input.results);
    if (entries.length === 0 || entries.some(([t]) => t !== template)) {
      throw new AppError('INVALID_INPUT', '不支持的订阅消息模板');
    }
    const decision = input.results[template]!;
    const grant = `grants.${template}`;
    const tally = `decisions.${template}`;
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
            grants: { [template]: decision === 'accept' ? 1 : 0 },
            decisions: { [template]: { [decision]: 1, last: decision, at: new Date(ctx.now) } },
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
