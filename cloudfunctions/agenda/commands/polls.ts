import type { MemberDoc } from '../../_shared/documents';
import { BALLOTS, ITEMS, POLLS, ROLLS, TALLIES, VOTES } from '../../_shared/collections';
import {
  checkChoices,
  normalizeReceipt,
  RECEIPTS_PAGE_MAX,
  pollOptions,
  type PollView,
} from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { requireItem, requireManager, requireStep } from '../access';
import { event, type PollDoc } from '../model';
import {
  finalizeIfDue,
  hasVoted,
  outcomeOf,
  pollStatus,
  readTally,
  receiptHash,
  rollEntry,
  ROLL_BUCKET_SIZE,
  TALLY_SHARDS,
  bucketOf,
  voteMarkerId,
} from '../polls';

async function requirePoll(pollId: string, now: number): Promise<PollDoc> {
  const { data } = await db.collection(POLLS).where({ _id: pollId }).get();
  if (!data[0]) throw new AppError('NOT_FOUND', '没有找到这次表决');
  return finalizeIfDue(data[0] as PollDoc, now);
}

/** An openPoll claim older than this (well past the function timeout) was abandoned and may be taken over. */
const OPENING_STALE_MS = 60_000;

/** Attempts of the vote transaction when it meets a concurrent vote on the same tally shard. */
const VOTE_ATTEMPTS = 10;

/**
 * 会议定事: after the round table, the village admin sets up the vote: the question, the kind (single choice,
 * multiple choice with a minimum and maximum, or 赞成/反对/弃权), who may vote, until when, the quorum and the
 * pass threshold, and whether results show live or only after close (the default). One poll per matter.
 * ok: {pollId} · invalid: WRONG_STEP, FORBIDDEN, CONFLICT (a poll exists), INVALID_INPUT
 */
export const createPoll = defineCommand('agenda', 'createPoll', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    requireStep(item, ['roundtable']);
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

/** Everyone who may vote, as the members collection says right now (each member carries their roles). */
async function eligibleMembers(poll: PollDoc): Promise<MemberDoc[]> {
  const e = poll.eligibility;
  const where: Record<string, unknown> =
    e.kind === 'residents'
      ? { villageId: poll.villageId }
      : e.kind === 'reps'
        ? { villageId: poll.villageId, 'roles.rep': true }
        : { 'roles.groups.group': e.group };
  const out: MemberDoc[] = [];
  let after = '';
  for (;;) {
    const { data } = await db
      .collection('members')
      .where({ ...where, _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    out.push(...(data as MemberDoc[]));
    if (data.length < 1000) break;
    after = data.at(-1)!._id as string;
  }
  if (e.kind !== 'group') return out;
  // A group votes with its town-level members and its members in this village.
  return out.filter((m) =>
    m.roles.groups.some((g) => g.group === e.group && (g.level === 'town' || m.villageId === poll.villageId)),
  );
}

/**
 * Opens the vote: who may vote is resolved now and frozen into the roll, so the eligible count behind the
 * quorum never drifts; the tally counters start at zero; the matter moves to 会议定事.
 * ok: the eligible count · invalid: FORBIDDEN, CONFLICT (not a draft, nobody eligible), POLL_CLOSED (past closesAt)
 */
export const openPoll = defineCommand('agenda', 'openPoll', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const poll = await requirePoll(input.pollId, ctx.now);
    const item = await requireItem(poll.itemId, member, ctx.openid);
    requireManager(member, item);
    // Before the step: once open, the matter has moved on to 会议定事, and opening again is the conflict.
    const stale =
      poll.status === 'opening' && ctx.now - new Date(poll.openingAt!).getTime() > OPENING_STALE_MS;
    if (poll.status !== 'draft' && !stale) throw new AppError('CONFLICT', '这次表决已经开始了');
    requireStep(item, ['roundtable']);
    if (new Date(poll.closesAt).getTime() <= ctx.now)
      throw new AppError('POLL_CLOSED', '截止时间已过，请重新发起表决');
    const voters = await eligibleMembers(poll);
    if (voters.length === 0) throw new AppError('CONFLICT', '没有符合条件的投票人');
    // Claim the poll: one opener writes the roll and zeroes the counters, while no vote can land (votes need
    // `open`). A second admin pressing at the same moment gets CONFLICT instead of resetting live counters.
    const openingAt = new Date(ctx.now);
    const claim = await db
      .collection(POLLS)
      .where({ _id: poll._id, status: poll.status, openingAt: poll.openingAt })
      .update({ data: { status: 'opening', openingAt } });
    if (claim.stats.updated === 0) throw new AppError('CONFLICT', '这次表决已经开始了');
    const buckets = Math.max(1, Math.ceil(voters.length / ROLL_BUCKET_SIZE));
    const entries: Record<string, string>[] = Array.from({ length: buckets }, () => ({}));
    for (const m of voters) entries[bucketOf(m._id, buckets)]![m._id] = m.residentId;
    // Deterministic ids and set(): taking over a stale claim rewrites the same documents.
    for (let b = 0; b < buckets; b++) {
      await db
        .collection(ROLLS)
        .doc(`${poll._id}_${b}`)
        .set({ data: { pollId: poll._id, entries: entries[b] } });
    }
    for (let s = 0; s < TALLY_SHARDS; s++) {
      await db
        .collection(TALLIES)
        .doc(`${poll._id}_${s}`)
        .set({ data: { pollId: poll._id, cast: 0, counts: {} } });
    }
    const at = new Date(ctx.now);
    const { stats } = await db
      .collection(POLLS)
      .where({ _id: poll._id, status: 'opening', openingAt })
      .update({
        data: {
          status: 'open',
          opensAt: at,
          eligibleCount: voters.length,
          rollBuckets: buckets,
          tallyShards: TALLY_SHARDS,
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这次表决已经开始了');
    await db
      .collection(ITEMS)
      .doc(item._id)
      .update({
        data: {
          step: 'deciding',
          updatedAt: at,
          timeline: _.push(
            event('deciding', member, `开始表决：${poll.question}（${voters.length} 人有投票资格）`, at),
          ),
        },
      });
    return { eligibleCount: voters.length };
  },
});

/**
 * Ends the vote now (before its closing time, or confirms it after, which changes nothing). The result is
 * frozen a few seconds later, once no ballot can still be on its way.
 * ok: the closing time · invalid: FORBIDDEN, POLL_NOT_OPEN, POLL_CLOSED
 */
export const closePoll = defineCommand('agenda', 'closePoll', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const poll = await requirePoll(input.pollId, ctx.now);
    const item = await requireItem(poll.itemId, member, ctx.openid);
    requireManager(member, item);
    if (poll.status === 'draft' || poll.status === 'opening')
      throw new AppError('POLL_NOT_OPEN', '表决还没有开始');
    if (poll.status === 'closed') throw new AppError('POLL_CLOSED', '表决已经结束了');
    const closesAt = Math.min(new Date(poll.closesAt).getTime(), ctx.now);
    const at = new Date(ctx.now);
    // Only a close that ends the vote early moves the time and is recorded: closing again (a double tap) or
    // after the closing time confirms it without a second timeline entry.
    const { stats } = await db
      .collection(POLLS)
      .where({ _id: poll._id, status: 'open', closesAt: _.gt(at) })
      .update({ data: { closesAt: at } });
    if (stats.updated > 0) {
      await db
        .collection(ITEMS)
        .doc(item._id)
        .update({
          data: { updatedAt: at, timeline: _.push(event('deciding', member, '结束投票，开始计票', at)) },
        });
    }
    return { closesAt };
  },
});

/**
 * The poll as its page shows it: rules, turnout, the result (after close, or live if the poll says so) with
 * its digest, and whether the caller may vote and already did. Three reads at most.
 * ok: the poll · invalid: NOT_FOUND
 */
export const getPoll = defineCommand('agenda', 'getPoll', {
  async run(ctx, input): Promise<PollView> {
    const poll = await requirePoll(input.pollId, ctx.now);
    const [tally, residentId] = await Promise.all([readTally(poll), rollEntry(poll, ctx.openid)]);
    const showResult = poll.status === 'closed' || poll.visibility === 'live';
    return {
      pollId: poll._id,
      itemId: poll.itemId,
      question: poll.question,
      kind: poll.kind,
      options: poll.options,
      minChoices: poll.minChoices,
      maxChoices: poll.maxChoices,
      eligibility: poll.eligibility,
      eligibleCount: poll.eligibleCount,
      status: pollStatus(poll, ctx.now),
      opensAt: poll.opensAt ? new Date(poll.opensAt).getTime() : null,
      closesAt: new Date(poll.closesAt).getTime(),
      quorumPct: poll.quorumPct,
      thresholdPct: poll.thresholdPct,
      thresholdBase: poll.thresholdBase,
      visibility: poll.visibility,
      cast: tally.cast,
      outcome:
        showResult && (poll.status === 'open' || poll.status === 'closed') ? outcomeOf(poll, tally) : null,
      digest: poll.digest,
      mine: {
        eligible: residentId !== null,
        voted: residentId !== null && (await hasVoted(poll._id, residentId)),
      },
    };
  },
});

/**
 * Casts a ballot. Who may vote is the roll frozen at opening (no member read: the roll knows the caller). One
 * transaction writes the "voted" marker (deterministic id: a second ballot fails on it, under any concurrency
 * and any client retry), the ballot under the hash of the voter's receipt (never next to the voter), and one
 * tally shard. The receipt is made on the voter's phone; only its hash reaches the database. Sending the
 * same ballot again with the same receipt (a retry after a lost answer) answers ok again and counts once.
 * ok: the receipt hash · invalid: POLL_NOT_OPEN, POLL_CLOSED, NOT_ELIGIBLE, ALREADY_VOTED, INVALID_INPUT
 */
export const vote = defineCommand('agenda', 'vote', {
  async run(ctx, input) {
    const { data } = await db.collection(POLLS).where({ _id: input.pollId }).get();
    const poll = data[0] as PollDoc | undefined;
    if (!poll) throw new AppError('NOT_FOUND', '没有找到这次表决');
    if (poll.status === 'draft' || poll.status === 'opening')
      throw new AppError('POLL_NOT_OPEN', '表决还没有开始');
    if (poll.status === 'closed' || ctx.now >= new Date(poll.closesAt).getTime())
      throw new AppError('POLL_CLOSED', '表决已经结束了');
    const residentId = await rollEntry(poll, ctx.openid);
    if (!residentId) throw new AppError('NOT_ELIGIBLE', '您不在这次表决的投票范围内');
    const problem = checkChoices(poll, input.choices);
    if (problem) throw new AppError('INVALID_INPUT', problem);
    const hash = receiptHash(poll._id, input.receipt);
    const day = new Date(ctx.now).toISOString().slice(0, 10);
    try {
      await db.runTransaction(async (t) => {
        await t
          .collection(VOTES)
          .add({ data: { _id: voteMarkerId(poll._id, residentId), pollId: poll._id, day } });
        await t
          .collection(BALLOTS)
          .add({ data: { _id: hash, pollId: poll._id, choices: [...input.choices].sort() } });
        // A shard picked afresh on each attempt: concurrent votes rarely touch the same counter.
        const shard = `${poll._id}_${Math.floor(Math.random() * (poll.tallyShards || 1))}`;
        const inc: Record<string, unknown> = { cast: _.inc(1) };
        for (const c of input.choices) inc[`counts.${c}`] = _.inc(1);
        await t.collection(TALLIES).doc(shard).update({ data: inc });
      }, VOTE_ATTEMPTS);
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      if (!(e as Error).message.includes(VOTES))
        throw new AppError('CONFLICT', '这个回执码已经用过了，请重新投票');
      // The same ballot sent again (a retry after a lost answer) succeeds again; another ballot does not.
      const { data: same } = await db.collection(BALLOTS).where({ _id: hash, pollId: poll._id }).get();
      const sorted = [...input.choices].sort().join(',');
      if ((same[0]?.choices as string[] | undefined)?.join(',') !== sorted)
        throw new AppError('ALREADY_VOTED', '您已经投过票了，投票后不能更改');
    }
    return { receiptHash: hash };
  },
});

/**
 * A voter checks with their receipt that their ballot is counted as cast; nobody without the receipt can.
 * ok: counted and the choices · invalid: INVALID_INPUT (not a receipt)
 */
export const checkReceipt = defineCommand('agenda', 'checkReceipt', {
  async run(_ctx, input) {
    const receipt = normalizeReceipt(input.receipt);
    if (!receipt) throw new AppError('INVALID_INPUT', '回执码是 16 位字母和数字');
    const { data } = await db
      .collection(BALLOTS)
      .where({ _id: receiptHash(input.pollId, receipt), pollId: input.pollId })
      .get();
    return data[0]
      ? { counted: true, choices: data[0].choices as string[] }
      : { counted: false, choices: null };
  },
});

/**
 * After the result is frozen, every ballot is published as (receipt hash, choices), with no voter: anyone can
 * recount, and recompute the digest (sha256 of core/agenda.ts `tallyDigestText`). Up to 1000 a page.
 * ok: a page and the digest · invalid: POLL_NOT_OPEN (not frozen yet)
 */
export const listReceipts = defineCommand('agenda', 'listReceipts', {
  async run(ctx, input) {
    const poll = await requirePoll(input.pollId, ctx.now);
    if (poll.status !== 'closed') throw new AppError('POLL_NOT_OPEN', '表决结束并完成计票后才公布回执');
    // A full page may be followed by an empty one: the database caps a read at 1000, so no look-ahead row.
    const limit = input.limit ?? RECEIPTS_PAGE_MAX;
    const { data } = await db
      .collection(BALLOTS)
      .where({ pollId: poll._id, _id: _.gt(input.cursor ?? '') })
      .orderBy('_id', 'asc')
      .limit(limit)
      .get();
    return {
      items: data.map((b) => ({ receiptHash: b._id as string, choices: b.choices as string[] })),
      nextCursor: data.length === limit ? (data.at(-1)!._id as string) : null,
      digest: poll.digest,
    };
  },
});
