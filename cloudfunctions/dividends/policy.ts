import type { MemberDoc } from '../_shared/documents';
import { COOPERATIVES, DISTRIBUTIONS, ROSTERS } from '../_shared/collections';
import {
  canManageCooperative,
  distribute,
  DistributionError,
  householdViews,
  type Distribution,
  type HouseholdView,
  type RosterRow,
} from '../../core/dividends';
import { db } from '../_shared/cloud';
import { AppError } from '../_shared/errors';
import { findById } from '../_shared/store';
import { inputOf, type CoopDoc, type DistributionDoc } from './model';

const MANAGERS_ONLY = '只有本村管理员和合作社理事会可以操作';

/** One read: a cooperative, or null. */
export function findCoop(coopId: string): Promise<CoopDoc | null> {
  return findById(COOPERATIVES, coopId);
}

export async function requireCoop(coopId: string): Promise<CoopDoc> {
  const coop = await findCoop(coopId);
  if (!coop) throw new AppError('NOT_FOUND', '没有找到这个合作社');
  return coop;
}

export async function requireManagedCoop(coopId: string, member: MemberDoc | null): Promise<CoopDoc> {
  const coop = await requireCoop(coopId);
  if (!canManageCooperative(member, coop)) throw new AppError('FORBIDDEN', MANAGERS_ONLY);
  return coop;
}

/** The cooperative's current roster (empty before the first import). One read. */
export async function loadRoster(coopId: string): Promise<RosterRow[]> {
  return (await findById(ROSTERS, coopId))?.rows ?? [];
}

/** A distribution the caller may see: published ones to anyone, others to the cooperative's managers. */
export async function requireDistribution(
  distributionId: string,
  member: MemberDoc | null,
): Promise<{ dist: DistributionDoc; coop: CoopDoc; canManage: boolean }> {
  const dist = await findById(DISTRIBUTIONS, distributionId);
  const coop = dist ? await findCoop(dist.coopId) : null;
  const canManage = !!coop && canManageCooperative(member, coop);
  if (!dist || !coop || (dist.status !== 'published' && !canManage)) {
    throw new AppError('NOT_FOUND', '没有找到这个分配方案');
  }
  return { dist, coop, canManage };
}

/** A distribution of a cooperative the caller manages, or NOT_FOUND / FORBIDDEN. */
export async function requireManagedDistribution(distributionId: string, member: MemberDoc) {
  const found = await requireDistribution(distributionId, member);
  if (!found.canManage) throw new AppError('FORBIDDEN', MANAGERS_ONLY);
  return found;
}

/**
 * Runs the computation of core/dividends on the distribution's snapshot (at its profit, or another); its
 * refusals become INVALID_INPUT in Chinese. The household lines come with it.
 */
export function calculate(
  d: DistributionDoc,
  profitFen = d.profitFen,
): { result: Distribution; lines: HouseholdView[] } {
  let result: Distribution;
  try {
    result = distribute(inputOf(d, profitFen));
  } catch (e) {
    if (e instanceof DistributionError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
  return { result, lines: householdViews(result, d.snapshot!) };
}

/** Changes a distribution's status only if nobody changed it meanwhile (a conditional update). */
export async function advance(
  d: DistributionDoc,
  to: DistributionDoc['status'],
  data: Record<string, unknown>,
): Promise<void> {
  const { stats } = await db
    .collection(DISTRIBUTIONS)
    .where({ _id: d._id, status: d.status })
    .update({ data: { status: to, ...data } });
  if (stats.updated !== 1) throw new AppError('CONFLICT', '方案刚被别人改过，请刷新后再试');
}
