import type { MemberDoc } from '../_shared/documents';
import { ITEMS, MEMBERS, POLLS, ROLLS, TALLIES } from '../_shared/collections';
import { _, db } from '../_shared/cloud';
import { isDuplicateKey } from '../_shared/errors';
import { findById } from '../_shared/store';
import { pollTuning, type OpeningProgress, type PollDoc } from './model';
import { TALLY_SHARDS } from './polls';

type Voter = Pick<MemberDoc, '_id' | 'residentId' | 'villageId' | 'roles'>;

/** The members query of a poll's eligibility (each member carries their roles). */
function eligibilityWhere(poll: PollDoc): Record<string, unknown> {
  const e = poll.eligibility;
  return e.kind === 'residents'
    ? { villageId: poll.villageId }
    : e.kind === 'reps'
      ? { villageId: poll.villageId, 'roles.rep': true }
      : { 'roles.groups.group': e.group };
}

/** The next page of members after `after` in `_id` (openid) order, and those of them who may vote. */
async function nextPage(
  poll: PollDoc,
  after: string,
  size: number,
): Promise<{ page: Voter[]; voters: Voter[] }> {
  const { data } = await db
    .collection(MEMBERS)
    .where({ ...eligibilityWhere(poll), _id: _.gt(after) })
    .orderBy('_id', 'asc')
    .field({ _id: true, residentId: true, villageId: true, 'roles.groups': true })
    .limit(size)
    .get();
  const page = data as Voter[];
  const e = poll.eligibility;
  if (e.kind !== 'group') return { page, voters: page };
  // A group votes with its town-level members and its members in this village.
  const voters = page.filter((m) =>
    m.roles.groups.some((g) => g.group === e.group && (g.level === 'town' || m.villageId === poll.villageId)),
  );
  return { page, voters };
}

/**
 * The poll's counters at zero. Shards left by an earlier run are kept: no vote lands while the poll is
 * `opening`, so they are still zero — or live, when a concurrent run has just opened it — and only the missing
 * ones are added.
 */
async function ensureTallies(pollId: string): Promise<void> {
  const shards = Array.from({ length: TALLY_SHARDS }, (_v, s) => ({
    _id: `${pollId}_${s}`,
    pollId,
    cast: 0,
    counts: {},
  }));
  try {
    await db.collection(TALLIES).add({ data: shards as never });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const { data } = await db.collection(TALLIES).where({ pollId }).field({ _id: true }).limit(1000).get();
    const have = new Set(data.map((d) => d._id as string));
    const missing = shards.filter((s) => !have.has(s._id));
    if (missing.length > 0) await db.collection(TALLIES).add({ data: missing as never });
  }
}

/**
 * Writes a poll's roll a page of members at a time — one read, one bucket written, one progress write — until
 * it is complete or `deadline` passes (at least one page). Every step expects the position it started from, so
 * a crash resumes at the page after the last saved one and two runs at once (a double tap, the page and the
 * timer) write each bucket once. The last step creates the counters, then opens the poll and moves its matter to
 * 会议定事 in one transaction. A roll with nobody on it puts the poll back to draft.
 */
export async function rollUntil(start: PollDoc, deadline: number, now: () => number): Promise<PollDoc> {
  const size = pollTuning().rollPage;
  let poll: PollDoc | null = start;
  while (poll?.status === 'opening' && poll.opening) {
    const o: OpeningProgress = poll.opening;
    const { page, voters } = await nextPage(poll, o.after, size);
    const k = o.bounds.length;
    if (voters.length > 0) {
      const entries = Object.fromEntries(voters.map((m) => [m._id, m.residentId]));
      await db
        .collection(ROLLS)
        .doc(`${poll._id}_${k}`)
        .set({ data: { pollId: poll._id, entries } });
    }
    const next: OpeningProgress = {
      ...o,
      after: page.at(-1)?._id ?? o.after,
      rolled: o.rolled + voters.length,
      bounds: voters.length > 0 ? [...o.bounds, k === 0 ? '' : page[0]!._id] : o.bounds,
    };
    const moved =
      page.length === size
        ? await saveProgress(poll, o.after, next)
        : next.rolled === 0
          ? await backToDraft(poll, o.after)
          : await openNow(poll, o.after, next, now());
    if (!moved) {
      poll = await findById(POLLS, start._id); // another run moved it on
      continue;
    }
    poll = moved;
    if (Date.now() >= deadline) break;
  }
  return poll ?? start;
}

async function saveProgress(poll: PollDoc, after: string, next: OpeningProgress): Promise<PollDoc | null> {
  const { stats } = await db
    .collection(POLLS)
    .where({ _id: poll._id, status: 'opening', 'opening.after': after })
    .update({ data: { opening: _.set(next) } });
  return stats.updated > 0 ? { ...poll, opening: next } : null;
}

async function backToDraft(poll: PollDoc, after: string): Promise<PollDoc | null> {
  const { stats } = await db
    .collection(POLLS)
    .where({ _id: poll._id, status: 'opening', 'opening.after': after })
    .update({ data: { status: 'draft', opening: _.remove(), openingAt: null } });
  // As it was before the claim, field for field: a roll with nobody on it changes nothing.
  return stats.updated > 0 ? { ...poll, status: 'draft', opening: null, openingAt: null } : null;
}

async function openNow(
  poll: PollDoc,
  after: string,
  done: OpeningProgress,
  now: number,
): Promise<PollDoc | null> {
  await ensureTallies(poll._id);
  const at = new Date(now);
  const opened = {
    status: 'open' as const,
    opensAt: at,
    eligibleCount: done.rolled,
    rollBuckets: done.bounds.length,
    rollBounds: done.bounds,
    tallyShards: TALLY_SHARDS,
    opening: null,
  };
  const what = `开始表决：${poll.question}（${done.rolled} 人有投票资格）`;
  const won = await db.runTransaction(async (t) => {
    const { data: current } = await t.collection(POLLS).doc(poll._id).get();
    if (current.status !== 'opening' || current.opening?.after !== after) return false;
    await t.collection(POLLS).doc(poll._id).update({ data: opened });
    await t
      .collection(ITEMS)
      .doc(poll.itemId)
      .update({
        data: {
          step: 'deciding',
          updatedAt: at,
          timeline: _.push({ step: 'deciding', at, actorName: done.by.name, actorRole: done.by.role, what }),
        },
      });
    return true;
  });
  return won ? { ...poll, ...opened } : null;
}
