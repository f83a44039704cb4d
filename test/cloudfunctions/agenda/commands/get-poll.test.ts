import { type PollView } from '../../../../core/agenda';
import { data, useAppCloud } from '../../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  APPROVAL_POLL,
  driveTo,
  inAnHour,
  NEIGHBOUR,
  REPS,
  startAgendaCloud,
  TOWN_ADMIN,
} from '../../../support/agenda';
import { authors, castVote, makeWuxingAdmin, refuses, residentIdOf, roles, setRoles } from '../fixtures';

const cloud = useAppCloud(startAgendaCloud);
/** 中海村 resident 031 is a village-level member of the 协商议事组; resident 217 (五星村) is one in their village. */
const CONSULT_MEMBER_HERE = 'demo-resident-031';
const CONSULT_MEMBER_THERE = 'demo-resident-217';
beforeAll(async () => {
  await makeWuxingAdmin(cloud);
  const consultMember = roles({ groups: [{ group: 'consult', level: 'village', position: 'member' }] });
  await setRoles(cloud, TOWN_ADMIN, residentIdOf(CONSULT_MEMBER_HERE), consultMember);
  await setRoles(cloud, TOWN_ADMIN, residentIdOf(CONSULT_MEMBER_THERE), consultMember);
});

const nextAuthor = authors();
const as = (openid: string) => agendaAs(cloud, openid);
const atRoundtable = async () => (await driveTo(cloud, 'roundtable', { author: nextAuthor() })).itemId;
const create = (itemId: string, change: Record<string, unknown> = {}, openid = ADMIN) =>
  as(openid)('createPoll', { itemId, closesAt: inAnHour(), ...APPROVAL_POLL, ...change });
/** A matter at 会议定事 with its poll open (by default the representatives' 赞成/反对/弃权 poll). */
const openPoll = async (poll: Record<string, unknown> = {}) => {
  const driven = await driveTo(cloud, 'deciding', { author: nextAuthor(), poll });
  return { itemId: driven.itemId, pollId: driven.pollId! };
};
const getPoll = async (pollId: string, openid = NEIGHBOUR): Promise<PollView> =>
  data(await as(openid)('getPoll', { pollId }));
const SINGLE = { kind: 'single', options: ['东头', '西头', '村委旁'] };

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
