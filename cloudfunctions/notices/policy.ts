import type { MemberDoc, VillageDoc } from '../_shared/documents';
import { BOARDS, BRIEFINGS, ITEMS, NOTICES } from '../_shared/collections';
import { canOversee, memberKeys, type PushInput } from '../../core/notices';
import { AppError } from '../_shared/errors';
import { findById } from '../_shared/store';
import { type NoticeDoc } from './model';

/**
 * The notices' data rules: which notice a call is about and whether the caller may read it or its coverage,
 * and what a push may point at. Who may send and oversee is core/notices/policy.ts.
 */

export const oversees = (member: MemberDoc, notice: NoticeDoc) =>
  canOversee(member, { senderOpenid: notice.sender.openid, audience: notice.audience }, member._id);

export const addressedTo = (member: MemberDoc, notice: NoticeDoc) =>
  memberKeys(member).includes(notice.audienceKey);

/** A notice the member may read: addressed to them, or one they oversee. One read. */
export async function requireNotice(noticeId: string, member: MemberDoc): Promise<NoticeDoc> {
  const notice = await findById(NOTICES, noticeId);
  if (!notice || !(addressedTo(member, notice) || oversees(member, notice))) {
    throw new AppError('NOT_FOUND', '没有找到这条通知');
  }
  return notice;
}

/** A notice whose coverage the member may see (its sender, town admins, the village's admins). */
export async function requireOverseen(noticeId: string, member: MemberDoc): Promise<NoticeDoc> {
  const notice = await requireNotice(noticeId, member);
  if (!oversees(member, notice)) throw new AppError('FORBIDDEN', '只有发送人和管理员可以查看送达情况');
  return notice;
}

/** The village of an audience among the town's villages (null for the town and town-wide groups). */
export function requireVillage(villageId: string | null, villages: VillageDoc[]): VillageDoc | null {
  if (villageId === null) return null;
  const village = villages.find((v) => v._id === villageId);
  if (!village) throw new AppError('INVALID_INPUT', '没有这个村（社区）');
  return village;
}

const LINKED = { briefing: BRIEFINGS, agenda: ITEMS, honor: BOARDS } as const;

/** The linked briefing, agenda item or honor board must exist and be public. One read. */
export async function requireLink(link: PushInput['link']): Promise<void> {
  if (!link) return;
  const doc = await findById(LINKED[link.kind], link.id, { status: true });
  const visible = doc && (link.kind === 'agenda' || doc.status === 'published');
  if (!visible) throw new AppError('INVALID_INPUT', '关联的内容不存在或未公布');
}
