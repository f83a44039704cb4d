import { ITEMS, POLLS } from '../../_shared/collections';
import { pollOptions } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { type PollDoc } from '../model';
import { requireManagedItem } from '../policy';

/**
 * 会议定事: after the round table, the village admin sets up the vote: the question, the kind (single choice,
 * multiple choice with a minimum and maximum, or 赞成/反对/弃权), who may vote, until when, the quorum and the
 * pass threshold, and whether results show live or only after close (the default). One poll per matter.
 * ok: {pollId} · invalid: WRONG_STEP, FORBIDDEN, CONFLICT (a poll exists), INVALID_INPUT
 */
export const createPoll = defineCommand('agenda', 'createPoll', {
  async run(ctx, input) {
    const { item } = await requireManagedItem(ctx, input.itemId, ['roundtable']);
    if (item.pollId) throw new AppError('CONFLICT', '这件事项已经有表决了');
    if (input.kind !== 'approval' && (!input.options || input.options.length < 2)) {
      throw new AppError('INVALID_INPUT', '请至少填写两个选项');
    }
    const options = pollOptions(input.kind, input.options ?? []);
    const min = input.kind === 'multiple' ? (input.minChoices ?? 1) : 1;
    const max = input.kind === 'multiple' ? (input.maxChoices ?? options.length) : 1;
    if (min > max || max > options.length)
      throw new AppError('INVALID_INPUT', '最少、最多选择数与选项数不符');
    if (input.closesAt <= ctx.now + 60_000) throw new AppError('INVALID_INPUT', '截止时间至少要在一分钟以后');
    const at = new Date(ctx.now);
    const poll: PollDoc = {
      _id: newId('p'),
      itemId: item._id,
      villageId: item.villageId,
      question: input.question,
      kind: input.kind,
      options,
      minChoices: min,
      maxChoices: max,
      quorumPct: input.quorumPct,
      thresholdPct: input.thresholdPct,
      thresholdBase: input.thresholdBase,
      eligibility: input.eligibility,
      visibility: input.visibility,
      status: 'draft',
      openingAt: null,
      opensAt: null,
      closesAt: new Date(input.closesAt),
      eligibleCount: 0,
      rollBuckets: 0,
      tallyShards: 0,
      result: null,
      digest: null,
      finalizedAt: null,
      createdBy: ctx.openid,
      createdAt: at,
    };
    await db.runTransaction(async (t) => {
      await t.collection(POLLS).add({ data: poll });
      await t
        .collection(ITEMS)
        .doc(item._id)
        .update({ data: { pollId: poll._id, updatedAt: at } });
    });
    return { pollId: poll._id };
  },
});
