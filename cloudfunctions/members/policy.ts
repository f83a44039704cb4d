import type { MemberDoc, ResidentDoc, VillageDoc } from '../_shared/documents';
import { BINDING_REQUESTS, RESIDENTS, VILLAGES } from '../_shared/collections';
import { canManageVillage } from '../../core/roles';
import { AppError } from '../_shared/errors';
import { db } from '../_shared/cloud';
import { findById } from '../_shared/store';
import { txGet } from '../_shared/transaction';
import type { BindingRequestDoc } from './model';

/** One read: a village by id, or NOT_FOUND. */
export async function requireVillage(villageId: string): Promise<VillageDoc> {
  const village = await findById(VILLAGES, villageId);
  if (!village) throw new AppError('NOT_FOUND', '没有找到这个村（社区）');
  return village;
}

/** One read: every village of the town (a town has a few dozen at most). */
export async function allVillages(): Promise<VillageDoc[]> {
  const { data } = await db.collection(VILLAGES).orderBy('order', 'asc').limit(1000).get();
  return data as VillageDoc[];
}

/** One read: a resident by id, or NOT_FOUND. */
export async function requireResident(residentId: string): Promise<ResidentDoc> {
  const resident = await findById(RESIDENTS, residentId);
  if (!resident) throw new AppError('NOT_FOUND', '没有找到这位村民');
  return resident;
}

/**
 * A binding request still waiting for a decision, of a village the admin manages, read inside `t`; or
 * NOT_FOUND, FORBIDDEN (another village), CONFLICT (already decided).
 */
export async function pendingRequest(
  t: WxCloud.Transaction,
  requestId: string,
  actor: MemberDoc,
): Promise<BindingRequestDoc> {
  const request = (await txGet(t, BINDING_REQUESTS, requestId)) as BindingRequestDoc | null;
  if (!request) throw new AppError('NOT_FOUND', '没有找到这条申请');
  if (!canManageVillage(actor, request.villageId)) throw new AppError('FORBIDDEN', '只能审核本村的申请');
  if (request.status !== 'pending') throw new AppError('CONFLICT', '这条申请已经处理过了');
  return request;
}
