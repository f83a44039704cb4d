import { normalizeForSearch } from '../../core/briefings';
import { plainText, renderMarkdown } from '../../core/briefings/rich-text';
import { versionId, type Attachment, type BriefingContent, type BriefingDoc, type VersionDoc } from './model';

/** What an official writes, with the scope already resolved to its key and label. */
export interface WrittenBriefing {
  title: string;
  summary: string;
  body: string;
  categoryId: string;
  scope: string;
  scopeLabel: string;
  attachments: Attachment[];
  disclosure: { startsAt: Date; endsAt: Date } | null;
}

/**
 * The content every version carries (the body rendered once into safe nodes) and the text search matches.
 * The one place a stored briefing is shaped: publish and edit, the demo seed and the bench all use it.
 */
export function briefingContent(w: WrittenBriefing): { content: BriefingContent; searchText: string } {
  return {
    content: { ...w, nodes: renderMarkdown(w.body) },
    searchText: normalizeForSearch(`${w.title}\n${w.summary}\n${plainText(w.body)}`),
  };
}

/** A newly published briefing (version 1) and its first version record. */
export function newBriefing(
  briefingId: string,
  w: WrittenBriefing,
  author: { openid: string; name: string },
  at: Date,
): { doc: BriefingDoc; version: VersionDoc } {
  const { content, searchText } = briefingContent(w);
  return {
    doc: {
      _id: briefingId,
      ...content,
      searchText,
      isDisclosure: content.disclosure !== null,
      status: 'published',
      withdrawReason: null,
      withdrawnAt: null,
      version: 1,
      authorOpenid: author.openid,
      authorName: author.name,
      publishedAt: at,
      updatedAt: at,
      learnedCount: 0,
      learnedByVillage: {},
    },
    version: versionRecord(briefingId, 1, content, author, at),
  };
}

export function versionRecord(
  briefingId: string,
  version: number,
  content: BriefingContent,
  editor: { openid: string; name: string },
  at: Date,
): VersionDoc {
  return {
    _id: versionId(briefingId, version),
    ...content,
    briefingId,
    version,
    editorOpenid: editor.openid,
    editorName: editor.name,
    editedAt: at,
  };
}
