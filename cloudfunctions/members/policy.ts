import type { VillageDoc } from '../../_shared/documents';
import { VILLAGES } from '../../_shared/collections';
import { AppError } from '../../_shared/errors';
import { db } from '../../_shared/cloud';
import { findById } from '../../_shared/store';

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
