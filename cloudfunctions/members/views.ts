import type { MemberDoc, ResidentDoc } from '../_shared/documents';
import { roleLabels } from '../../core/roles';
import type { BindingRequestView, MemberView, ResidentView } from '../../core/members';
import type { BindingRequestDoc } from './model';

export function memberView(m: MemberDoc): MemberView {
  return {
    residentId: m.residentId,
    name: m.name,
    villageId: m.villageId,
    villageName: m.villageName,
    household: m.household,
    phoneMasked: m.phoneMasked,
    roles: m.roles,
    roleLabels: roleLabels(m.roles),
    boundAt: new Date(m.boundAt).getTime(),
  };
}

export function requestView(
  r: BindingRequestDoc,
  villageName: string,
  possibleDuplicate = false,
): BindingRequestView {
  return {
    requestId: r._id,
    name: r.name,
    villageId: r.villageId,
    villageName,
    household: r.household,
    phoneMasked: r.phoneMasked,
    createdAt: new Date(r.createdAt).getTime(),
    contentCheck: r.contentCheck,
    possibleDuplicate,
  };
}

export function residentView(r: ResidentDoc): ResidentView {
  return {
    residentId: r._id,
    name: r.name,
    household: r.household,
    phoneMasked: r.phoneMasked,
    bound: r.openid !== null,
    roles: r.roles,
    roleLabels: roleLabels(r.roles),
  };
}
