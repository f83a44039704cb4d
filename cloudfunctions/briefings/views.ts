import { toMillis } from '../../core/time';
import {
  disclosureState,
  scopeVillage,
  TOWN_SCOPE,
  type BriefingSummary,
  type CategoryView,
  type VersionView,
} from '../../core/briefings';
import type { BriefingDoc, CategoryDoc, VersionDoc } from './model';

export const categoryView = (c: CategoryDoc): CategoryView => ({
  categoryId: c._id,
  name: c.name,
  order: c.order,
  hidden: c.hidden,
});

/** A list row: what every list, search hit and page shows of a briefing. */
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

/** Who changed a version, when, and its title and summary. */
export const versionView = (v: VersionDoc): VersionView => ({
  version: v.version,
  title: v.title,
  summary: v.summary,
  editedAt: new Date(v.editedAt).getTime(),
  editorName: v.editorName,
});
