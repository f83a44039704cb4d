import { ITEMS } from '../../_shared/collections';
import { ITEMS_PER_DAY } from '../../../core/agenda';
import { DAY_MS } from '../../../core/time';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { consume } from '../../_shared/rate-limit';
import { event, type ItemDoc } from '../model';
import { itemSummary } from '../views';

/**
 * 群众提事: a verified resident raises a matter of their village. Title and body go through the content check:
 * risky is refused, review holds the item for the village admin. Three a day.
 * ok: the item and whether it is held · invalid: CONTENT_REJECTED, RATE_LIMITED, INVALID_INPUT, NOT_BOUND
 */
export const raise = defineCommand('agenda', 'raise', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (!(await consume('raise', ctx.openid, ITEMS_PER_DAY, DAY_MS, ctx.now))) {
      throw new AppError('RATE_LIMITED', `每天最多提 ${ITEMS_PER_DAY} 件事，请明天再提`);
    }
    const verdict = await checkText(ctx.openid, `${input.title}\n${input.body}`, 3);
    if (verdict === 'risky')
      throw new AppError('CONTENT_REJECTED', '标题或内容含有不允许的内容，请修改后再提交');
    const at = new Date(ctx.now);
    const item: ItemDoc = {
      _id: newId('i'),
      villageId: member.villageId,
      villageName: member.villageName,
      title: input.title,
      body: input.body,
      authorResidentId: member.residentId,
      authorOpenid: ctx.openid,
      authorName: member.name,
      status: verdict === 'review' ? 'held' : 'open',
      step: 'raised',
      supportCount: 0,
      commentCount: 0,
      verdicts: { confirm: 0, dispute: 0 },
      mergedInto: null,
      mergedFrom: [],
      roundtable: null,
      pollId: null,
      moderation: null,
      timeline: [event('raised', member, '提出事项', at)],
      createdAt: at,
      updatedAt: at,
    };
    await db.collection(ITEMS).add({ data: item });
    return { item: itemSummary(item), held: item.status === 'held' };
  },
});
