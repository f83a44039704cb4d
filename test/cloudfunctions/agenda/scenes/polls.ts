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
  startAgendaCloud,
  TOWN_ADMIN,
} from '../../../support/agenda';
import { authors, makeWuxingAdmin, residentIdOf, roles, setRoles } from '../fixtures';

/** The cloud and helpers of the poll suites: a 协商议事组 member in 中海村 and one in 五星村. */
export function usePollsScene() {
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
  const pollDoc = (pollId: string) => cloud.dump('polls').find((p) => p._id === pollId)!;
  const SINGLE = { kind: 'single', options: ['东头', '西头', '村委旁'] };
  const MULTIPLE = {
    kind: 'multiple',
    options: ['加盖', '护栏', '水泵', '照明'],
    minChoices: 2,
    maxChoices: 3,
  };
  const RESIDENTS = { eligibility: { kind: 'residents' } };
  return {
    cloud,
    CONSULT_MEMBER_HERE,
    CONSULT_MEMBER_THERE,
    nextAuthor,
    as,
    sha256,
    atRoundtable,
    create,
    openPoll,
    getPoll,
    pollDoc,
    SINGLE,
    MULTIPLE,
    RESIDENTS,
  };
}
