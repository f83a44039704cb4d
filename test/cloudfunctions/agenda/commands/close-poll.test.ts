import { createHash } from 'node:crypto';
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
import { authors, makeWuxingAdmin, refuses, residentIdOf, roles, setRoles, WUXING_ADMIN } from '../fixtures';

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
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
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
