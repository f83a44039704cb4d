import type { RichNode } from '../../core/briefings/rich-nodes';

export interface Attachment {
  fileId: string;
  name: string;
}

/** The content every version of a briefing carries. */
export interface BriefingContent {
  title: string;
  summary: string;
  /** Markdown source, kept for editing. */
  body: string;
  /** Rendered once at publish or edit by core/rich-text.ts: what both builds show. */
  nodes: RichNode[];
  categoryId: string;
  /** `town` or a village id (core/briefings rules.ts TOWN_SCOPE), so what a resident may see is one `$in`. */
  scope: string;
  /** 全镇 or the village's name at the time of publishing. */
  scopeLabel: string;
  attachments: Attachment[];
  disclosure: { startsAt: Date; endsAt: Date } | null;
}

export interface BriefingDoc extends BriefingContent {
  _id: string;
  /** Normalized title, summary and body text (core/briefings.ts normalizeForSearch): what search matches. */
  searchText: string;
  isDisclosure: boolean;
  status: 'published' | 'withdrawn';
  withdrawReason: string | null;
  withdrawnAt: Date | null;
  version: number;
  authorOpenid: string;
  authorName: string;
  publishedAt: Date;
  updatedAt: Date;
  learnedCount: number;
  /** 已学习 per village of the residents who marked it. */
  learnedByVillage: Record<string, number>;
}

/** `briefingVersions/<briefingId>_v<n>`: every version as published, the first one included. */
export interface VersionDoc extends BriefingContent {
  _id: string;
  briefingId: string;
  version: number;
  editorOpenid: string;
  editorName: string;
  editedAt: Date;
}

export interface CategoryDoc {
  _id: string;
  name: string;
  order: number;
  hidden: boolean;
}

export const versionId = (briefingId: string, version: number) => `${briefingId}_v${version}`;
export const readId = (briefingId: string, residentId: string) => `${briefingId}_${residentId}`;
