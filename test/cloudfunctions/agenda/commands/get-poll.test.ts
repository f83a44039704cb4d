import { data } from '../../../support/app-cloud';
import { ADMIN, NEIGHBOUR, REPS, TOWN_ADMIN } from '../../../support/agenda';
import { castVote, refuses } from '../fixtures';
import { usePollsScene } from '../scenes/polls';

const { cloud, as, atRoundtable, create, openPoll, getPoll, SINGLE } = usePollsScene();

describe('what a poll shows', () => {
  test('afterClose: while open, turnout only, even to the admin; after close, the result', async () => {
    const { pollId } = await openPoll();
    data((await castVote(cloud, REPS[0]!, pollId, ['yes'])).res);
    data((await castVote(cloud, REPS[1]!, pollId, ['no'])).res);
    for (const openid of [NEIGHBOUR, ADMIN, TOWN_ADMIN, REPS[0]!]) {
      expect(await getPoll(pollId, openid)).toMatchObject({
        status: 'open',
        cast: 2,
        outcome: null,
        digest: null,
      });
    }
    data(await as(ADMIN)('closePoll', { pollId }));
    const closed = await getPoll(pollId);
    expect(closed.status).toBe('closed');
    expect(closed.outcome).toEqual({
      cast: 2,
      eligible: 15,
      counts: { yes: 1, no: 1, abstain: 0 },
      percents: { yes: 50, no: 50, abstain: 0 },
      turnoutPct: 13.3,
      quorumMet: false,
      carried: ['yes'],
      passed: false,
    });
  });

  test('live: the result as it stands, while the poll is open', async () => {
    const { pollId } = await openPoll({ ...SINGLE, visibility: 'live' });
    data((await castVote(cloud, REPS[0]!, pollId, ['o2'])).res);
    data((await castVote(cloud, REPS[1]!, pollId, ['o2'])).res);
    data((await castVote(cloud, REPS[2]!, pollId, ['o3'])).res);
    const poll = await getPoll(pollId);
    expect(poll.status).toBe('open');
    expect(poll.digest).toBeNull();
    expect(poll.outcome).toMatchObject({
      cast: 3,
      eligible: 15,
      counts: { o1: 0, o2: 2, o3: 1 },
      percents: { o1: 0, o2: 66.7, o3: 33.3 },
      quorumMet: false,
    });
  });

  test('a draft shows no result even when live', async () => {
    const { pollId } = data(await create(await atRoundtable(), { visibility: 'live' }));
    expect(await getPoll(pollId)).toMatchObject({ status: 'draft', outcome: null, cast: 0 });
  });

  test('an unknown poll is NOT_FOUND', async () => {
    await refuses(
      cloud,
      () => as(NEIGHBOUR)('getPoll', { pollId: 'p_none' }),
      'NOT_FOUND',
      '没有找到这次表决',
    );
  });
});
