import { NO_ROLES, type Roles } from '../../../../core/roles';
import { caller, startAppCloud, useAppCloud } from '../../../support/app-cloud';

/** A fresh cloud for every test of the roster suites (setRoles, listResidents, getResident), and their helpers. */
export function useRolesScene() {
  const cloud = useAppCloud(startAppCloud, { each: true });

  const as = (openid: string) => caller(cloud, 'members', openid);
  const roles = (partial: Partial<Roles>): Roles => ({ ...NO_ROLES, ...partial });
  const setRoles = (actor: string, residentId: string, r: Roles) =>
    as(actor)('setRoles', { residentId, roles: r });
  return { cloud, as, roles, setRoles };
}
