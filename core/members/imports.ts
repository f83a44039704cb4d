import type { RosterProblem } from './roster';

/**
 * 村民名册 import and the claim-code sheet: what the members function answers (the actions are declared in
 * contract.ts). An import is checked whole when it starts (nothing is written unless every row is good),
 * then applied chunk by chunk by `continueRosterImport` calls the page makes in a loop (and the timer trigger
 * for an import left unfinished), each well within the function's time limit.
 */

/** Days a code of the printed claim sheet stays valid: long enough for a 网格员 to visit every household. */
export const CLAIM_SHEET_TTL_DAYS = 60;
/** Households per page of the claim sheet (one printed page holds about this many in large type). */
export const CLAIM_SHEET_PAGE = 12;
/** The kind (folder) of roster uploads: `uploads/roster/…`. */
export const ROSTER_UPLOAD_KIND = 'roster';

export type RosterImportStatus = 'applying' | 'done';

export interface RosterImportView {
  importId: string;
  filename: string;
  status: RosterImportStatus;
  /** People in the file, and how many are applied so far. */
  total: number;
  applied: number;
  chunks: number;
  chunksDone: number;
  /** New resident records, records changed, records already as in the file. */
  inserted: number;
  updated: number;
  unchanged: number;
  /** Claim codes issued for the claim sheet (residents not yet bound to WeChat). */
  codes: number;
  /** Bound residents whose 村民代表 flag in the file differs: kept (roles of bound people change in 身份管理). */
  repKept: number;
  villages: { id: string; name: string }[];
  startedAt: number;
  startedBy: string;
  doneAt: number | null;
}

export interface RosterCheck {
  /** Null when the file has problems: nothing was written. */
  importId: string | null;
  /** Rows of people read (without the header and empty rows). */
  rows: number;
  problems: RosterProblem[];
  /** All the problems; `problems` lists the first ROSTER_PROBLEMS_SHOWN. */
  problemCount: number;
  import: RosterImportView | null;
}

/** A file the function wrote to cloud storage for the caller: its id (the mini-program downloads by id) and a link. */
export interface CloudFileLink {
  fileID: string;
  /** A temporary download link (minutes). */
  url: string;
  filename: string;
  rows: number;
}

export interface ClaimSheetPerson {
  residentId: string;
  name: string;
  /** "1234 5678". */
  code: string;
  expiresAt: number;
}

export interface ClaimSheetHousehold {
  household: string;
  teamName: string | null;
  people: ClaimSheetPerson[];
}

export interface ClaimSheetPage {
  townName: string;
  villageName: string;
  households: ClaimSheetHousehold[];
  /** Households with a code on the sheet, and people of the village not bound and without a sheet code. */
  totalHouseholds: number;
  withoutCode: number;
  nextCursor: string | null;
}
