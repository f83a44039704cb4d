import type {
  Basis,
  Distribution,
  DistributionInput,
  DistributionStatus,
  HouseholdView,
  LegalForm,
  RosterRow,
  ShareTerms,
  SplitRule,
} from '../../core/dividends';

export interface Person {
  openid: string;
  name: string;
}

/** The caller as a distribution records who declared, computed or reviewed it. */
export const personOf = (openid: string, member: { name: string }): Person => ({ openid, name: member.name });

export interface CoopDoc {
  _id: string;
  villageId: string;
  villageName: string;
  name: string;
  industry: string;
  legalForm: LegalForm;
  rule: SplitRule;
  transactionReturnBp: number;
  terms: ShareTerms;
  /** The cooperative's board (理事会): residents who manage it beside the village's admins. */
  board: { residentId: string; name: string }[];
  shareholders: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface RosterDoc {
  _id: string;
  rows: RosterRow[];
  importedAt: Date;
  importedBy: Person;
  filename: string;
}

export interface DistributionDoc {
  _id: string;
  coopId: string;
  coopName: string;
  villageId: string;
  year: number;
  version: number;
  status: DistributionStatus;
  legalForm: LegalForm;
  basis: Basis;
  rule: SplitRule;
  transactionReturnBp: number;
  terms: ShareTerms;
  profitFen: number;
  /** Households on the snapshot (0 until computed). */
  shareholders: number;
  /** The roster as it was when computed: a published distribution never changes with later imports. */
  snapshot: RosterRow[] | null;
  result: Omit<Distribution, 'lines' | 'profitFen' | 'basis'> | null;
  lines: HouseholdView[] | null;
  reason: string | null;
  corrects: string | null;
  supersededBy: string | null;
  declaredBy: Person;
  computedBy: Person | null;
  reviewedBy: Person | null;
  createdAt: Date;
  publishedAt: Date | null;
}

export const distributionId = (coopId: string, year: number, version: number) =>
  `${coopId}_${year}_v${version}`;

/** What a list or summary reads of a distribution: not the roster snapshot or the household lines. */
export const SUMMARY_FIELDS = { snapshot: false, lines: false } as const;

/** The computation's input: the distribution's snapshot under its rule and terms, at its profit or another. */
export function inputOf(d: DistributionDoc, profitFen = d.profitFen): DistributionInput {
  return {
    profitFen,
    rule: d.rule,
    basis: d.basis,
    transactionReturnBp: d.transactionReturnBp,
    terms: d.terms,
    holdings: d.snapshot ?? [],
  };
}
