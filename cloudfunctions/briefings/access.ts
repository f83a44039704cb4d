import { BRIEFINGS, CATEGORIES } from '../_shared/collections';
import { toMillis } from '../../core/time';
import {
  disclosureState,
  type BriefingScope,
  type BriefingSummary,
  type CategoryView,
} from '../../core/briefings';
import { canPublishBriefing, type MemberIdentity } from '../../core/roles';
import { db } from '../_shared/cloud';
import { AppError } from '../_shared/errors';
import { TOWN_SCOPE, type BriefingDoc, type CategoryDoc } from './model';

/** The scopes a caller reads: the town's, and their own village's when bound. */
export function readableScopes(member: MemberIdentity | null): string[] {
  return member ? [TOWN_SCOPE, member.villageId] : [TOWN_SCOPE];
}

const scopeVillage = (scope: string) => (scope === TOWN_SCOPE ? null : scope);

export function canManage(member: MemberIdentity | null, doc: Pick<BriefingDoc, 'scope'>): boolean {
  return canPublishBriefing(member, scopeVillage(doc.scope));
}

export function canRead(member: MemberIdentity | null, doc: Pick<BriefingDoc, 'scope'>): boolean {
  return readableScopes(member).includes(doc.scope) || canManage(member, doc);
}

export function scopeKey(scope: BriefingScope): string {
  return scope.kind === 'town' ? TOWN_SCOPE : scope.villageId;
}

/** A briefing the caller may read, or NOT_FOUND (one read; a village's briefing is not shown to others). */
export async function requireBriefing(
  briefingId: string,
  member: MemberIdentity | null,
): Promise<BriefingDoc> {
  const { data } = await db.collection(BRIEFINGS).where({ _id: briefingId }).get();
  const doc = data[0] as BriefingDoc | undefined;
  if (!doc || !canRead(member, doc)) throw new AppError('NOT_FOUND', '没有找到这篇宣讲');
  return doc;
}

export async function loadCategories(): Promise<CategoryDoc[]> {
  const { data } = await db.collection(CATEGORIES).orderBy('order', 'asc').limit(100).get();
  return data as CategoryDoc[];
}

export const categoryView = (c: CategoryDoc): CategoryView => ({
  categoryId: c._id,
  name: c.name,
  order: c.order,
  hidden: c.hidden,
});

export function summaryOf(doc: BriefingDoc, categories: CategoryDoc[], now: number): BriefingSummary {
  const disclosure = doc.disclosure
    ? { startsAt: toMillis(doc.disclosure.startsAt), endsAt: toMillis(doc.disclosure.endsAt) }
    : null;
  return {
    briefingId: doc._id,
    title: doc.title,
    summary: doc.summary,
    categoryId: doc.categoryId,
    categoryName: categories.find((c) => c._id === doc.categoryId)?.name ?? '其他',
    scope: {
      kind: doc.scope === TOWN_SCOPE ? 'town' : 'village',
      villageId: scopeVillage(doc.scope),
      label: doc.scopeLabel,
    },
    status: doc.status,
    publishedAt: toMillis(doc.publishedAt),
    updatedAt: toMillis(doc.updatedAt),
    version: doc.version,
    learnedCount: doc.learnedCount,
    disclosure: disclosure ? { ...disclosure, state: disclosureState(disclosure, now) } : null,
    attachmentCount: doc.attachments.length,
  };
}
