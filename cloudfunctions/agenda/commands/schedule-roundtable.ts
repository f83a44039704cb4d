import { ITEMS, RESIDENTS } from '../../_shared/collections';
import type { ResidentDoc } from '../../_shared/documents';
import { roundtableRole } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { event } from '../model';
import { requireManagedItem } from '../policy';

/**
 * 圆桌议事: the village admin schedules the round table — time, place, and participants from the alliance
 * groups — and the matter moves to this step.
 * ok: the step · invalid: WRONG_STEP, FORBIDDEN, INVALID_INPUT (a participant outside the groups)
 */
export const scheduleRoundtable = defineCommand('agenda', 'scheduleRoundtable', {
  async run(ctx, input) {
    const { member, item } = await requireManagedItem(ctx, input.itemId, ['consulting']);
    const ids = [...new Set(input.participantIds)];
    const { data } = await db
      .collection(RESIDENTS)
      .where({ _id: _.in(ids) })
      .limit(100)
      .get();
    if (data.length !== ids.length) throw new AppError('INVALID_INPUT', '参会人中有人不在名册里');
    const participants = (data as ResidentDoc[]).map((r) => ({
      residentId: r._id,
      name: r.name,
      role: roundtableRole(r.roles),
    }));
    const outsider = participants.find((p) => !p.role);
    if (outsider) throw new AppError('INVALID_INPUT', `${outsider.name}不是联盟小组成员，不能作为参会人`);
    const at = new Date(ctx.now);
    const when = new Date(input.at);
    const { stats } = await db
      .collection(ITEMS)
      .where({ _id: item._id, step: 'consulting', status: 'open' })
      .update({
        data: {
          step: 'roundtable',
          roundtable: _.set({ at: when, place: input.place, participants, minutes: null }),
          updatedAt: at,
          timeline: _.push(
            event(
              'roundtable',
              member,
              `召开圆桌会：${input.place}，${participants.length} 位联盟成员参加`,
              at,
            ),
          ),
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这件事项刚刚被别人办理过，请刷新');
    return { step: 'roundtable' };
  },
});
