import type { MemberDoc, ResidentDoc } from '../_shared/documents';
import { roleLabels } from '../../core/roles';
import type { BindingRequestView, MemberView, ResidentView, RosterImportView } from '../../core/members';
import type { BindingRequestDoc, RosterImportDoc } from './model';

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

export function rosterImportView(d: RosterImportDoc): RosterImportView {
  return {
    importId: d._id,
    filename: d.filename,
    status: d.status,
    total: d.total,
    applied: d.applied,
    chunks: d.chunks,
    chunksDone: d.cursor,
    inserted: d.inserted,
    updated: d.updated,
    unchanged: d.unchanged,
    codes: d.codes,
    repKept: d.repKept,
    villages: d.villages,
    startedAt: new Date(d.startedAt).getTime(),
    startedBy: d.startedByName,
    doneAt: d.doneAt ? new Date(d.doneAt).getTime() : null,
  };
}
