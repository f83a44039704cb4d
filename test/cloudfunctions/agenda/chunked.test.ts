import { createHash } from 'node:crypto';
import { digestBlockText, DIGEST_BLOCK, tallyDigestText } from '../../../core/agenda';
import { data, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  APPROVAL_POLL,
  driveTo,
  inAnHour,
  NEIGHBOUR,
  RESIDENT,
  startAgendaCloud,
} from '../../support/agenda';
import { authors, rollOf as rollOfCloud } from './fixtures';

/**
 * Town-size poll work in steps, shrunk to the demo village: a roll step reads 40 members (POLL_ROLL_PAGE) and
 * an openPoll takes one step (no time budget), so 中海村's 200-odd residents open in several calls, as 43,464
 * people do in production with pages of 1000. The digest's blocks are fixed (1000 ballots, the definition
 * verifiers use), so the audit is shown over ballots written straight into the database.
 */
const cloud = useAppCloud(() =>
  startAgendaCloud({
    envVariables: {
      FINALIZE_GRACE_MS: '0',
      POLL_ROLL_PAGE: '40',
      POLL_OPEN_BUDGET_MS: '0',
      POLL_ABANDONED_MS: '0',
    },
  }),
);
const as = (openid: string) => agendaAs(cloud, openid);
const nextAuthor = authors();
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const pollDoc = (pollId: string) => cloud.dump('polls').find((p) => p._id === pollId)!;
const rollOf = (pollId: string) => rollOfCloud(cloud, pollId);
const villagers = () => cloud.dump('members').filter((m) => m.villageId === 'zhonghai');

async function residentsDraft(): Promise<{ itemId: string; pollId: string }> {
  const { itemId } = await driveTo(cloud, 'roundtable', { author: nextAuthor() });
  const { pollId } = data(
    await as(ADMIN)('createPoll', {
      itemId,
      closesAt: inAnHour(),
      ...APPROVAL_POLL,
      eligibility: { kind: 'residents' },
    }),
  );
  return { itemId, pollId };
}

describe('openPoll over a roll larger than one step', () => {
  test('each call writes one page of the roll and says how far it is; the last one opens the poll', async () => {
    const { itemId, pollId } = await residentsDraft();
    const expected = villagers();
    expect(expected.length).toBeGreaterThan(200);
    const answers = [];
    for (let i = 0; i < 20; i++) {
      const answer = data(await as(ADMIN)('openPoll', { pollId }));
      answers.push(answer);
      if (answer.status === 'open') break;
    }
    expect(answers[0]).toEqual({ status: 'opening', eligibleCount: 40 });
    expect(answers.slice(0, -1).every((a) => a.status === 'opening')).toBe(true);
    expect(answers.at(-1)).toEqual({ status: 'open', eligibleCount: expected.length });
    expect(answers.length).toBe(Math.floor(expected.length / 40) + 1);
    expect(rollOf(pollId)).toEqual(Object.fromEntries(expected.map((m) => [m._id, m.residentId])));
    const poll = pollDoc(pollId);
    const bounds = poll.rollBounds as string[];
    expect(bounds).toEqual([...bounds].sort());
    expect(bounds[0]).toBe('');
    expect(poll).toMatchObject({ status: 'open', eligibleCount: expected.length, opening: null });
    for (const m of [expected[0]!, expected[41]!, expected.at(-1)!]) {
      expect(data(await as(String(m._id))('getPoll', { pollId })).mine.eligible).toBe(true);
    }
    expect(data(await as('demo-resident-217')('getPoll', { pollId })).mine.eligible).toBe(false);
    const { step, timeline } = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(step).toBe('deciding');
    expect(timeline.filter((e) => e.what.startsWith('开始表决'))).toHaveLength(1);
  });

  test('no vote lands while the roll is being written', async () => {
    const { pollId } = await residentsDraft();
    expect(data(await as(ADMIN)('openPoll', { pollId })).status).toBe('opening');
    const answer = await as(RESIDENT)('vote', { pollId, choices: ['yes'], receipt: 'AAAAAAAAAAAAAAAA' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'POLL_NOT_OPEN' } });
    expect(data(await as(RESIDENT)('getPoll', { pollId })).status).toBe('draft');
  });

  test('a page closed after the first step: the timer writes the rest and opens the poll', async () => {
    const { itemId, pollId } = await residentsDraft();
    expect(data(await as(ADMIN)('openPoll', { pollId })).status).toBe('opening');
    for (let i = 0; i < 20 && pollDoc(pollId).status === 'opening'; i++) await cloud.trigger('agenda');
    expect(pollDoc(pollId)).toMatchObject({ status: 'open', eligibleCount: villagers().length });
    expect(Object.keys(rollOf(pollId))).toHaveLength(villagers().length);
    const { timeline } = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(timeline.at(-1)).toMatchObject({
      what: expect.stringContaining(`${villagers().length} 人有投票资格`),
    });
  });

  test('a step that died after writing its bucket is written again, once, by the next step', async () => {
    const { pollId } = await residentsDraft();
    data(await as(ADMIN)('openPoll', { pollId }));
    // What a step killed between its two writes leaves: bucket 1 written, the progress still at bucket 1.
    await cloud.db
      .collection('pollRolls')
      .doc(`${pollId}_1`)
      .set({ data: { pollId, entries: { 'not-a-member': 'r_nobody' } } });
    for (let i = 0; i < 20 && pollDoc(pollId).status === 'opening'; i++)
      data(await as(ADMIN)('openPoll', { pollId }));
    expect(rollOf(pollId)).toEqual(Object.fromEntries(villagers().map((m) => [m._id, m.residentId])));
    expect(cloud.dump('pollTallies').filter((t) => t.pollId === pollId)).toHaveLength(64);
  });
});

describe('freezing a result with more ballots than one digest block', () => {
  const BALLOTS = 2 * DIGEST_BLOCK + 345;

  /** An open poll of the representatives with BALLOTS ballots and their counters, written directly. */
  async function pollWithBallots(count = BALLOTS): Promise<string> {
    const { pollId } = await driveTo(cloud, 'deciding', { author: nextAuthor() });
    const ballots = Array.from({ length: count }, (_v, i) => ({
      _id: sha256(`${pollId}:${i}`),
      pollId,
      choices: [i % 3 === 0 ? 'no' : 'yes'],
    }));
    for (let i = 0; i < ballots.length; i += 500) {
      await cloud.db.collection('ballots').add({ data: ballots.slice(i, i + 500) as never });
    }
    const no = ballots.filter((b) => b.choices[0] === 'no').length;
    await cloud.db
      .collection('pollTallies')
      .doc(`${pollId!}_0`)
      .update({ data: { cast: count, counts: { yes: count - no, no } } });
    return pollId!;
  }

  test('the first read after close answers from the counters at once; the timer digests the ballots in blocks', async () => {
    const pollId = await pollWithBallots();
    data(await as(ADMIN)('closePoll', { pollId }));
    const since = cloud.requests().at(-1)!.seq;
    const first = data(await as(NEIGHBOUR)('getPoll', { pollId }));
    const reads = cloud.requests({ functionName: 'agenda', sinceSeq: since });
    expect(first).toMatchObject({ status: 'closed', cast: BALLOTS, digest: null });
    // The poll, its counters, the freeze, the caller's membership and roll: no ballot is read on this tap.
    expect(reads.filter((r) => JSON.stringify(r).includes('"ballots"'))).toHaveLength(0);
    expect(reads.length).toBeLessThanOrEqual(8);
    for (let i = 0; i < 5 && pollDoc(pollId).digest === null; i++) await cloud.trigger('agenda');
    const pages: { receiptHash: string; choices: string[] }[][] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { receiptHash: string; choices: string[] }[]; nextCursor: string | null } = data(
        await as(NEIGHBOUR)('listReceipts', { pollId, ...(cursor ? { cursor } : {}) }),
      );
      if (page.items.length > 0) pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((p) => p.length)).toEqual([DIGEST_BLOCK, DIGEST_BLOCK, 345]);
    const chained = pages.reduce<string | null>((prev, block) => sha256(digestBlockText(prev, block)), null);
    const poll = pollDoc(pollId);
    expect(poll).toMatchObject({ status: 'closed', digest: chained, audit: null });
    expect((poll.result as { cast: number }).cast).toBe(BALLOTS);
    expect(data(await as(NEIGHBOUR)('getPoll', { pollId })).digest).toBe(chained);
    // One block is sha256 of the whole text: a village's digest reads as it always did.
    expect(sha256(digestBlockText(null, pages[2]!))).toBe(sha256(tallyDigestText(pages[2]!)));
  });

  test('exactly one block of ballots is still digested on the first read after close', async () => {
    const pollId = await pollWithBallots(DIGEST_BLOCK);
    data(await as(ADMIN)('closePoll', { pollId }));
    const first = data(await as(NEIGHBOUR)('getPoll', { pollId }));
    expect(first).toMatchObject({
      status: 'closed',
      cast: DIGEST_BLOCK,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const { items } = data(await as(NEIGHBOUR)('listReceipts', { pollId }));
    expect(first.digest).toBe(sha256(tallyDigestText(items)));
  });

  test('counters that disagree with the ballots are corrected by the audit: the ballots are the result', async () => {
    const pollId = await pollWithBallots();
    await cloud.db
      .collection('pollTallies')
      .doc(`${pollId}_0`)
      .update({ data: { cast: BALLOTS - 1 } });
    data(await as(ADMIN)('closePoll', { pollId }));
    expect(data(await as(NEIGHBOUR)('getPoll', { pollId })).cast).toBe(BALLOTS - 1);
    for (let i = 0; i < 5 && pollDoc(pollId).digest === null; i++) await cloud.trigger('agenda');
    expect((pollDoc(pollId).result as { cast: number }).cast).toBe(BALLOTS);
    expect(data(await as(NEIGHBOUR)('getPoll', { pollId })).cast).toBe(BALLOTS);
  });
});
