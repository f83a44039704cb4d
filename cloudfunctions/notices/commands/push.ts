import { NOTICES } from '../../_shared/collections';
import { DAY_MS } from '../../../core/time';
import { NOTICES_PER_DAY, audienceVillage, canNotify } from '../../../core/notices';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { consume, used } from '../../_shared/rate-limit';
import { findById } from '../../_shared/store';
import { drain } from '../delivery';
import { newNotice, noticeIdOf, PUSH_BUCKET, tuning } from '../model';
import { plan, allVillages } from '../planning';
import { requireLink, requireVillage } from '../policy';
import { pushed } from '../views';

/** The notice as stored, without its body: one read. */
const findNotice = (noticeId: string) => findById(NOTICES, noticeId, { body: false });

/**
 * 发布通知. Checks everything before writing anything: the caller may send to the audience, has pushes left
 * today, the link is public and the text passes WeChat's content check. Then the notice is stored (its id
 * comes from the request id, so a retry returns the same notice), the delivery queue is planned, and the
 * first batches are sent within a few seconds; `drain` (timer trigger) sends the rest.
 * ok: the notice and its audience size · invalid: FORBIDDEN, RATE_LIMITED, INVALID_INPUT, CONTENT_REJECTED
 */
export const push = defineCommand('notices', 'push', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const noticeId = noticeIdOf(ctx.openid, input.requestId);
    const existing = await findNotice(noticeId);
    if (existing) return pushed(existing);
    if (!canNotify(member, input.audience)) throw new AppError('FORBIDDEN', '您不能向这个范围发送通知');
    if ((await used(PUSH_BUCKET, ctx.openid, DAY_MS, ctx.now)) >= NOTICES_PER_DAY) {
      throw new AppError('RATE_LIMITED', `每人每天最多发送 ${NOTICES_PER_DAY} 条通知，请明天再发`);
    }
    const villages = await allVillages();
    const village = requireVillage(audienceVillage(input.audience), villages);
    await requireLink(input.link);
    const verdict = await checkText(ctx.openid, `${input.title}\n${input.body}`, 4);
    if (verdict !== 'pass') {
      throw new AppError('CONTENT_REJECTED', '通知内容未通过微信内容安全检查，请修改后再发送');
    }

    const { leaseMs, pushBudgetMs } = tuning();
    const owner = `push_${noticeId}`;
    const notice = newNotice(noticeId, input, member, village, ctx.now, {
      owner,
      until: new Date(ctx.now + leaseMs),
    });
    try {
      await db.collection(NOTICES).add({ data: notice });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return pushed((await findNotice(noticeId))!);
    }
    await consume(PUSH_BUCKET, ctx.openid, NOTICES_PER_DAY, DAY_MS, ctx.now);
    await plan(notice, owner, villages);
    await drain(ctx.now, pushBudgetMs, noticeId);
    return pushed((await findNotice(noticeId))!);
  },
});
