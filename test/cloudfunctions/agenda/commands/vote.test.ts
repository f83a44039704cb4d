import { data, digest } from '../../../support/app-cloud';
import { ADMIN, newReceipt, OUTSIDER, REPS, RESIDENT, TOWN_ADMIN, UNBOUND } from '../../../support/agenda';
import { castVote, refuses } from '../fixtures';
import { usePollsScene } from '../scenes/polls';

const { cloud, as, sha256, atRoundtable, create, openPoll, getPoll, SINGLE, MULTIPLE, RESIDENTS } =
  usePollsScene();

describe('vote', () => {
  /** One open poll for every refused input (a refusal changes nothing). */
  let sharedPoll: string | undefined;
  test('an eligible voter votes: the answer is the hash of their receipt; counted once; marked as voted', async () => {
    const { pollId } = await openPoll();
    const { receipt, res } = await castVote(cloud, REPS[0]!, pollId, ['yes']);
    expect(data(res)).toEqual({ receiptHash: sha256(`${pollId}:${receipt}`) });
    expect(await getPoll(pollId, REPS[0])).toMatchObject({ cast: 1, mine: { eligible: true, voted: true } });
    expect((await getPoll(pollId, REPS[1])).mine.voted).toBe(false);
    expect(cloud.dump('ballots').filter((b) => b.pollId === pollId)).toEqual([
      { _id: sha256(`${pollId}:${receipt}`), pollId, choices: ['yes'] },
    ]);
  });

  test('a multiple-choice ballot counts once for each option chosen', async () => {
    const { pollId } = await openPoll({ ...MULTIPLE, visibility: 'live' });
    data((await castVote(cloud, REPS[0]!, pollId, ['o3', 'o1'])).res);
    data((await castVote(cloud, REPS[1]!, pollId, ['o1', 'o2', 'o4'])).res);
    const poll = await getPoll(pollId);
    expect(poll.cast).toBe(2);
    expect(poll.outcome?.counts).toEqual({ o1: 2, o2: 1, o3: 1, o4: 1 });
    expect(
      cloud
        .dump('ballots')
        .filter((b) => b.pollId === pollId)
        .map((b) => b.choices)
        .sort(),
    ).toEqual([
      ['o1', 'o2', 'o4'],
      ['o1', 'o3'],
    ]);
  });

  test('a draft is POLL_NOT_OPEN', async () => {
    const { pollId } = data(await create(await atRoundtable()));
    await refuses(
      cloud,
      async () => (await castVote(cloud, REPS[0]!, pollId, ['yes'])).res,
      'POLL_NOT_OPEN',
      '表决还没有开始',
    );
  });

  test('after closePoll it is POLL_CLOSED', async () => {
    const { pollId } = await openPoll();
    data(await as(ADMIN)('closePoll', { pollId }));
    await refuses(
      cloud,
      async () => (await castVote(cloud, REPS[0]!, pollId, ['yes'])).res,
      'POLL_CLOSED',
      '表决已经结束了',
    );
    await getPoll(pollId);
    await refuses(
      cloud,
      async () => (await castVote(cloud, REPS[1]!, pollId, ['yes'])).res,
      'POLL_CLOSED',
      '表决已经结束了',
    );
  });

  test('past its closing time, with nobody closing it, it is POLL_CLOSED and the result is frozen on the next read', async () => {
    const { itemId, pollId } = await openPoll();
    for (const rep of REPS.slice(0, 8)) data((await castVote(cloud, rep, pollId, ['yes'])).res);
    await cloud.db
      .collection('polls')
      .doc(pollId)
      .update({ data: { closesAt: new Date(Date.now() - 1000) } });
    expect((await castVote(cloud, REPS[8]!, pollId, ['no'])).res).toMatchObject({
      error: { code: 'POLL_CLOSED' },
    });
    const poll = await getPoll(pollId);
    expect(poll).toMatchObject({ status: 'closed', cast: 8, outcome: { passed: true } });
    expect(data(await as(ADMIN)('advance', { itemId }))).toEqual({ step: 'doing' });
  });

  test.each([
    ['a resident who is not a representative, on a representatives’ poll', RESIDENT, {}],
    ['a resident of another village, on a residents’ poll', OUTSIDER, RESIDENTS],
    ['an unbound WeChat user', UNBOUND, RESIDENTS],
    ['the town admin, who lives elsewhere', TOWN_ADMIN, RESIDENTS],
  ])('%s is NOT_ELIGIBLE', async (_who, openid, poll) => {
    const { pollId } = await openPoll(poll);
    await refuses(
      cloud,
      async () => (await castVote(cloud, openid, pollId, ['yes'])).res,
      'NOT_ELIGIBLE',
      '您不在这次表决的投票范围内',
    );
  });

  test('a second ballot with a new receipt is ALREADY_VOTED and changes nothing', async () => {
    const { pollId } = await openPoll();
    data((await castVote(cloud, REPS[0]!, pollId, ['yes'])).res);
    for (const choice of ['no', 'yes']) {
      await refuses(
        cloud,
        async () => (await castVote(cloud, REPS[0]!, pollId, [choice])).res,
        'ALREADY_VOTED',
        '您已经投过票了，投票后不能更改',
      );
    }
    expect((await getPoll(pollId)).cast).toBe(1);
  });

  test('the same ballot sent again with the same receipt (a retry) answers ok and counts once', async () => {
    const { pollId } = await openPoll({ ...MULTIPLE, visibility: 'live' });
    const receipt = newReceipt();
    const first = data(await as(REPS[0]!)('vote', { pollId, choices: ['o1', 'o2'], receipt }));
    const before = digest(cloud);
    const again = data(await as(REPS[0]!)('vote', { pollId, choices: ['o2', 'o1'], receipt }));
    expect(again).toEqual(first);
    expect(digest(cloud)).toBe(before);
    const poll = await getPoll(pollId);
    expect(poll.cast).toBe(1);
    expect(poll.outcome?.counts).toMatchObject({ o1: 1, o2: 1 });
  });

  test('the same receipt with other choices is ALREADY_VOTED', async () => {
    const { pollId } = await openPoll();
    const receipt = newReceipt();
    data(await as(REPS[0]!)('vote', { pollId, choices: ['yes'], receipt }));
    await refuses(
      cloud,
      () => as(REPS[0]!)('vote', { pollId, choices: ['no'], receipt }),
      'ALREADY_VOTED',
      '您已经投过票了，投票后不能更改',
    );
  });

  test('another voter sending a receipt already used is a CONFLICT, and is not marked as voted', async () => {
    const { pollId } = await openPoll();
    const receipt = newReceipt();
    data(await as(REPS[0]!)('vote', { pollId, choices: ['yes'], receipt }));
    await refuses(
      cloud,
      () => as(REPS[1]!)('vote', { pollId, choices: ['yes'], receipt }),
      'CONFLICT',
      '这个回执码已经用过了，请重新投票',
    );
    expect((await getPoll(pollId, REPS[1])).mine.voted).toBe(false);
    data((await castVote(cloud, REPS[1]!, pollId, ['no'])).res);
    expect((await getPoll(pollId)).cast).toBe(2);
  });

  describe('choices that break the poll’s rules are INVALID_INPUT and change nothing', () => {
    let polls: Record<'single' | 'multiple' | 'approval', string>;
    beforeAll(async () => {
      polls = {
        single: (await openPoll(SINGLE)).pollId,
        multiple: (await openPoll(MULTIPLE)).pollId,
        approval: (await openPoll()).pollId,
      };
    });

    test.each([
      ['single', ['o1', 'o2'], '请选择一项'],
      ['single', [], '请选择一项'],
      ['single', ['o4'], '选项不存在'],
      ['single', ['o1', 'o1'], '同一个选项不能选两次'],
      ['multiple', ['o1'], '至少要选 2 项'],
      ['multiple', ['o1', 'o2', 'o3', 'o4'], '最多只能选 3 项'],
      ['multiple', ['o1', 'o5'], '选项不存在'],
      ['multiple', ['o1', 'o2', 'o2'], '同一个选项不能选两次'],
      ['approval', ['maybe'], '选项不存在'],
      ['approval', ['yes', 'no'], '请选择一项'],
      ['approval', ['toString'], '选项不存在'],
      ['approval', ['o1'], '选项不存在'],
      ['approval', ['yes-and-no'], '选项不存在'],
      ['approval', ['yes', 'no', 'abstain', 'yes', 'no', 'abstain', 'yes', 'no', 'abstain'], '选项太多'],
      ['approval', 'yes', '选项格式不正确'],
    ] as const)('%s poll, choices %j: %s', async (kind, choices, message) => {
      await refuses(
        cloud,
        () => as(REPS[0]!)('vote', { pollId: polls[kind], choices, receipt: newReceipt() }),
        'INVALID_INPUT',
        message,
      );
    });
  });

  test.each([
    ['too short', 'ABC123'],
    ['lower case', () => newReceipt().toLowerCase()],
    ['with dashes', () => newReceipt().match(/.{4}/g)!.join('-')],
    ['with a letter outside the alphabet', () => `U${newReceipt().slice(1)}`],
    ['17 characters', () => `${newReceipt()}0`],
  ])('a receipt %s is INVALID_INPUT', async (_what, receipt) => {
    sharedPoll ??= (await openPoll()).pollId;
    const pollId = sharedPoll;
    await refuses(
      cloud,
      () =>
        as(REPS[0]!)('vote', {
          pollId,
          choices: ['yes'],
          receipt: typeof receipt === 'function' ? receipt() : receipt,
        }),
      'INVALID_INPUT',
      '回执码无效',
    );
  });

  test('an unknown poll is NOT_FOUND', async () => {
    await refuses(
      cloud,
      async () => (await castVote(cloud, REPS[0]!, 'p_none', ['yes'])).res,
      'NOT_FOUND',
      '没有找到这次表决',
    );
  });
});
