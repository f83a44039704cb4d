import { BINDING_REQUESTS } from '../../_shared/collections';
import { BINDING_REQUESTS_PER_DAY } from '../../../core/members';
import { maskPhone } from '../../../core/members/phone';
import { DAY_MS } from '../../../core/time';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { derivedId } from '../../_shared/ids';
import { consume } from '../../_shared/rate-limit';
import { type BindingRequestDoc } from '../model';
import { requestView } from '../views';
import { requireVillage } from '../policy';

/**
 * A WeChat user asks to be bound to their village's roster. One request per user (deterministic id);
 * asking again replaces a pending or rejected request. Typed text goes through msgSecCheck. Only the
 * masked phone number is kept.
 * ok: the pending request · invalid: CONFLICT (already bound), RATE_LIMITED, NOT_FOUND (village),
 * CONTENT_REJECTED, INVALID_INPUT
 */
export const requestBinding = defineCommand('members', 'requestBinding', {
  async run(ctx, input) {
    if (await ctx.member()) throw new AppError('CONFLICT', '您已经绑定了村民身份');
    if (!(await consume('bindingRequest', ctx.openid, BINDING_REQUESTS_PER_DAY, DAY_MS, ctx.now))) {
      throw new AppError('RATE_LIMITED', '今天提交的次数太多了，请明天再试');
    }
    const village = await requireVillage(input.villageId);
    const verdict = await checkText(ctx.openid, `${input.name}\n${input.household}`, 1);
    if (verdict === 'risky')
      throw new AppError('CONTENT_REJECTED', '姓名或户号含有不允许的内容，请修改后再提交');

    const doc: BindingRequestDoc = {
      _id: derivedId('bind', ctx.openid),
      openid: ctx.openid,
      villageId: village._id,
      name: input.name,
      household: input.household,
      phoneMasked: maskPhone(input.phone),
      status: 'pending',
      contentCheck: verdict,
      createdAt: new Date(ctx.now),
      decidedAt: null,
      decidedBy: null,
      reason: null,
      residentId: null,
    };
    const { _id, ...fields } = doc;
    await db.collection(BINDING_REQUESTS).doc(_id).set({ data: fields });
    return { request: requestView(doc, village.name) };
  },
});
