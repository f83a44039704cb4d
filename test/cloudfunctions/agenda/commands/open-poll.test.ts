import { NO_ROLES } from '../../../../core/roles';
import { data } from '../../../support/app-cloud';
import {
  ADMIN,
  APPROVAL_POLL,
  CONSULT_LEADER,
  NEIGHBOUR,
  OUTSIDER,
  REPS,
  RESIDENT,
  TOWN_ADMIN,
} from '../../../support/agenda';
import {
  castVote,
  nameOf,
  refuses,
  residentIdOf,
  rollOf as rollOfCloud,
  roles,
  setRoles,
  WUXING_ADMIN,
} from '../fixtures';
import { usePollsScene } from '../scenes/polls';

const {
  cloud,
  CONSULT_MEMBER_HERE,
  CONSULT_MEMBER_THERE,
  as,
  atRoundtable,
  create,
  openPoll,
  getPoll,
  pollDoc,
  RESIDENTS,
} = usePollsScene();

describe('openPoll: the voter roll is frozen at opening', () => {
  const rollOf = (pollId: string) => rollOfCloud(cloud, pollId);

  test('the representatives: 15 eligible, the matter moves to 会议定事, the timeline says so', async () => {
    const itemId = await atRoundtable();
    const { pollId } = data(await create(itemId));
    expect(data(await as(ADMIN)('openPoll', { pollId }))).toEqual({ status: 'open', eligibleCount: 15 });
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
    // The second tap either helps the first along (and answers the same) or finds the poll open already.
    for (const r of results) {
      if (r.ok) expect(r.data).toEqual({ status: 'open', eligibleCount: 15 });
      else expect(r.error.code).toMatch(/^(CONFLICT|WRONG_STEP)$/);
    }
    expect(results.some((r) => r.ok)).toBe(true);
    const { timeline } = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(timeline.filter((e) => e.what.startsWith('开始表决'))).toHaveLength(1);
    expect(pollDoc(pollId)).toMatchObject({ status: 'open', eligibleCount: 15 });
    expect(cloud.dump('pollRolls').filter((r) => r.pollId === pollId)).toHaveLength(1);
    expect(cloud.dump('pollTallies').filter((t) => t.pollId === pollId)).toHaveLength(64);
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
