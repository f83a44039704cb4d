import type { Audience } from '../../../core/notices';
import type { GroupRole } from '../../../core/roles';
import { demoResidentOpenid } from '../../../scripts/demo/identities';
import { data, refuses, residentIdOf, useAppCloud } from '../../support/app-cloud';
import {
  ADMIN,
  CONSULT_LEADER,
  OUTSIDER,
  RESIDENT,
  TOWN_ADMIN,
  chunks,
  notice,
  noticesAs,
  pushAndDrain,
  pushInput,
  startNoticesCloud,
} from '../../support/notices';

const cloud = useAppCloud(startNoticesCloud);
const as = (openid: string | null) => noticesAs(cloud, openid);

/** Gives demo residents group roles, on both their resident record and their member record. */
async function joinGroup(openids: string[], role: GroupRole): Promise<void> {
  for (const openid of openids) {
    const roles = { rep: false, villageAdmin: false, townAdmin: false, groups: [role] };
    await cloud.db.collection('residents').doc(residentIdOf(openid)).update({ data: { roles } });
    await cloud.db.collection('members').doc(openid).update({ data: { roles } });
  }
}

const VILLAGE_LEADER = demoResidentOpenid(30); // 中海村 协商议事组 村级组长
const CONSULT_ZHONGHAI = [demoResidentOpenid(31), demoResidentOpenid(32)];
const CONSULT_WUXING = demoResidentOpenid(202); // 五星村

beforeAll(async () => {
  await joinGroup([VILLAGE_LEADER], { group: 'consult', level: 'village', position: 'leader' });
  await joinGroup(CONSULT_ZHONGHAI, { group: 'consult', level: 'village', position: 'member' });
  await joinGroup([CONSULT_WUXING], { group: 'consult', level: 'village', position: 'member' });
});

const residentIds = (filter: (r: Record<string, unknown>) => boolean) =>
  cloud
    .dump('residents')
    .filter(filter)
    .map((r) => r._id as string)
    .sort();
const recipients = (noticeId: string) =>
  chunks(cloud, noticeId)
    .flatMap((c) => c.items.map((i) => i.r))
    .sort();
const inConsult = (r: Record<string, unknown>) =>
  (r.roles as { groups: GroupRole[] }).groups.some((g) => g.group === 'consult');

describe('audience resolution', () => {
  test('a village: every resident of the village, and nobody else', async () => {
    const id = await pushAndDrain(cloud, ADMIN, pushInput({ kind: 'village', villageId: 'zhonghai' }));
    expect(recipients(id)).toEqual(residentIds((r) => r.villageId === 'zhonghai'));
    expect(chunks(cloud, id).every((c) => c.villageId === 'zhonghai')).toBe(true);
    expect(notice(cloud, id)).toMatchObject({ audienceLabel: '中海村', households: recipients(id).length });
  });

  test('the town: every resident of every village', async () => {
    const id = await pushAndDrain(cloud, TOWN_ADMIN, pushInput({ kind: 'town' }));
    expect(recipients(id)).toEqual(residentIds(() => true));
    expect(new Set(chunks(cloud, id).map((c) => c.villageId)).size).toBe(16);
  });

  test('a group town-wide: its members in every village, at any level', async () => {
    const id = await pushAndDrain(
      cloud,
      CONSULT_LEADER,
      pushInput({ kind: 'group', group: 'consult', villageId: null }),
    );
    expect(recipients(id)).toEqual(residentIds(inConsult));
    expect(recipients(id)).toEqual(
      [CONSULT_LEADER, VILLAGE_LEADER, ...CONSULT_ZHONGHAI, CONSULT_WUXING].map(residentIdOf).sort(),
    );
  });

  test("a group in a village: only that village's members of the group", async () => {
    const id = await pushAndDrain(
      cloud,
      VILLAGE_LEADER,
      pushInput({ kind: 'group', group: 'consult', villageId: 'zhonghai' }),
    );
    expect(recipients(id)).toEqual(
      [CONSULT_LEADER, VILLAGE_LEADER, ...CONSULT_ZHONGHAI].map(residentIdOf).sort(),
    );
    expect(notice(cloud, id).audienceLabel).toBe('协商议事组（中海村）');
  });

  test('the inbox shows a notice to its audience only', async () => {
    const id = await pushAndDrain(
      cloud,
      VILLAGE_LEADER,
      pushInput({ kind: 'group', group: 'consult', villageId: 'zhonghai' }),
    );
    const ids = async (openid: string) => data(await as(openid)('inbox')).notices.map((n) => n.noticeId);
    expect(await ids(CONSULT_ZHONGHAI[0]!)).toContain(id);
    expect(await ids(RESIDENT)).not.toContain(id);
    expect(await ids(CONSULT_WUXING)).not.toContain(id);
    await refuses(cloud, () => as(RESIDENT)('open', { noticeId: id }), 'NOT_FOUND', '没有找到这条通知');
  });
});

describe('who may send where', () => {
  const zhonghai: Audience = { kind: 'village', villageId: 'zhonghai' };
  const wuxing: Audience = { kind: 'village', villageId: 'wuxing' };
  const cases: [string, string | null, Audience, string][] = [
    ['an unbound user', 'demo-unbound', zhonghai, 'NOT_BOUND'],
    ['a resident', RESIDENT, zhonghai, 'FORBIDDEN'],
    ['a plain group member', CONSULT_ZHONGHAI[0]!, zhonghai, 'FORBIDDEN'],
    ['a village admin, to the town', ADMIN, { kind: 'town' }, 'FORBIDDEN'],
    ['a village admin, to another village', ADMIN, wuxing, 'FORBIDDEN'],
    [
      'a village admin, to a group town-wide',
      ADMIN,
      { kind: 'group', group: 'consult', villageId: null },
      'FORBIDDEN',
    ],
    ['a town-level leader, to a village not theirs', CONSULT_LEADER, wuxing, 'FORBIDDEN'],
    [
      'a leader, to another group',
      CONSULT_LEADER,
      { kind: 'group', group: 'mediate', villageId: null },
      'FORBIDDEN',
    ],
    [
      'a village leader, to their group town-wide',
      VILLAGE_LEADER,
      { kind: 'group', group: 'consult', villageId: null },
      'FORBIDDEN',
    ],
    [
      'a village leader, to their group elsewhere',
      VILLAGE_LEADER,
      { kind: 'group', group: 'consult', villageId: 'wuxing' },
      'FORBIDDEN',
    ],
    [
      'a town admin, to a village that does not exist',
      TOWN_ADMIN,
      { kind: 'village', villageId: 'nowhere' },
      'INVALID_INPUT',
    ],
  ];
  test.each(cases)('%s is refused, and nothing changes', async (_label, openid, audience, code) => {
    await refuses(cloud, () => as(openid)('push', pushInput(audience)), code);
  });

  test('no user at all', async () => {
    await refuses(cloud, () => as(null)('push', pushInput(zhonghai)), 'UNAUTHENTICATED');
  });

  test('identity comes from WeChat, never from the event', async () => {
    await refuses(
      cloud,
      () => as(RESIDENT)('push', { ...pushInput(zhonghai), openid: ADMIN, userInfo: { openId: ADMIN } }),
      'FORBIDDEN',
    );
  });

  test('compose offers exactly the audiences each sender may use', async () => {
    const labels = async (openid: string) =>
      data(await as(openid)('composeOptions')).options.map((o) => o.label);
    expect(await labels(ADMIN)).toEqual([
      '中海村',
      '协商议事组（中海村）',
      '政策解读组（中海村）',
      '产业众筹组（中海村）',
      '矛盾调解组（中海村）',
      '公益服务组（中海村）',
    ]);
    expect(await labels(VILLAGE_LEADER)).toEqual(['中海村', '协商议事组（中海村）']);
    expect(await labels(CONSULT_LEADER)).toEqual(['中海村', '协商议事组（中海村）', '协商议事组（全镇）']);
    const town = await labels(TOWN_ADMIN);
    expect(town).toContain('全镇');
    expect(town).toHaveLength(1 + 5 + 5 + 16);
    await refuses(cloud, () => as(OUTSIDER)('composeOptions'), 'FORBIDDEN');
  });
});
