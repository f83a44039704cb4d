import type { MemberDoc, VillageDoc } from '../../_shared/documents';
import { NOTICES } from '../../_shared/collections';
import { DAY_MS } from '../../../core/time';
import { GROUP_CODES } from '../../../core/groups';
import {
  NOTICES_PER_DAY,
  audienceKey,
  audienceLabel,
  audienceVillage,
  canNotify,
  senderLabelOf,
  type Audience,
  type ComposeOption,
  type NoticesOutput,
  type PushInput,
} from '../../../core/notices';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { consume, used } from '../../_shared/rate-limit';
import { allVillages, drain, plan } from '../delivery';
import { noticeIdOf, tuning, type NoticeDoc } from '../model';

const BUCKET = 'noticePush';

/**
 * The audiences the caller may send to, in the order a sender would look for them, and how many pushes they
 * have left today. ok: options · invalid: FORBIDDEN (not a sender)
 */
export const composeOptions = defineCommand('notices', 'composeOptions', {
  async run(ctx) {
    const member = (await ctx.member())!;
    const villages = await allVillages();
    const candidates: Audience[] = [
      { kind: 'village', villageId: member.villageId },
      ...GROUP_CODES.map((group): Audience => ({ kind: 'group', group, villageId: member.villageId })),
      ...GROUP_CODES.map((group): Audience => ({ kind: 'group', group, villageId: null })),
      { kind: 'town' },
      ...villages
        .filter((v) => v._id !== member.villageId)
        .map((v): Audience => ({ kind: 'village', villageId: v._id })),
    ];
    const name = new Map(villages.map((v) => [v._id, v.name]));
    const options: ComposeOption[] = candidates
      .filter((a) => canNotify(member, a))
      .map((a) => {
        const villageId = audienceVillage(a);
        return { audience: a, label: audienceLabel(a, villageId ? (name.get(villageId) ?? null) : null) };
      });
    return { options, sentToday: await used(BUCKET, ctx.openid, DAY_MS, ctx.now), perDay: NOTICES_PER_DAY };
  },
});

/** The linked briefing, agenda item or honor board must exist and be public. One read. */
async function checkLink(link: PushInput['link']): Promise<void> {
  if (!link) return;
  const collection = { briefing: 'briefings', agenda: 'agendaItems', honor: 'honorBoards' }[link.kind];
  const { data } = await db.collection(collection).where({ _id: link.id }).field({ status: true }).get();
  const doc = data[0];
  const visible = doc && (link.kind === 'agenda' || doc.status === 'published');
  if (!visible) throw new AppError('INVALID_INPUT', '关联的内容不存在或未公布');
}

async function requireVillage(villageId: string | null, villages: VillageDoc[]) {
  if (villageId === null) return null;
  const village = villages.find((v) => v._id === villageId) as
    (VillageDoc & { kind: 'village' | 'community' }) | undefined;
  if (!village) throw new AppError('INVALID_INPUT', '没有这个村（社区）');
  return village;
}

/**
 * 发布通知. Checks everything before writing anything: the caller may send to the audience, has pushes left
 * today, the link is public and the text passes WeChat's content check. Then the notice is stored (its id
 * comes from the request id, so a retry returns the same notice), the delivery queue is planned, and the
 * first batches are sent within a few seconds; `drain` (timer trigger) sends the rest.
 * ok: the notice and its audience size · invalid: FORBIDDEN, RATE_LIMITED, INVALID_INPUT, CONTENT_REJECTED
 */
export const push = defineCommand('notices', 'push', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const noticeId = noticeIdOf(ctx.openid, input.requestId);
    const existing = await findNotice(noticeId);
    if (existing) return pushed(existing);
    if (!canNotify(member, input.audience)) throw new AppError('FORBIDDEN', '您不能向这个范围发送通知');
    if ((await used(BUCKET, ctx.openid, DAY_MS, ctx.now)) >= NOTICES_PER_DAY) {
      throw new AppError('RATE_LIMITED', `每人每天最多发送 ${NOTICES_PER_DAY} 条通知，请明天再发`);
    }
    const villages = await allVillages();
    const village = await requireVillage(audienceVillage(input.audience), villages);
    await checkLink(input.link);
    const verdict = await checkText(ctx.openid, `${input.title}\n${input.body}`, 4);
    if (verdict !== 'pass') {
      throw new AppError('CONTENT_REJECTED', '通知内容未通过微信内容安全检查，请修改后再发送');
    }

    const { leaseMs, pushBudgetMs } = tuning();
    const owner = `push_${noticeId}`;
    const notice = newNotice(noticeId, input, member, village, ctx.now, {
      owner,
      until: new Date(ctx.now + leaseMs),
    });
    try {
      await db.collection(NOTICES).add({ data: notice });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return pushed((await findNotice(noticeId))!);
    }
    await consume(BUCKET, ctx.openid, NOTICES_PER_DAY, DAY_MS, ctx.now);
    await plan(notice, owner, villages);
    await drain(ctx.now, pushBudgetMs, noticeId);
    return pushed((await findNotice(noticeId))!);
  },
});

function newNotice(
  noticeId: string,
  input: PushInput,
  member: MemberDoc,
  village: (VillageDoc & { kind: 'village' | 'community' }) | null,
  now: number,
  planLease: NoticeDoc['planLease'],
): NoticeDoc {
  return {
    _id: noticeId,
    audience: input.audience,
    audienceKey: audienceKey(input.audience),
    villageId: audienceVillage(input.audience),
    audienceLabel: audienceLabel(input.audience, village?.name ?? null),
    title: input.title,
    body: input.body,
    kind: input.kind,
    urgency: input.urgency,
    link: input.link ?? null,
    sender: {
      openid: member._id,
      residentId: member.residentId,
      name: member.name,
      label: senderLabelOf(member, input.audience, village),
    },
    createdAt: new Date(now),
    status: 'planning',
    planLease,
    chunkCount: 0,
    recipients: 0,
    households: 0,
    villages: [],
    sentAt: null,
  };
}

async function findNotice(noticeId: string): Promise<NoticeDoc | null> {
  const { data } = await db.collection(NOTICES).where({ _id: noticeId }).field({ body: false }).get();
  return (data[0] as NoticeDoc | undefined) ?? null;
}

const pushed = (n: NoticeDoc): NoticesOutput['push'] => ({
  noticeId: n._id,
  status: n.status,
  recipients: n.recipients,
  households: n.households,
});

/**
 * Sends queued messages for a while (senders may nudge it from the coverage page; the timer trigger runs the
 * same work every minute). ok: chunks finished and whether the queue is empty
 */
export const drainQueue = defineCommand('notices', 'drain', {
  async run(ctx) {
    return drain(ctx.now, tuning().drainBudgetMs);
  },
});
