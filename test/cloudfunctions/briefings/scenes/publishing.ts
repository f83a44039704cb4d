import { demoResidentOpenid } from '../../../../scripts/demo/identities';
import { NO_ROLES, type Roles } from '../../../../core/roles';
import { caller, data, useAppCloud } from '../../../support/app-cloud';
import { briefingsAs, TOWN_ADMIN } from '../../../support/briefings';

/** The cloud and helpers of the publishing suites (publish, edit, withdraw, categories): 中海村 gets a village 政策解读组 组长. */
export function usePublishingScene() {
  const cloud = useAppCloud();

  const as = (openid: string | null) => briefingsAs(cloud, openid);
  const doc = (id: string) => cloud.dump('briefings').find((b) => b._id === id)!;
  const versionsOf = (id: string) => cloud.dump('briefingVersions').filter((v) => v.briefingId === id);
  const ZHONGHAI = { kind: 'village', villageId: 'zhonghai' };
  const WUXING = { kind: 'village', villageId: 'wuxing' };

  /** A 中海村 resident made the village's 政策解读组 组长 by the town admin. */
  const VILLAGE_POLICY_LEADER = demoResidentOpenid(150);
  beforeAll(async () => {
    const roles: Roles = { ...NO_ROLES, groups: [{ group: 'policy', level: 'village', position: 'leader' }] };
    data(await caller(cloud, 'members', TOWN_ADMIN)('setRoles', { residentId: 'r_resident_150', roles }));
  });
  return { cloud, as, doc, versionsOf, ZHONGHAI, WUXING, VILLAGE_POLICY_LEADER };
}
