import { data } from '../../../support/app-cloud';
import {
  ADMIN,
  CONSULT_LEADER,
  inAnHour,
  NEIGHBOUR,
  REPS,
  RESIDENT,
  TOWN_ADMIN,
} from '../../../support/agenda';
import { nameOf, refuses, residentIdOf, WUXING_ADMIN } from '../fixtures';
import { useRoundtableScene } from '../scenes/roundtable';

const { cloud, nextAuthor, as, consulting, schedule } = useRoundtableScene();

describe('scheduleRoundtable (圆桌议事)', () => {
  test('the village admin invites the group leaders: the matter moves to 圆桌议事 with its round table', async () => {
    const itemId = await consulting();
    const at = inAnHour();
    expect(data(await schedule(itemId, { at }))).toEqual({ step: 'roundtable' });
    const item = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(item.step).toBe('roundtable');
    expect(item.roundtable).toEqual({
      at,
      place: '村委会议室',
      participants: expect.arrayContaining([
        {
          residentId: 'r_leader_consult',
          name: nameOf(cloud, CONSULT_LEADER),
          role: '协商议事组组长（镇级）',
        },
        {
          residentId: 'r_leader_mediate',
          name: nameOf(cloud, 'demo-leader-mediate'),
          role: '矛盾调解组组长（镇级）',
        },
      ]),
      minutes: null,
    });
    expect(item.roundtable!.participants).toHaveLength(2);
    expect(item.timeline.at(-1)).toMatchObject({
      step: 'roundtable',
      what: '召开圆桌会：村委会议室，2 位联盟成员参加',
      actorRole: '村管理员',
    });
  });

  test('a village-level group member may sit at the table; a participant named twice sits once', async () => {
    const itemId = await consulting();
    data(
      await schedule(itemId, { participantIds: ['r_resident_030', 'r_resident_030', 'r_leader_consult'] }),
    );
    const { roundtable } = data(await as(NEIGHBOUR)('getItem', { itemId }));
    expect(roundtable!.participants.map((p) => [p.residentId, p.role]).sort()).toEqual([
      ['r_leader_consult', '协商议事组组长（镇级）'],
      ['r_resident_030', '协商议事组成员（村级）'],
    ]);
  });

  test('the town admin may schedule it', async () => {
    const itemId = await consulting();
    expect(data(await schedule(itemId, {}, TOWN_ADMIN))).toEqual({ step: 'roundtable' });
  });

  test.each([
    ['a plain resident', residentIdOf(RESIDENT), RESIDENT],
    ['a 村民代表 in no group', 'r_rep_01', REPS[0]!],
    ['the village admin, in no group', 'r_village_admin', ADMIN],
  ])('%s is not an alliance member: INVALID_INPUT naming them', async (_who, residentId, openid) => {
    const itemId = await consulting();
    await refuses(
      cloud,
      () => schedule(itemId, { participantIds: ['r_leader_consult', residentId] }),
      'INVALID_INPUT',
      `${nameOf(cloud, openid)}不是联盟小组成员，不能作为参会人`,
    );
  });

  test('a participant not on the roster is INVALID_INPUT', async () => {
    const itemId = await consulting();
    await refuses(
      cloud,
      () => schedule(itemId, { participantIds: ['r_leader_consult', 'r_nobody'] }),
      'INVALID_INPUT',
      '参会人中有人不在名册里',
    );
  });

  test('before 征求论事, and a second time, it is WRONG_STEP', async () => {
    const { itemId } = data(
      await as(nextAuthor())('raise', { title: '修缮村口老水井', body: '井壁开裂，请组织修缮并加盖。' }),
    ).item;
    await refuses(
      cloud,
      () => schedule(itemId),
      'WRONG_STEP',
      '这件事项现在处于“群众提事”，不能进行这个操作',
    );
    const scheduled = await consulting();
    data(await schedule(scheduled));
    await refuses(
      cloud,
      () => schedule(scheduled),
      'WRONG_STEP',
      '这件事项现在处于“圆桌议事”，不能进行这个操作',
    );
  });

  test("a resident, a group leader and another village's admin are FORBIDDEN", async () => {
    const itemId = await consulting();
    for (const openid of [RESIDENT, CONSULT_LEADER]) {
      await refuses(cloud, () => schedule(itemId, {}, openid), 'FORBIDDEN', '您没有进行此操作的权限');
    }
    await refuses(
      cloud,
      () => schedule(itemId, {}, WUXING_ADMIN),
      'FORBIDDEN',
      '只有本村管理员可以办理这一步',
    );
  });

  test.each([
    ['no participant', { participantIds: [] }, '请至少选择一位参会人'],
    [
      '31 participants',
      { participantIds: Array.from({ length: 31 }, (_v, i) => `r_resident_${i}`) },
      '参会人最多 30 位',
    ],
    ['no place', { place: ' ' }, '请填写地点'],
    ['a place of 41 characters', { place: '会'.repeat(41) }, '地点最多 40 个字'],
    ['a time that is not one', { at: 12 }, '时间无效'],
    ['a time that is not a whole number', { at: inAnHour() + 0.5 }, '时间格式不正确'],
  ])('%s is INVALID_INPUT', async (_what, change, message) => {
    const itemId = await consulting();
    await refuses(cloud, () => schedule(itemId, change), 'INVALID_INPUT', message);
  });
});
