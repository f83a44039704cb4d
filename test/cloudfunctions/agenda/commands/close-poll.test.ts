import { data } from '../../../support/app-cloud';
import { ADMIN, NEIGHBOUR, REPS } from '../../../support/agenda';
import { refuses, WUXING_ADMIN } from '../fixtures';
import { usePollsScene } from '../scenes/polls';

const { cloud, as, sha256, atRoundtable, create, openPoll, getPoll } = usePollsScene();

describe('closePoll', () => {
  test('the admin ends the vote: closed, frozen, and on the timeline', async () => {
    const { itemId, pollId } = await openPoll();
    const before = Date.now();
    const { closesAt } = data(await as(ADMIN)('closePoll', { pollId }));
    expect(closesAt).toBeGreaterThanOrEqual(before);
    expect(closesAt).toBeLessThanOrEqual(Date.now());
    expect(await getPoll(pollId)).toMatchObject({ status: 'closed', closesAt, digest: sha256('') });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.timeline.at(-1)).toMatchObject({ step: 'deciding', what: '结束投票，开始计票' });
  });

  test('a draft is POLL_NOT_OPEN, a closed poll POLL_CLOSED', async () => {
    const { pollId: draft } = data(await create(await atRoundtable()));
    await refuses(cloud, () => as(ADMIN)('closePoll', { pollId: draft }), 'POLL_NOT_OPEN', '表决还没有开始');
    const { pollId } = await openPoll();
    data(await as(ADMIN)('closePoll', { pollId }));
    await getPoll(pollId);
    await refuses(cloud, () => as(ADMIN)('closePoll', { pollId }), 'POLL_CLOSED', '表决已经结束了');
  });

  test("a representative and another village's admin are FORBIDDEN", async () => {
    const { pollId } = await openPoll();
    await refuses(cloud, () => as(REPS[0]!)('closePoll', { pollId }), 'FORBIDDEN');
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('closePoll', { pollId }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
  });
});
