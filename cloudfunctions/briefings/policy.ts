import type { MemberDoc } from '../_shared/documents';
import { BRIEFINGS, BRIEFING_READS, CATEGORIES, VILLAGES } from '../_shared/collections';
import {
  canManageBriefing,
  canPublishBriefing,
  canReadBriefing,
  readableScopes,
  scopeKey,
  type BriefingsInput,
} from '../../core/briefings';
import { plainText } from '../../core/briefings/rich-text';
import type { MemberIdentity } from '../../core/roles';
import { _, db } from '../_shared/cloud';
import { checkText } from '../_shared/content';
import { decodeCursor, encodeCursor } from '../_shared/cursor';
import { AppError } from '../_shared/errors';
import { findById } from '../_shared/store';
import type { WrittenBriefing } from './document';
import { readId, type BriefingDoc, type CategoryDoc } from './model';

/** A briefing the caller may read, or NOT_FOUND (one read; a village's briefing is not shown to others). */
export async function requireBriefing(
  briefingId: string,
  member: MemberIdentity | null,
): Promise<BriefingDoc> {
  const doc = await findById(BRIEFINGS, briefingId);
  if (!doc || !canReadBriefing(member, doc)) throw new AppError('NOT_FOUND', '没有找到这篇宣讲');
  return doc;
}

/** A briefing the caller manages (its nodes left out), or NOT_FOUND / FORBIDDEN. One read. */
export async function requireManagedBriefing(briefingId: string, member: MemberDoc): Promise<BriefingDoc> {
  const doc = await findById(BRIEFINGS, briefingId, { nodes: false });
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这篇宣讲');
  if (!canManageBriefing(member, doc)) throw new AppError('FORBIDDEN', '只能修改自己有权发布范围内的宣讲');
  return doc;
}

/** The categories, in order, hidden ones included. One read. */
export async function loadCategories(): Promise<CategoryDoc[]> {
  const { data } = await db.collection(CATEGORIES).orderBy('order', 'asc').limit(100).get();
  return data as CategoryDoc[];
}

/** Whether the resident marked the briefing 已学习. One read. */
export async function hasLearned(briefingId: string, residentId: string): Promise<boolean> {
  return (await findById(BRIEFING_READS, readId(briefingId, residentId))) !== null;
}

/** msgSecCheck takes at most 2500 characters a call. */
const SEC_CHECK_CHARS = 2500;

/**
 * Checks and prepares what a publish or an edit writes: the category exists and is shown, the caller may
 * publish to the scope, the village exists, the text passes WeChat's content check (a risky verdict is
 * refused; a publisher is a vetted official, so "review" passes). document.ts then shapes what is stored.
 */
export async function prepareBriefing(
  member: MemberDoc,
  openid: string,
  input: BriefingsInput['publish'],
): Promise<WrittenBriefing> {
  const villageId = input.scope.kind === 'town' ? null : input.scope.villageId;
  if (!canPublishBriefing(member, villageId)) {
    throw new AppError(
      'FORBIDDEN',
      villageId ? '只能向本村发布宣讲' : '只有镇管理员和镇政策解读组可以面向全镇发布',
    );
  }
  const [category, village] = await Promise.all([
    findById(CATEGORIES, input.categoryId),
    villageId ? findById(VILLAGES, villageId) : Promise.resolve(undefined),
  ]);
  if (!category || category.hidden) throw new AppError('INVALID_INPUT', '请选择宣讲分类');
  if (village === null) throw new AppError('INVALID_INPUT', '没有这个村');

  const speech = plainText(input.body);
  const checked = `${input.title}\n${input.summary}\n${speech}`;
  const pieces: string[] = [];
  for (let i = 0; i < checked.length; i += SEC_CHECK_CHARS)
    pieces.push(checked.slice(i, i + SEC_CHECK_CHARS));
  const verdicts = await Promise.all(pieces.map((p) => checkText(openid, p, 3)));
  if (verdicts.includes('risky')) throw new AppError('CONTENT_REJECTED');

  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    categoryId: category._id,
    scope: scopeKey(input.scope),
    scopeLabel: village ? village.name : '全镇',
    attachments: input.attachments ?? [],
    disclosure: input.disclosure
      ? { startsAt: new Date(input.disclosure.startsAt), endsAt: new Date(input.disclosure.endsAt) }
      : null,
  };
}

const PAGE = 20;

/**
 * One page of the published briefings the caller may read (the town's and their village's) that also match
 * `filters`, newest first, then by id (the keyset of every list). One read.
 */
export async function readablePage(
  member: MemberIdentity | null,
  filters: Record<string, unknown>[],
  page: { cursor?: string; limit?: number },
  fields: Record<string, boolean>,
): Promise<{ docs: BriefingDoc[]; nextCursor: string | null }> {
  const limit = page.limit ?? PAGE;
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const where: Record<string, unknown>[] = [
    { status: 'published', scope: _.in(readableScopes(member)) },
    ...filters,
  ];
  if (after) {
    const at = new Date(after.at);
    where.push(_.or([{ publishedAt: _.lt(at) }, { publishedAt: at, _id: _.lt(after.id) }]));
  }
  const { data } = await db
    .collection(BRIEFINGS)
    .where(_.and(where))
    .orderBy('publishedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .field(fields)
    .get();
  const docs = data as BriefingDoc[];
  const last = docs[limit - 1];
  return {
    docs: docs.slice(0, limit),
    nextCursor:
      docs.length > limit && last ? encodeCursor(new Date(last.publishedAt).getTime(), last._id) : null,
  };
}
