import type { MemberDoc } from '../_shared/documents';
import { toMillisOrNull } from '../../core/time';
import {
  BASIS_OF,
  canManageCooperative,
  canReviewDistribution,
  type CooperativeSummary,
  type DistributionSummary,
  type DistributionView,
  type HouseholdView,
} from '../../core/dividends';
import { type CoopDoc, type DistributionDoc } from './model';

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
export function lineOf(
  d: Pick<DistributionDoc, 'villageId' | 'lines'>,
  member: MemberDoc | null,
): HouseholdView | null {
  if (!member || member.villageId !== d.villageId) return null;
  return d.lines?.find((l) => l.household === member.household) ?? null;
}

/** A distribution as the caller sees it: every line for its managers, the own line once published. */
export function distributionView(
  d: DistributionDoc,
  coop: CoopDoc,
  member: MemberDoc | null,
  openid: string,
): DistributionView {
  const canManage = canManageCooperative(member, coop);
  return {
    summary: summaryOf(d),
    legalForm: d.legalForm,
    rule: d.rule,
    transactionReturnBp: d.transactionReturnBp,
    terms: d.terms,
    lines: canManage ? d.lines : null,
    mine: d.status === 'published' || canManage ? lineOf(d, member) : null,
    canManage,
    canReview: canManage && canReviewDistribution(d, openid),
    canPublish: canManage && d.status === 'reviewed',
  };
}
