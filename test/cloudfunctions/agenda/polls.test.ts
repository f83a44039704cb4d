import { createHash } from 'node:crypto';
import type { LocalCloud } from '../../../local-cloud';
import { RECEIPTS_PAGE_MAX, tallyDigestText, type PollView } from '../../../core/agenda';
import { NO_ROLES } from '../../../core/roles';
import { data, digest, startAppCloud, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  agendaAs,
  APPROVAL_POLL,
  CONSULT_LEADER,
  driveTo,
  inAnHour,
  newReceipt,
  NEIGHBOUR,
  OUTSIDER,
  REPS,
  RESIDENT,
  startAgendaCloud,
  TOWN_ADMIN,
  UNBOUND,
} from '../../support/agenda';
import {
  authors,
  castVote,
  makeWuxingAdmin,
  nameOf,
  refuses,
  residentIdOf,
  roles,
  setRoles,
  sleep,
  WUXING_ADMIN,
} from './fixtures';

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

describe('openPoll: the voter roll is frozen at opening', () => {
  const rollOf = (pollId: string) =>
    Object.assign(
      {},
      ...cloud
        .dump('pollRolls')
        .filter((r) => r.pollId === pollId)
        .map((r) => r.entries),
    );

  test('the representatives: 15 eligible, the matter moves to 会议定事, the timeline says so', async () => {
    const itemId = await atRoundtable();
    const { pollId } = data(await create(itemId));
    expect(data(await as(ADMIN)('openPoll', { pollId }))).toEqual({ eligibleCount: 15 });
    expect(rollOf(pollId)).toEqual(Object.fromEntries(REPS.map((r) => [r, residentIdOf(r)])));
    const poll = await getPoll(pollId, REPS[0]);
    expect(poll).toMatchObject({
      status: 'open',
      eligibleCount: 15,
      cast: 0,
      mine: { eligible: true, voted: false },
    });
    expect(poll.opensAt).toEqual(expect.any(Number));
    expect((await getPoll(pollId, RESIDENT)).mine.eligible).toBe(false);
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.step).toBe('deciding');
    expect(item.timeline.at(-1)).toMatchObject({
      step: 'deciding',
      what: `开始表决：${APPROVAL_POLL.question}（15 人有投票资格）`,
      actorName: nameOf(cloud, ADMIN),
    });
    expect(cloud.dump('pollTallies').filter((t) => t.pollId === pollId)).toHaveLength(64);
  });

  test('the residents: every member of the village, and nobody else', async () => {
    const expected = cloud.dump('members').filter((m) => m.villageId === 'zhonghai');
    const { pollId } = await openPoll(RESIDENTS);
    expect(pollDoc(pollId).eligibleCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(200);
    expect(rollOf(pollId)).toEqual(Object.fromEntries(expected.map((m) => [m._id, m.residentId])));
    expect((await getPoll(pollId, RESIDENT)).mine.eligible).toBe(true);
    expect((await getPoll(pollId, ADMIN)).mine.eligible).toBe(true);
    expect((await getPoll(pollId, OUTSIDER)).mine.eligible).toBe(false);
  });

  test('one group: its town-level members and its members in this village, not those of other villages', async () => {
    const { pollId } = await openPoll({ eligibility: { kind: 'group', group: 'consult' } });
    expect(rollOf(pollId)).toEqual({
      [CONSULT_LEADER]: 'r_leader_consult',
      [CONSULT_MEMBER_HERE]: residentIdOf(CONSULT_MEMBER_HERE),
    });
    expect(pollDoc(pollId).eligibleCount).toBe(2);
    expect((await getPoll(pollId, CONSULT_MEMBER_THERE)).mine.eligible).toBe(false);
    expect(data((await castVote(cloud, CONSULT_LEADER, pollId, ['yes'])).res).receiptHash).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  test('roles changed after opening change neither the count nor the roll', async () => {
    const { pollId } = await openPoll();
    const rollsBefore = cloud.dump('pollRolls').filter((r) => r.pollId === pollId);
    const newRep = 'demo-resident-060';
    const formerRep = REPS[14]!;
    await setRoles(cloud, ADMIN, residentIdOf(newRep), roles({ rep: true }));
    await setRoles(cloud, ADMIN, residentIdOf(formerRep), NO_ROLES);
    try {
      expect(cloud.dump('members').find((m) => m._id === newRep)?.roles).toMatchObject({ rep: true });
      expect(cloud.dump('pollRolls').filter((r) => r.pollId === pollId)).toEqual(rollsBefore);
      const poll = await getPoll(pollId, newRep);
      expect(poll).toMatchObject({ eligibleCount: 15, mine: { eligible: false } });
      await refuses(
        cloud,
        async () => (await castVote(cloud, newRep, pollId, ['yes'])).res,
        'NOT_ELIGIBLE',
        '您不在这次表决的投票范围内',
      );
      // Whoever was on the roll at opening may still vote.
      data((await castVote(cloud, formerRep, pollId, ['no'])).res);
      expect((await getPoll(pollId)).cast).toBe(1);
    } finally {
      await setRoles(cloud, ADMIN, residentIdOf(newRep), NO_ROLES);
      await setRoles(cloud, ADMIN, residentIdOf(formerRep), roles({ rep: true }));
    }
  });

  test('opening twice is a CONFLICT and changes nothing', async () => {
    const { pollId } = await openPoll();
    data((await castVote(cloud, REPS[0]!, pollId, ['yes'])).res);
    await refuses(cloud, () => as(ADMIN)('openPoll', { pollId }), 'CONFLICT', '这次表决已经开始了');
    expect((await getPoll(pollId)).cast).toBe(1);
  });

  test('opened twice at the same moment (a double tap), it opens once', async () => {
    const itemId = await atRoundtable();
    const { pollId } = data(await create(itemId));
    const results = await Promise.all([as(ADMIN)('openPoll', { pollId }), as(ADMIN)('openPoll', { pollId })]);
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, data: { eligibleCount: 15 } }]);
    expect(results.find((r) => !r.ok)).toMatchObject({
      error: { code: expect.stringMatching(/^(CONFLICT|WRONG_STEP)$/) },
    });
    const { timeline } = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(timeline.filter((e) => e.what.startsWith('开始表决'))).toHaveLength(1);
    expect(pollDoc(pollId)).toMatchObject({ status: 'open', eligibleCount: 15 });
  });

  test('past its closing time a draft cannot open: POLL_CLOSED', async () => {
    const itemId = await atRoundtable();
    const { pollId } = data(await create(itemId));
    await cloud.db
      .collection('polls')
      .doc(pollId)
      .update({ data: { closesAt: new Date(Date.now() - 1000) } });
    await refuses(
      cloud,
      () => as(ADMIN)('openPoll', { pollId }),
      'POLL_CLOSED',
      '截止时间已过，请重新发起表决',
    );
    expect(pollDoc(pollId).status).toBe('draft');
  });

  test('a group with nobody in it is a CONFLICT: nobody could vote', async () => {
    await setRoles(cloud, TOWN_ADMIN, 'r_leader_service', NO_ROLES);
    await setRoles(cloud, TOWN_ADMIN, 'r_group_member', NO_ROLES);
    const itemId = await atRoundtable();
    const { pollId } = data(await create(itemId, { eligibility: { kind: 'group', group: 'service' } }));
    await refuses(cloud, () => as(ADMIN)('openPoll', { pollId }), 'CONFLICT', '没有符合条件的投票人');
  });

  test("a resident and another village's admin are FORBIDDEN; an unknown poll is NOT_FOUND", async () => {
    const { pollId } = data(await create(await atRoundtable()));
    await refuses(cloud, () => as(REPS[0]!)('openPoll', { pollId }), 'FORBIDDEN', '您没有进行此操作的权限');
    await refuses(
      cloud,
      () => as(WUXING_ADMIN)('openPoll', { pollId }),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
    await refuses(cloud, () => as(ADMIN)('openPoll', { pollId: 'p_none' }), 'NOT_FOUND', '没有找到这次表决');
  });
});

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

describe('between closing and freezing (a 1.5 s grace)', () => {
  let slow: LocalCloud;
  beforeAll(async () => {
    slow = await startAppCloud({ envVariables: { FINALIZE_GRACE_MS: '1500' } });
  });
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

    await sleep(1600);
    const frozen = data(await agendaAs(slow, NEIGHBOUR)('getPoll', { pollId: pollId! }));
    expect(frozen).toMatchObject({ status: 'closed', cast: 8, outcome: { passed: true } });
    expect(frozen.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(data(await admin('advance', { itemId })).step).toBe('doing');
  });
});
