import type { MemberDoc } from '../../_shared/documents';
import { HOUSEHOLD_READS, NOTICES, NOTICE_READS, SUBSCRIPTIONS } from '../../_shared/collections';
import {
  BACKLOG_MS,
  NOTICE_TEMPLATE_ID,
  UNREAD_WINDOW,
  canSendNotices,
  memberKeys,
} from '../../../core/notices';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { decodeCursor, encodeCursor } from '../../_shared/cursor';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { addressedTo, oversees, requireNotice, summaryOf } from '../access';
import { householdReadId, readId, type NoticeDoc } from '../model';

const PAGE_SIZE = 20;
const SUMMARY_FIELDS = { body: false, villages: false, planLease: false } as const;

/** Notices addressed to the member, newest first: from a month before they joined, whatever their status. */
const addressed = (member: MemberDoc) => ({
  audienceKey: _.in(memberKeys(member)),
  createdAt: _.gte(new Date(new Date(member.boundAt).getTime() - BACKLOG_MS)),
});

/** Which of these notices the member has opened: one read. */
async function readSet(openid: string, noticeIds: string[]): Promise<Set<string>> {
  if (noticeIds.length === 0) return new Set();
  const { data } = await db
    .collection(NOTICE_READS)
    .where({ _id: _.in(noticeIds.map((id) => readId(id, openid))) })
    .field({ noticeId: true })
    .limit(1000)
    .get();
  return new Set(data.map((d) => d.noticeId as string));
}

/** The newest notices addressed to the member (no bodies) and which of them are unread: two reads. */
async function window(member: MemberDoc): Promise<{ notices: NoticeDoc[]; read: Set<string> }> {
  const { data } = await db
    .collection(NOTICES)
    .where(addressed(member))
    .orderBy('createdAt', 'desc')
    .orderBy('_id', 'desc')
    .field(SUMMARY_FIELDS)
    .limit(UNREAD_WINDOW)
    .get();
  const notices = data as NoticeDoc[];
  return {
    notices,
    read: await readSet(
      member._id,
      notices.map((n) => n._id),
    ),
  };
}

async function grantsLeft(openid: string): Promise<number> {
  const { data } = await db.collection(SUBSCRIPTIONS).where({ _id: openid }).get();
  return Number((data[0]?.grants as Record<string, number> | undefined)?.[NOTICE_TEMPLATE_ID] ?? 0);
}

/**
 * 通知 tab: the notices addressed to the member, newest first, each marked read or not. The first page also
 * carries the unread count, the reminders left and whether the member may send. Four reads for the first
 * page, three for the next. ok: a page
 */
export const inbox = defineCommand('notices', 'inbox', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const limit = input.limit ?? PAGE_SIZE;
    if (!input.cursor) {
      const [{ notices, read }, grants] = await Promise.all([window(member), grantsLeft(ctx.openid)]);
      const page = notices.slice(0, limit);
      const last = page[page.length - 1];
      return {
        notices: page.map((n) => summaryOf(n, read.has(n._id))),
        nextCursor:
          notices.length > limit && last ? encodeCursor(new Date(last.createdAt).getTime(), last._id) : null,
        unread: notices.filter((n) => !read.has(n._id)).length,
        grantsLeft: grants,
        canSend: canSendNotices(member),
      };
    }
    const after = decodeCursor(input.cursor);
    const at = new Date(after.at);
    const { data } = await db
      .collection(NOTICES)
      .where(
        _.and([
          addressed(member),
          _.or([{ createdAt: _.lt(at) }, { createdAt: _.eq(at), _id: _.lt(after.id) }]),
        ]),
      )
      .orderBy('createdAt', 'desc')
      .orderBy('_id', 'desc')
      .field(SUMMARY_FIELDS)
      .limit(limit + 1)
      .get();
    const notices = (data as NoticeDoc[]).slice(0, limit);
    const read = await readSet(
      ctx.openid,
      notices.map((n) => n._id),
    );
    const last = notices[notices.length - 1];
    return {
      notices: notices.map((n) => summaryOf(n, read.has(n._id))),
      nextCursor:
        data.length > limit && last ? encodeCursor(new Date(last.createdAt).getTime(), last._id) : null,
    };
  },
});

/** The unread count for the tab badge: three reads. ok: { unread } */
export const unread = defineCommand('notices', 'unread', {
  async run(ctx) {
    const { notices, read } = await window((await ctx.member())!);
    return { unread: notices.filter((n) => !read.has(n._id)).length };
  },
});

/**
 * Opens a notice. A member it is addressed to leaves a read receipt: theirs, and their household's if nobody
 * of the household read it before (deterministic ids, so opening again or on two phones counts once). The
 * sender and admins who oversee it may open it without leaving one.
 * ok: the notice · invalid: NOT_FOUND (no such notice, or not addressed to the caller)
 */
export const open = defineCommand('notices', 'open', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const notice = await requireNotice(input.noticeId, member);
    let read = false;
    if (addressedTo(member, notice)) {
      read = true;
      await markRead(notice, member, ctx.now);
    }
    return {
      ...summaryOf(notice, read),
      body: notice.body,
      link: notice.link,
      canOversee: oversees(member, notice),
    };
  },
});

/** Household first, then the member: a crash between the two leaves the member unread, and the next open completes it. */
async function markRead(notice: NoticeDoc, member: MemberDoc, now: number): Promise<void> {
  const at = new Date(now);
  const { data } = await db
    .collection(NOTICE_READS)
    .where({ _id: readId(notice._id, member._id) })
    .field({ _id: true })
    .get();
  if (data.length) return;
  await addOnce(HOUSEHOLD_READS, {
    _id: householdReadId(notice._id, member.villageId, member.household),
    noticeId: notice._id,
    villageId: member.villageId,
    household: member.household,
    readerName: member.name,
    at,
  });
  await addOnce(NOTICE_READS, {
    _id: readId(notice._id, member._id),
    noticeId: notice._id,
    openid: member._id,
    at,
  });
}

async function addOnce(collection: string, doc: Record<string, unknown>): Promise<void> {
  try {
    await db.collection(collection).add({ data: doc });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
  }
}

/**
 * Records what the member answered to WeChat's subscription prompt: each accept is one more reminder the app
 * may send; a ban (the member turned reminders off) leaves none. Decisions are counted per template.
 * ok: reminders left · invalid: INVALID_INPUT (unknown template)
 */
export const subscribe = defineCommand('notices', 'subscribe', {
  async run(ctx, input) {
    const entries = Object.entries(input.results);
    if (entries.length === 0 || entries.some(([t]) => t !== NOTICE_TEMPLATE_ID)) {
      throw new AppError('INVALID_INPUT', '不支持的订阅消息模板');
    }
    const decision = input.results[NOTICE_TEMPLATE_ID]!;
    const grant = `grants.${NOTICE_TEMPLATE_ID}`;
    const tally = `decisions.${NOTICE_TEMPLATE_ID}`;
    const change = {
      [grant]: decision === 'ban' ? 0 : _.inc(decision === 'accept' ? 1 : 0),
      [`${tally}.${decision}`]: _.inc(1),
      [`${tally}.last`]: decision,
      [`${tally}.at`]: new Date(ctx.now),
    };
    const ref = db.collection(SUBSCRIPTIONS).doc(ctx.openid);
    const { stats } = await ref.update({ data: change });
    if (stats.updated === 0) {
      try {
        await db.collection(SUBSCRIPTIONS).add({
          data: {
            _id: ctx.openid,
            grants: { [NOTICE_TEMPLATE_ID]: decision === 'accept' ? 1 : 0 },
            decisions: { [NOTICE_TEMPLATE_ID]: { [decision]: 1, last: decision, at: new Date(ctx.now) } },
          },
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        await ref.update({ data: change });
      }
    }
    return { grantsLeft: await grantsLeft(ctx.openid) };
  },
});
