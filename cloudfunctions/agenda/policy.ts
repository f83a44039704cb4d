import type { MemberDoc } from '../_shared/documents';
import { ITEMS, POLLS } from '../_shared/collections';
import type { CommandContext } from '../_shared/command';
import { AppError } from '../_shared/errors';
import { findById } from '../_shared/store';
import { canManageItem, canTakePart, STEP_LABELS, type Step } from '../../core/agenda';
import { type ItemDoc, type PollDoc } from './model';
import { finalizeIfDue } from './freeze';

/**
 * The agenda's data rules: which matter or poll a call is about, and whether it may act on it now. Who may do
 * what is decided by core/agenda/policy.ts (the pages ask the same functions); these read and throw.
 */

/** One read: the item, or NOT_FOUND; held and rejected items exist only for their author and the village's admins. */
export async function requireItem(
  itemId: string,
  member: MemberDoc | null,
  openid: string,
): Promise<ItemDoc> {
  const item = await findById(ITEMS, itemId);
  const hidden =
    item &&
    (item.status === 'held' || item.status === 'rejected') &&
    item.authorOpenid !== openid &&
    !canManageItem(member, item);
  if (!item || hidden) throw new AppError('NOT_FOUND', '没有找到这件事项');
  return item;
}

function requireManager(member: MemberDoc | null, item: ItemDoc): void {
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

/**
 * The caller and a matter they manage (NOT_FOUND, FORBIDDEN), at one of `steps` (WRONG_STEP; any step when
 * none are given): what every admin's move starts with. One read besides the caller's.
 */
export async function requireManagedItem(
  ctx: CommandContext,
  itemId: string,
  steps?: Step[],
): Promise<{ member: MemberDoc; item: ItemDoc }> {
  const member = (await ctx.member())!;
  const item = await requireItem(itemId, member, ctx.openid);
  requireManager(member, item);
  if (steps) requireStep(item, steps);
  return { member, item };
}

/**
 * The caller and a matter at one of `steps` (WRONG_STEP) that they take part in — their village's, or any
 * for town-level roles (FORBIDDEN, saying `refusal`): what a resident's comment, support or verdict starts with.
 */
export async function requireParticipant(
  ctx: CommandContext,
  itemId: string,
  steps: Step[],
  refusal: string,
): Promise<{ member: MemberDoc; item: ItemDoc }> {
  const member = (await ctx.member())!;
  const item = await requireItem(itemId, member, ctx.openid);
  requireStep(item, steps);
  if (!canTakePart(member, item)) throw new AppError('FORBIDDEN', refusal);
  return { member, item };
}

/** One read: the poll as stored, or NOT_FOUND. */
export async function requirePoll(pollId: string): Promise<PollDoc> {
  const poll = await findById(POLLS, pollId);
  if (!poll) throw new AppError('NOT_FOUND', '没有找到这次表决');
  return poll;
}

/** The poll with its result frozen if it is due (see freeze.ts finalizeIfDue). */
export async function requireCurrentPoll(pollId: string, now: number): Promise<PollDoc> {
  return finalizeIfDue(await requirePoll(pollId), now);
}

/** The caller, a poll (current, see requireCurrentPoll) and its matter, which the caller manages (FORBIDDEN). */
export async function requireManagedPoll(
  ctx: CommandContext,
  pollId: string,
): Promise<{ member: MemberDoc; poll: PollDoc; item: ItemDoc }> {
  const member = (await ctx.member())!;
  const poll = await requireCurrentPoll(pollId, ctx.now);
  const item = await requireItem(poll.itemId, member, ctx.openid);
  requireManager(member, item);
  return { member, poll, item };
}
