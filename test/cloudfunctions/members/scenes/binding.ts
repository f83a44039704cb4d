import type { BindingRequestView } from '../../../../core/members';
import { caller, startAppCloud, useAppCloud } from '../../../support/app-cloud';

/** A fresh cloud for every test of the binding suites (requestBinding, listPending, approve and reject), and their helpers. */
export function useBindingScene() {
  const cloud = useAppCloud(startAppCloud, { each: true });

  const as = (openid: string) => caller(cloud, 'members', openid);
  const form = { name: '李春花', villageId: 'zhonghai', household: '三组 018 号', phone: '13812345678' };

  async function requestAs(openid: string, overrides: Record<string, unknown> = {}) {
    return as(openid)<{ request: BindingRequestView }>('requestBinding', { ...form, ...overrides });
  }
  return { cloud, as, form, requestAs };
}
