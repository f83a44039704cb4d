import type { MemberDoc } from '../_shared/documents';
import { ITEMS } from '../_shared/collections';
import { canManageVillage } from '../../core/roles';
import { AppError } from '../_shared/errors';
import { db } from '../_shared/cloud';
import { type ItemDoc } from './model';
import type { Step } from '../../core/agenda';
import { STEP_LABELS } from '../../core/agenda';

/** The village's admins (and town admins) move a matter through its steps. */
export function canManageItem(member: MemberDoc | null, item: ItemDoc): boolean {
  return canManageVillage(member, item.villageId);
}

/** Duplicates may also be merged by the 协商议事组's leaders: town level, or village level of that village. */
export function canMergeItem(member: MemberDoc | null, item: ItemDoc): boolean {
  if (!member) return false;
  if (canManageItem(member, item)) return true;
  return member.roles.groups.some(
    (g) =>
      g.group === 'consult' &&
      g.position !== 'member' &&
      (g.level === 'town' || member.villageId === item.villageId),
  );
}

/** Residents take part in their own village's matters; town-level roles see every village. */
export function canTakePart(member: MemberDoc, item: ItemDoc): boolean {
  return (
    member.villageId === item.villageId ||
    member.roles.townAdmin ||
    member.roles.groups.some((g) => g.level === 'town')
  );
}

/** One read: the item, or NOT_FOUND; held and rejected items exist only for their author and the village's admins. */
export async function requireItem(
  itemId: string,
  member: MemberDoc | null,
  openid: string,
): Promise<ItemDoc> {
  const { data } = await db.collection(ITEMS).where({ _id: itemId }).get();
  const item = data[0] as ItemDoc | undefined;
  const hidden =
    item &&
    (item.status === 'held' || item.status === 'rejected') &&
    item.authorOpenid !== openid &&
    !canManageItem(member, item);
  if (!item || hidden) throw new AppError('NOT_FOUND', '没有找到这件事项');
  return item;
}

export function requireManager(member: MemberDoc | null, item: ItemDoc): void {
  if (!canManageItem(member, item)) throw new AppError('FORBIDDEN', '只有本村管理员可以办理这一步');
}

export function requireStep(item: ItemDoc, steps: Step[]): void {
  if (item.status !== 'open') {
    throw new AppError(
      'WRONG_STEP',
      item.status === 'merged' ? '这件事项已合并到其他事项' : '这件事项还未公开',
    );
  }
  if (!steps.includes(item.step)) {
    throw new AppError('WRONG_STEP', `这件事项现在处于“${STEP_LABELS[item.step]}”，不能进行这个操作`);
  }
}
