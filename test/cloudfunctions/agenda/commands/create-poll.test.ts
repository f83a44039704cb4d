import { data } from '../../../support/app-cloud';
import {
  agendaAs,
  APPROVAL_POLL,
  CONSULT_LEADER,
  driveTo,
  inAnHour,
  NEIGHBOUR,
  RESIDENT,
  TOWN_ADMIN,
} from '../../../support/agenda';
import { refuses, WUXING_ADMIN } from '../fixtures';
import { usePollsScene } from '../scenes/polls';

const { cloud, nextAuthor, as, atRoundtable, create, openPoll, getPoll, pollDoc, SINGLE, MULTIPLE } =
  usePollsScene();

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
