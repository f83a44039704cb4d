import { useAppCloud } from '../../../support/app-cloud';
import { ADMIN, agendaAs, driveTo, inAnHour, LEADER_IDS, startAgendaCloud } from '../../../support/agenda';
import { authors, makeWuxingAdmin, residentIdOf, roles, setRoles } from '../fixtures';

/** The cloud and helpers of the roundtable suites (scheduleRoundtable, recordMinutes). */
export function useRoundtableScene() {
  const cloud = useAppCloud(startAgendaCloud);
  /** 中海村 resident 030 is made a village-level member of the 协商议事组. */
  const VILLAGE_MEMBER = 'demo-resident-030';
  beforeAll(async () => {
    await makeWuxingAdmin(cloud);
    await setRoles(
      cloud,
      ADMIN,
      residentIdOf(VILLAGE_MEMBER),
      roles({ groups: [{ group: 'consult', level: 'village', position: 'member' }] }),
    );
  });

  const nextAuthor = authors();
  const as = (openid: string) => agendaAs(cloud, openid);
  const consulting = async () => (await driveTo(cloud, 'consulting', { author: nextAuthor() })).itemId;
  const schedule = (itemId: string, change: Record<string, unknown> = {}, openid = ADMIN) =>
    as(openid)('scheduleRoundtable', {
      itemId,
      at: inAnHour(),
      place: '村委会议室',
      participantIds: LEADER_IDS,
      ...change,
    });
  return { cloud, VILLAGE_MEMBER, nextAuthor, as, consulting, schedule };
}
