import { data, useAppCloud } from '../../../support/app-cloud';
import { ADMIN, agendaAs, driveTo, RESIDENT, startAgendaCloud, TOWN_ADMIN } from '../../../support/agenda';

const cloud = useAppCloud(startAgendaCloud);
let itemId: string;
beforeAll(async () => {
  ({ itemId } = await driveTo(cloud, 'consulting', { author: 'demo-resident-150' }));
});

describe('listParticipants', () => {
  test("offers the alliance-group members of the town level and of the item's village, and nobody else", async () => {
    const { participants } = data(await agendaAs(cloud, ADMIN)('listParticipants', { itemId }));
    expect(participants.map((p) => p.residentId).sort()).toEqual(
      [
        'r_group_member',
        'r_leader_consult',
        'r_leader_crowdfund',
        'r_leader_mediate',
        'r_leader_policy',
        'r_leader_service',
      ].sort(),
    );
    expect(participants.find((p) => p.residentId === 'r_leader_consult')).toMatchObject({
      role: '协商议事组组长（镇级）',
      villageName: '中海村',
    });
  });

  test('a village member of a group counts for their own village only', async () => {
    // Make 中海村's resident 010 a village-level member of 公益服务组 (through the members function).
    data(
      (await cloud.call(
        'members',
        {
          action: 'setRoles',
          residentId: 'r_resident_010',
          roles: {
            townAdmin: false,
            villageAdmin: false,
            rep: false,
            groups: [{ group: 'service', level: 'village', position: 'member' }],
          },
        },
        { openid: ADMIN },
      )) as never,
    );
    const { participants } = data(await agendaAs(cloud, ADMIN)('listParticipants', { itemId }));
    expect(participants.map((p) => p.residentId)).toContain('r_resident_010');
    // A matter of 五星村 (the town admin manages every village) does not offer 中海村's village member.
    const wuxing = await driveTo(cloud, 'raised', { author: 'demo-resident-201' });
    const there = data(await agendaAs(cloud, TOWN_ADMIN)('listParticipants', { itemId: wuxing.itemId }));
    expect(there.participants.map((p) => p.residentId)).not.toContain('r_resident_010');
    expect(there.participants).toHaveLength(5);
  });

  test('a resident may not list them', async () => {
    expect(await agendaAs(cloud, RESIDENT)('listParticipants', { itemId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
