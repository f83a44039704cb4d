import type { AppealView, ReviewView, RestrictionState } from '@core/honor';
import { formatDate, fromChinaPickers } from '@core/time';

export const APPEAL_STATUS_LABELS: Record<AppealView['status'], string> = {
  open: '申诉处理中',
  upheld: '申诉未通过，维持原决定',
  revoked: '申诉成立，已撤销上榜',
};

export const RESTRICTION_STATE_LABELS: Record<RestrictionState, string> = {
  active: '限制中',
  expired: '限制已到期解除',
  lifted: '限制已提前解除',
};

/** A 村民代表大会's date as picked (`2026-11-28`) in words: 2026年11月28日. */
export const assemblyDate = (date: string) => formatDate(fromChinaPickers(date));

/** The last whole day to appeal, in words: an appeal is open until the end of that day, China time. */
export const appealLastDay = (appealUntil: number) => `${formatDate(appealUntil - 1)}（含当天）`;

/** How a published board was reviewed, in one plain sentence. */
export function reviewText(review: ReviewView): string {
  return review.kind === 'admin'
    ? `经第二位管理员 ${review.name} 审核通过（${formatDate(review.at)}）`
    : `经村民代表大会 ${assemblyDate(review.date)} 表决通过`;
}

export { useAction } from '../../hooks/use-action';
