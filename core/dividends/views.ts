/** What the `dividends` function answers: a computed distribution, its household lines and the summaries. */

import type {
  Basis,
  DistributionStatus,
  LegalForm,
  RosterRow,
  ShareClass,
  ShareTerms,
  SplitRule,
} from './contract';

/** A part of one pool: the exact share as a decimal string, the floor, and the fen the rounding added (0 or 1). */
export interface Part {
  exact: string;
  floorFen: number;
  adjustmentFen: number;
  fen: number;
}

export interface HouseholdLine {
  householdId: string;
  name: string;
  /** Shares of each class after conversion, to 4 decimals (explanation only). */
  shares: Record<ShareClass, string>;
  /** Weighted shares, to 4 decimals (explanation only). */
  weightedShares: string;
  volumeFen: number;
  byShares: Part;
  byVolume: Part | null;
  amountFen: number;
}

export interface Distribution {
  profitFen: number;
  basis: Basis;
  pools: {
    reserveFen: number;
    collectiveFen: number;
    membersFen: number;
    byVolumeFen: number;
    bySharesFen: number;
  };
  totalWeightedShares: string;
  totalVolumeFen: number;
  /** 元 per weighted share, to 4 decimals (explanation only; amounts come from the exact division). */
  ratePerShare: string;
  /** 元 per 元 of transactions, to 4 decimals (transactions basis). */
  ratePerVolumeYuan: string | null;
  lines: HouseholdLine[];
}

export interface CooperativeSummary {
  coopId: string;
  villageId: string;
  villageName: string;
  name: string;
  industry: string;
  legalForm: LegalForm;
  basis: Basis;
  rule: SplitRule;
  transactionReturnBp: number;
  terms: ShareTerms;
  shareholders: number;
  /** The newest published distribution, if any. */
  latest: DistributionSummary | null;
}

export interface DistributionSummary {
  distributionId: string;
  coopId: string;
  coopName: string;
  year: number;
  version: number;
  status: DistributionStatus;
  basis: Basis;
  profitFen: number;
  pools: Distribution['pools'] | null;
  shareholders: number;
  totalWeightedShares: string | null;
  ratePerShare: string | null;
  ratePerVolumeYuan: string | null;
  /** Why this version corrects an earlier one. */
  reason: string | null;
  /** The version that corrects this one, when there is one. */
  supersededBy: string | null;
  declaredBy: string;
  reviewedBy: string | null;
  publishedAt: number | null;
}

/** A household's line in a distribution, with everything needed to explain it. */
export interface HouseholdView extends HouseholdLine {
  household: string;
  formula: string;
}

export interface MyDividend {
  summary: DistributionSummary;
  legalForm: LegalForm;
  line: HouseholdView;
}

export interface CooperativeView extends CooperativeSummary {
  distributions: DistributionSummary[];
  canManage: boolean;
  /** Managers only. */
  roster: RosterRow[] | null;
  board: { residentId: string; name: string }[];
}

export interface DistributionView {
  summary: DistributionSummary;
  legalForm: LegalForm;
  rule: SplitRule;
  transactionReturnBp: number;
  terms: ShareTerms;
  /** Every household's line: managers only. */
  lines: HouseholdView[] | null;
  /** The caller's household's line, if it is on the roster. */
  mine: HouseholdView | null;
  canManage: boolean;
  canReview: boolean;
  canPublish: boolean;
}
