import { type PollView } from '../../../../core/agenda';
import { data, useAppCloud } from '../../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  APPROVAL_POLL,
  CONSULT_LEADER,
  driveTo,
  inAnHour,
  NEIGHBOUR,
  RESIDENT,
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

describe('createPoll', () => {
  /** One matter for every refused input (a refusal changes nothing). */
  let sharedItem: string | undefined;
  test('a 赞成/反对/弃权 poll: fixed options, one choice, a draft nobody can vote in yet', async () => {
    const itemId = await atRoundtable();
    const closesAt = inAnHour();
    const { pollId } = data(await create(itemId, { closesAt, options: ['会被忽略', '也会被忽略'] }));
    const poll = await getPoll(pollId);
    expect(poll).toEqual({
      pollId,
      itemId,
      question: APPROVAL_POLL.question,
      kind: 'approval',
      options: [
        { id: 'yes', label: '赞成' },
        { id: 'no', label: '反对' },
        { id: 'abstain', label: '弃权' },
      ],
      minChoices: 1,
      maxChoices: 1,
      eligibility: { kind: 'reps' },
      eligibleCount: 0,
      status: 'draft',
      opensAt: null,
      closesAt,
      quorumPct: 50,
      thresholdPct: 50,
      thresholdBase: 'cast',
      visibility: 'afterClose',
      cast: 0,
      outcome: null,
      digest: null,
      mine: { eligible: false, voted: false },
    });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item).toMatchObject({ pollId, step: 'roundtable' });
  });

  test('a single-choice poll: the given options, exactly one choice', async () => {
    const { pollId } = data(await create(await atRoundtable(), { ...SINGLE, minChoices: 2, maxChoices: 3 }));
    expect(await getPoll(pollId)).toMatchObject({
      kind: 'single',
      options: [
        { id: 'o1', label: '东头' },
        { id: 'o2', label: '西头' },
        { id: 'o3', label: '村委旁' },
      ],
      minChoices: 1,
      maxChoices: 1,
    });
  });

  test('a multiple-choice poll: its minimum and maximum, by default 1 to all options', async () => {
    const { pollId } = data(await create(await atRoundtable(), MULTIPLE));
    expect(await getPoll(pollId)).toMatchObject({ kind: 'multiple', minChoices: 2, maxChoices: 3 });
    expect(pollDoc(pollId).options).toHaveLength(4);
    const open = data(
      await create(await atRoundtable(), { kind: 'multiple', options: ['甲方案', '乙方案', '丙方案'] }),
    );
    expect(await getPoll(open.pollId)).toMatchObject({ minChoices: 1, maxChoices: 3 });
  });

  test('one-character options such as 是 / 否 are accepted', async () => {
    const { pollId } = data(await create(await atRoundtable(), { kind: 'single', options: ['是', '否'] }));
    const poll = data(await agendaAs(cloud, NEIGHBOUR)('getPoll', { pollId }));
    expect(poll.options).toEqual([
      { id: 'o1', label: '是' },
      { id: 'o2', label: '否' },
    ]);
  });

  test('the town admin may create a poll', async () => {
    expect(data(await create(await atRoundtable(), {}, TOWN_ADMIN)).pollId).toEqual(expect.any(String));
  });

  test.each([
    ['a single-choice poll without options', { kind: 'single' }, '请至少填写两个选项'],
    ['a multiple-choice poll without options', { kind: 'multiple' }, '请至少填写两个选项'],
    ['one option', { kind: 'single', options: ['东头'] }, '至少两个选项'],
    [
      'nine options',
      { kind: 'single', options: '一二三四五六七八九'.split('').map((c) => `方案${c}`) },
      '最多 8 个选项',
    ],
    ['an empty option', { kind: 'single', options: ['东头', ' '] }, '请填写选项'],
    [
      'a minimum above the maximum',
      { ...MULTIPLE, minChoices: 3, maxChoices: 2 },
      '最少、最多选择数与选项数不符',
    ],
    [
      'a maximum above the options',
      { ...MULTIPLE, minChoices: 1, maxChoices: 5 },
      '最少、最多选择数与选项数不符',
    ],
    [
      'a minimum above the options',
      { ...MULTIPLE, minChoices: 5, maxChoices: undefined },
      '最少、最多选择数与选项数不符',
    ],
    ['a minimum of 0', { ...MULTIPLE, minChoices: 0 }, '至少选 1 项'],
    ['a closing time in 30 seconds', { closesAt: Date.now() + 30_000 }, '截止时间至少要在一分钟以后'],
    ['a closing time past', { closesAt: Date.now() - 60_000 }, '截止时间至少要在一分钟以后'],
    ['a closing time that is not one', { closesAt: 5 }, '时间无效'],
    ['a quorum of 101%', { quorumPct: 101 }, '参与率在 0 到 100 之间'],
    ['a threshold of -1%', { thresholdPct: -1 }, '通过比例在 0 到 100 之间'],
    ['an unknown threshold base', { thresholdBase: 'all' }, '通过比例的计算基数格式不正确'],
    ['no visibility', { visibility: undefined }, '结果公开方式格式不正确'],
    ['a group poll without its group', { eligibility: { kind: 'group' } }, '投票范围格式不正确'],
    ['an unknown kind', { kind: 'ranked' }, '表决方式格式不正确'],
    ['no question', { question: '' }, '请填写表决事项'],
  ])('%s is INVALID_INPUT and creates nothing', async (_what, change, message) => {
    sharedItem ??= await atRoundtable();
    const itemId = sharedItem;
    await refuses(cloud, () => create(itemId, change), 'INVALID_INPUT', message);
  });

  test('a second poll for the same matter is a CONFLICT', async () => {
    const itemId = await atRoundtable();
    const { pollId } = data(await create(itemId));
    await refuses(cloud, () => create(itemId, SINGLE), 'CONFLICT', '这件事项已经有表决了');
    expect(data(await as(NEIGHBOUR)('getItem', { itemId })).pollId).toBe(pollId);
  });

  test.each(['raised', 'consulting'] as const)('at %s it is WRONG_STEP', async (step) => {
    const { itemId } = await driveTo(cloud, step, { author: nextAuthor() });
    await refuses(cloud, () => create(itemId), 'WRONG_STEP');
  });

  test('at 会议定事 (a poll already open) it is WRONG_STEP', async () => {
    const { itemId } = await openPoll();
    await refuses(cloud, () => create(itemId), 'WRONG_STEP', '这件事项现在处于“会议定事”，不能进行这个操作');
  });

  test("a resident, a group leader and another village's admin are FORBIDDEN", async () => {
    const itemId = await atRoundtable();
    for (const openid of [RESIDENT, CONSULT_LEADER]) {
      await refuses(cloud, () => create(itemId, {}, openid), 'FORBIDDEN', '您没有进行此操作的权限');
    }
    await refuses(cloud, () => create(itemId, {}, WUXING_ADMIN), 'FORBIDDEN', '只有本村管理员可以办理这一步');
  });
});
