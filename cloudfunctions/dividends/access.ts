import type { MemberDoc } from '../_shared/documents';
import { COOPERATIVES, DISTRIBUTIONS } from '../_shared/collections';
import { toMillisOrNull } from '../../core/time';
import {
  BASIS_OF,
  type CooperativeSummary,
  type DistributionSummary,
  type HouseholdView,
} from '../../core/dividends';
import { canManageVillage } from '../../core/roles';
import { db } from '../_shared/cloud';
import { AppError } from '../_shared/errors';
import { type CoopDoc, type DistributionDoc } from './model';

/** Who manages a cooperative: the admins of its village (town admins too) and its board (理事会). */
export function manages(member: MemberDoc | null, coop: Pick<CoopDoc, 'villageId' | 'board'>): boolean {
  if (!member) return false;
  return (
    canManageVillage(member, coop.villageId) || coop.board.some((b) => b.residentId === member.residentId)
  );
}

export async function findCoop(coopId: string): Promise<CoopDoc | null> {
  const { data } = await db.collection(COOPERATIVES).where({ _id: coopId }).get();
  return (data[0] as CoopDoc | undefined) ?? null;
}

export async function requireCoop(coopId: string): Promise<CoopDoc> {
  const coop = await findCoop(coopId);
  if (!coop) throw new AppError('NOT_FOUND', '没有找到这个合作社');
  return coop;
}

export async function requireManagedCoop(coopId: string, member: MemberDoc | null): Promise<CoopDoc> {
  const coop = await requireCoop(coopId);
  if (!manages(member, coop)) throw new AppError('FORBIDDEN', '只有本村管理员和合作社理事会可以操作');
  return coop;
}

/** A distribution the caller may see: published ones to anyone, others to the cooperative's managers. */
export async function requireDistribution(
  distributionId: string,
  member: MemberDoc | null,
): Promise<{ dist: DistributionDoc; coop: CoopDoc; canManage: boolean }> {
  const { data } = await db.collection(DISTRIBUTIONS).where({ _id: distributionId }).get();
  const dist = data[0] as DistributionDoc | undefined;
  const coop = dist ? await findCoop(dist.coopId) : null;
  const canManage = !!coop && manages(member, coop);
  if (!dist || !coop || (dist.status !== 'published' && !canManage)) {
    throw new AppError('NOT_FOUND', '没有找到这个分配方案');
  }
  return { dist, coop, canManage };
}

export function summaryOf(d: DistributionDoc): DistributionSummary {
  return {
    distributionId: d._id,
    coopId: d.coopId,
    coopName: d.coopName,
    year: d.year,
    version: d.version,
    status: d.status,
    basis: d.basis,
    profitFen: d.profitFen,
    pools: d.result?.pools ?? null,
    shareholders: d.shareholders,
    totalWeightedShares: d.result?.totalWeightedShares ?? null,
    ratePerShare: d.result?.ratePerShare ?? null,
    ratePerVolumeYuan: d.result?.ratePerVolumeYuan ?? null,
    reason: d.reason,
    supersededBy: d.supersededBy,
    declaredBy: d.declaredBy.name,
    reviewedBy: d.reviewedBy?.name ?? null,
    publishedAt: toMillisOrNull(d.publishedAt),
  };
}

export function coopSummaryOf(c: CoopDoc, latest: DistributionDoc | null): CooperativeSummary {
  return {
    coopId: c._id,
    villageId: c.villageId,
    villageName: c.villageName,
    name: c.name,
    industry: c.industry,
    legalForm: c.legalForm,
    basis: BASIS_OF[c.legalForm],
    rule: c.rule,
    transactionReturnBp: c.transactionReturnBp,
    terms: c.terms,
    shareholders: c.shareholders,
    latest: latest ? summaryOf(latest) : null,
  };
}

/** The caller's household's line: same village and 户号. */
export function lineOf(d: DistributionDoc, member: MemberDoc | null): HouseholdView | null {
  if (!member || member.villageId !== d.villageId) return null;
  return d.lines?.find((l) => l.household === member.household) ?? null;
}
