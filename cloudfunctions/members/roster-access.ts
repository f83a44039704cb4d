import type { MemberDoc } from '../_shared/documents';
import { canManageVillage } from '../../core/roles';
import { AppError } from '../_shared/errors';
import { findById } from '../_shared/store';
import { ROSTER_IMPORTS } from '../_shared/collections';
import type { RosterImportDoc } from './model';

/** One read: an import the admin may drive (they manage every village in it), or NOT_FOUND / FORBIDDEN. */
export async function requireImport(importId: string, actor: MemberDoc): Promise<RosterImportDoc> {
  const imp = await findById(ROSTER_IMPORTS, importId);
  if (!imp) throw new AppError('NOT_FOUND', '没有找到这次导入');
  if (!imp.villageIds.every((v) => canManageVillage(actor, v)))
    throw new AppError('FORBIDDEN', '这次导入包含您不管理的村（社区）');
  return imp;
}
