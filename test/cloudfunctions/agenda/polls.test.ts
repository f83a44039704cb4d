import type { LocalCloud } from '../../../local-cloud';
import { RECEIPTS_PAGE_MAX, tallyDigestText } from '../../../core/agenda';
import { data, startAppCloud } from '../../support/app-cloud';
import { ADMIN, agendaAs, driveTo, newReceipt, NEIGHBOUR, OUTSIDER, REPS } from '../../support/agenda';
import { castVote, refuses } from './fixtures';
import { usePollsScene } from './scenes/polls';

const { cloud, as, sha256, atRoundtable, create, openPoll, getPoll, SINGLE, MULTIPLE } = usePollsScene();

describe('quorum and threshold', () => {
  type Votes = { yes?: number; no?: number; abstain?: number };
  const cases: [
    string,
    Record<string, unknown>,
    Votes,
    { quorumMet: boolean; carried: string[]; passed: boolean },
  ][] = [
    [
      '5 of 8 cast is 62.5% ≥ 60%: passes',
      { thresholdPct: 60 },
      { yes: 5, no: 3 },
      { quorumMet: true, carried: ['yes'], passed: true },
    ],
    [
      '5 of 8 cast is 62.5% < 63%: fails',
      { thresholdPct: 63 },
      { yes: 5, no: 3 },
      { quorumMet: true, carried: [], passed: false },
    ],
    [
      '7 of 15 eligible is 46.7% < 50%: fails although 7 of 8 cast',
      { thresholdBase: 'eligible' },
      { yes: 7, no: 1 },
      { quorumMet: true, carried: [], passed: false },
    ],
    [
      '8 of 15 eligible is 53.3% ≥ 50%: passes',
      { thresholdBase: 'eligible' },
      { yes: 8 },
      { quorumMet: true, carried: ['yes'], passed: true },
    ],
    [
      '8 of 15 voting is 53.3% ≥ a 53% quorum',
      { quorumPct: 53 },
      { yes: 8 },
      { quorumMet: true, carried: ['yes'], passed: true },
    ],
    [
      '8 of 15 voting is 53.3% < a 54% quorum: fails although all said 赞成',
      { quorumPct: 54 },
      { yes: 8 },
      { quorumMet: false, carried: ['yes'], passed: false },
    ],
    [
      '弃权 carries nothing: 2 赞成 of 8 fails',
      {},
      { yes: 2, abstain: 6 },
      { quorumMet: true, carried: [], passed: false },
    ],
    [
      '反对 carries nothing: 3 赞成 of 8 fails',
      {},
      { yes: 3, no: 5 },
      { quorumMet: true, carried: [], passed: false },
    ],
  ];

  test.each(cases)('%s', async (_what, rules, votes, expected) => {
    const { itemId, pollId } = await openPoll(rules);
    let i = 0;
    for (const choice of ['yes', 'no', 'abstain'] as const) {
      for (let n = 0; n < (votes[choice] ?? 0); n++)
        data((await castVote(cloud, REPS[i++]!, pollId, [choice])).res);
    }
    data(await as(ADMIN)('closePoll', { pollId }));
    expect((await getPoll(pollId)).outcome).toMatchObject(expected);
    expect(data(await as(ADMIN)('advance', { itemId })).step).toBe(expected.passed ? 'doing' : 'closed');
  });

  test('a choice poll passes when any option reaches the threshold', async () => {
    const { itemId, pollId } = await openPoll({ ...SINGLE, thresholdPct: 50 });
    for (const [rep, choice] of [
      [0, 'o1'],
      [1, 'o1'],
      [2, 'o1'],
      [3, 'o1'],
      [4, 'o2'],
      [5, 'o2'],
      [6, 'o3'],
      [7, 'o3'],
    ] as const) {
      data((await castVote(cloud, REPS[rep]!, pollId, [choice])).res);
    }
    data(await as(ADMIN)('closePoll', { pollId }));
    expect((await getPoll(pollId)).outcome).toMatchObject({ carried: ['o1'], passed: true });
    expect(data(await as(ADMIN)('advance', { itemId })).step).toBe('doing');
  });
});

describe('receipts', () => {
  test('checkReceipt: a real receipt is counted, with its choices; a made-up one is not', async () => {
    const { pollId } = await openPoll(MULTIPLE);
    const { receipt } = await castVote(cloud, REPS[0]!, pollId, ['o4', 'o2']);
    expect(data(await as(REPS[0]!)('checkReceipt', { pollId, receipt }))).toEqual({
      counted: true,
      choices: ['o2', 'o4'],
    });
    expect(data(await as(NEIGHBOUR)('checkReceipt', { pollId, receipt: newReceipt() }))).toEqual({
      counted: false,
      choices: null,
    });
  });

  test('checkReceipt reads receipts as people copy them: lower case, dashes, spaces, O for 0, I and L for 1', async () => {
    const { pollId } = await openPoll();
    const receipt = '01ABCDEFGHJK2345';
    data(await as(REPS[0]!)('vote', { pollId, choices: ['abstain'], receipt }));
    for (const typed of [
      '01ab-cdef-ghjk-2345',
      ' 01AB CDEF GHJK 2345 ',
      'oIabcdefghjk2345',
      'OLABCDEFGHJK2345',
    ]) {
      expect(data(await as(REPS[0]!)('checkReceipt', { pollId, receipt: typed }))).toEqual({
        counted: true,
        choices: ['abstain'],
      });
    }
  });

  test('checkReceipt: a receipt of another poll is not counted here', async () => {
    const first = await openPoll();
    const second = await openPoll();
    const { receipt } = await castVote(cloud, REPS[0]!, first.pollId, ['yes']);
    expect(data(await as(REPS[0]!)('checkReceipt', { pollId: second.pollId, receipt }))).toEqual({
      counted: false,
      choices: null,
    });
  });

  test.each([
    ['too short', 'ABCD-1234', '回执码是 16 位字母和数字'],
    ['with a letter outside the alphabet', 'UUUU-UUUU-UUUU-UUUU', '回执码是 16 位字母和数字'],
    ['longer than 40 characters', 'A'.repeat(41), '回执码无效'],
  ])('checkReceipt: a receipt %s is INVALID_INPUT', async (_what, receipt, message) => {
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('checkReceipt', { pollId: 'p_any', receipt }),
      'INVALID_INPUT',
      message,
    );
  });

  test('listReceipts: nothing is published before the result is frozen', async () => {
    const { pollId: draft } = data(await create(await atRoundtable()));
    const { pollId } = await openPoll();
    data((await castVote(cloud, REPS[0]!, pollId, ['yes'])).res);
    for (const id of [draft, pollId]) {
      await refuses(
        cloud,
        () => as(NEIGHBOUR)('listReceipts', { pollId: id }),
        'POLL_NOT_OPEN',
        '表决结束并完成计票后才公布回执',
      );
    }
  });

  test('listReceipts: after the result is frozen, every ballot once, and the digest recomputes', async () => {
    const { pollId } = await openPoll();
    const hashes: string[] = [];
    for (const [i, choice] of ['yes', 'yes', 'no', 'abstain', 'yes', 'no', 'yes', 'yes'].entries()) {
      hashes.push(data((await castVote(cloud, REPS[i]!, pollId, [choice])).res).receiptHash);
    }
    data(await as(ADMIN)('closePoll', { pollId }));
    const poll = await getPoll(pollId);
    const all = data(await as(NEIGHBOUR)('listReceipts', { pollId }));
    expect(all.nextCursor).toBeNull();
    expect(all.items.map((b) => b.receiptHash).sort()).toEqual([...hashes].sort());
    expect(all.items.map((b) => b.receiptHash)).toEqual([...hashes].sort());
    expect(all.digest).toBe(poll.digest);
    expect(sha256(tallyDigestText(all.items))).toBe(poll.digest);
    const counts: Record<string, number> = {};
    for (const b of all.items) for (const c of b.choices) counts[c] = (counts[c] ?? 0) + 1;
    expect(counts).toEqual({ yes: 5, no: 2, abstain: 1 });
    expect(poll.outcome?.counts).toEqual(counts);

    const pagesOf = async (limit: number) => {
      const pages: (typeof all.items)[] = [];
      let cursor: string | undefined;
      do {
        const page = data(
          await as(OUTSIDER)('listReceipts', { pollId, limit, ...(cursor ? { cursor } : {}) }),
        );
        expect(page.digest).toBe(poll.digest);
        pages.push(page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && pages.length < 10);
      expect(pages.flat()).toEqual(all.items);
      return pages.map((p) => p.length);
    };
    expect(await pagesOf(3)).toEqual([3, 3, 2]);
    // A full last page may be followed by an empty one.
    expect((await pagesOf(4)).filter((n) => n > 0)).toEqual([4, 4]);
  });

  test(`listReceipts: a page of ${RECEIPTS_PAGE_MAX + 1} is INVALID_INPUT`, async () => {
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('listReceipts', { pollId: 'p_x', limit: RECEIPTS_PAGE_MAX + 1 }),
      'INVALID_INPUT',
      `每页最多 ${RECEIPTS_PAGE_MAX} 条`,
    );
  });
});

describe('between closing and freezing (a grace of ten minutes, passed by moving the functions’ clock)', () => {
  const GRACE_MS = 600_000;
  let slow: LocalCloud;
  beforeAll(async () => {
    slow = await startAppCloud({ envVariables: { FINALIZE_GRACE_MS: String(GRACE_MS) } });
  });
  afterEach(() => slow.setClockOffset(0));
  afterAll(() => slow.stop());

  test('closed twice at the same moment (a double tap), it is closed once', async () => {
    const { itemId, pollId } = await driveTo(slow, 'deciding');
    const admin = agendaAs(slow, ADMIN);
    const results = await Promise.all([
      admin('closePoll', { pollId: pollId! }),
      admin('closePoll', { pollId: pollId! }),
    ]);
    const stored = new Date(slow.dump('polls').find((p) => p._id === pollId)!.closesAt as Date).getTime();
    for (const r of results) expect(data(r).closesAt).toBeGreaterThanOrEqual(stored);
    const { timeline } = data(await agendaAs(slow, NEIGHBOUR)('getItem', { itemId }));
    expect(timeline.filter((e) => e.what === '结束投票，开始计票')).toHaveLength(1);
  });

  test('the poll is counting: no ballots, no result, no receipts, no next step; then it is frozen', async () => {
    const { itemId, pollId } = await driveTo(slow, 'deciding');
    const admin = agendaAs(slow, ADMIN);
    for (const rep of REPS.slice(0, 8)) {
      data(await agendaAs(slow, rep)('vote', { pollId: pollId!, choices: ['yes'], receipt: newReceipt() }));
    }
    data(await admin('closePoll', { pollId: pollId! }));
    const counting = data(await agendaAs(slow, NEIGHBOUR)('getPoll', { pollId: pollId! }));
    expect(counting).toMatchObject({ status: 'counting', cast: 8, outcome: null, digest: null });
    expect(
      await agendaAs(slow, REPS[8]!)('vote', { pollId: pollId!, choices: ['no'], receipt: newReceipt() }),
    ).toMatchObject({
      error: { code: 'POLL_CLOSED' },
    });
    expect(await agendaAs(slow, NEIGHBOUR)('listReceipts', { pollId: pollId! })).toMatchObject({
      error: { code: 'POLL_NOT_OPEN' },
    });
    expect(await admin('advance', { itemId })).toMatchObject({ error: { code: 'WRONG_STEP' } });
    // Closing again confirms the close: same time, no second entry on the timeline.
    expect(await admin('closePoll', { pollId: pollId! })).toEqual({
      ok: true,
      data: { closesAt: counting.closesAt },
    });
    const { timeline } = data(await agendaAs(slow, NEIGHBOUR)('getItem', { itemId }));
    expect(timeline.filter((e) => e.what === '结束投票，开始计票')).toHaveLength(1);

    // Past the grace, by the functions' clock (no sleep racing a loaded machine).
    slow.setClockOffset(GRACE_MS + 1000);
    const frozen = data(await agendaAs(slow, NEIGHBOUR)('getPoll', { pollId: pollId! }));
    expect(frozen).toMatchObject({ status: 'closed', cast: 8, outcome: { passed: true } });
    expect(frozen.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(data(await admin('advance', { itemId })).step).toBe('doing');
  });
});
