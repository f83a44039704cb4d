import type { RosterImportStatus } from '../../core/members/imports';
import type { RosterPerson } from '../../core/members/roster';
import { derivedId } from '../_shared/ids';
import { envInt, envMs } from '../_shared/runtime';

/** One per WeChat user (`_id` derived from the openid), replaced when they ask again after a rejection. */
export interface BindingRequestDoc {
  _id: string;
  openid: string;
  villageId: string;
  name: string;
  household: string;
  phoneMasked: string;
  status: 'pending' | 'approved' | 'rejected';
  contentCheck: 'pass' | 'review';
  createdAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  reason: string | null;
  residentId: string | null;
}

/** `_id` is a hash of the code: the code itself is never stored. */
export interface ClaimCodeDoc {
  _id: string;
  residentId: string;
  villageId: string;
  issuedBy: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
  revokedAt: Date | null;
  /** Codes of the printed claim sheet: the code is re-derived from the resident and this (sheet-codes.ts). */
  nonce?: string;
}

/**
 * `setupCodes/<derivedId('setup', code)>`: a one-time code for a town's first admin, printed once by bootstrap.
 * Only its hash is the id; a new code (`--new-code`) revokes the unused ones.
 */
export interface SetupCodeDoc {
  _id: string;
  townId: string;
  createdAt: Date;
  usedAt: Date | null;
  usedBy: string | null;
  revokedAt: Date | null;
}

/** Per group: its leaders and member count, kept up to date by setRoles so listGroups is one read. */
export interface GroupSummaryDoc {
  _id: string;
  leaders: {
    residentId: string;
    name: string;
    level: 'town' | 'village';
    position: 'deputy' | 'leader';
    villageName: string;
  }[];
  memberCount: number;
}

/** `rosterImports/<importId>`: one checked 村民名册 file being applied, chunk by chunk, with its progress. */
export interface RosterImportDoc {
  _id: string;
  fileID: string;
  filename: string;
  status: RosterImportStatus;
  startedBy: string;
  startedByName: string;
  startedAt: Date;
  /** Last progress (a chunk applied): the timer trigger resumes an import untouched for a while. */
  touchedAt: Date;
  doneAt: Date | null;
  townId: string;
  villages: { id: string; name: string }[];
  villageIds: string[];
  total: number;
  chunks: number;
  /** The next chunk to apply (0-based); advanced together with the counters by a conditional update. */
  cursor: number;
  applied: number;
  inserted: number;
  updated: number;
  unchanged: number;
  codes: number;
  repKept: number;
}

/** `rosterImportChunks/<importId>_<seq>`: the normalized people of one chunk, staged by the start. */
export interface RosterChunkDoc {
  _id: string;
  importId: string;
  seq: number;
  rows: Omit<RosterPerson, 'line'>[];
}

export const rosterImportId = (openid: string, fileID: string) =>
  `ri_${derivedId('roster-import', openid, fileID).slice(0, 24)}`;
export const rosterChunkId = (importId: string, seq: number) => `${importId}_${String(seq).padStart(5, '0')}`;
/** An imported resident's record: the same village, household and name is the same record on every import. */
export const importedResidentId = (villageId: string, household: string, name: string) =>
  `ri${derivedId('resident', villageId, household, name).slice(0, 24)}`;

/**
 * Import tuning. The defaults suit WeChat cloud (timeout in config.json); tests shrink the chunks through the
 * function's environment to exercise chunking and resumption with a small file.
 */
export const rosterTuning = () => ({
  /** People per staged chunk (at most 1000: one `_id in [...]` read covers a chunk). */
  chunkSize: Math.min(envInt('ROSTER_CHUNK_SIZE', 1000), 1000),
  /** How long one `continueRosterImport` keeps applying chunks: short, so the page's bar moves. */
  continueBudgetMs: envMs('ROSTER_CONTINUE_BUDGET_MS', 2_500),
  /** How long one timer run keeps applying chunks of abandoned imports: under a third of the 20 s timeout. */
  timerBudgetMs: envMs('ROSTER_TIMER_BUDGET_MS', 6_000),
  /** An import untouched this long is resumed by the timer (its page was closed). */
  abandonedMs: envMs('ROSTER_ABANDONED_MS', 120_000),
});
