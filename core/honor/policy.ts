import { appealDeadline } from './rules';
import type { BoardStatus } from './contract';

/** Who may do what with a board, an entry and an appeal: the same predicates for the pages and the function. */

/** Entries can be added, changed or removed only while the board is a draft. */
export const canEditBoard = (status: BoardStatus): boolean => status === 'draft';

/** A black-listed household may still appeal: before the end of the 15th day after publication (China time). */
export const canAppeal = (publishedAt: number, now: number): boolean => now < appealDeadline(publishedAt);

/** Whoever drafted or submitted a board cannot also be its second admin. */
export function isBoardAuthor(
  board: { draftedBy: { openid: string }; submittedBy: { openid: string } | null },
  openid: string,
): boolean {
  return board.draftedBy.openid === openid || board.submittedBy?.openid === openid;
}
