import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { unreadOf } from '../households';
import { requireOverseen } from '../policy';

/**
 * 未读户: a village's households where nobody has opened the notice, for the grid workers to visit — with
 * each member's name, whether they have WeChat, and what happened to their reminder.
 * ok: the households · invalid: NOT_FOUND, FORBIDDEN, INVALID_INPUT (the village got no copy)
 */
export const unreadHouseholds = defineCommand('notices', 'unreadHouseholds', {
  async run(ctx, input) {
    const notice = await requireOverseen(input.noticeId, (await ctx.member())!);
    const village = notice.villages.find((v) => v.villageId === input.villageId);
    if (!village) throw new AppError('INVALID_INPUT', '这条通知没有发到这个村（社区）');
    const households = await unreadOf(notice, input.villageId);
    return {
      villageName: village.villageName,
      households: households.map(({ household, members }) => ({ household, members })),
    };
  },
});
