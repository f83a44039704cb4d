import { BRIEFINGS, VERSIONS } from '../../_shared/collections';
import { escapeRegExp, searchTerms, snippet } from '../../../core/briefings';
import { plainText } from '../../../core/briefings/rich-text';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { decodeCursor, encodeCursor } from '../../_shared/cursor';
import { AppError } from '../../_shared/errors';
import { hasLearned } from './learning';
import {
  canManage,
  categoryView,
  loadCategories,
  readableScopes,
  requireBriefing,
  summaryOf,
} from '../access';
import { versionId, type BriefingDoc, type VersionDoc } from '../model';

const PAGE = 20;
/** What a list row needs: not the body, its nodes, or the search text. */
const SUMMARY_FIELDS = { body: false, nodes: false, searchText: false, learnedByVillage: false };

/** A search hit also needs the search text, for its excerpt. */
const HIT_FIELDS = { body: false, nodes: false, learnedByVillage: false };

/** One page (and one more row, to tell whether another page follows) of briefings matching `where`, newest first. */
async function newest(
  where: Record<string, unknown>[],
  limit: number,
  fields: Record<string, boolean>,
): Promise<BriefingDoc[]> {
  const { data } = await db
    .collection(BRIEFINGS)
    .where(_.and(where))
    .orderBy('publishedAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(limit + 1)
    .field(fields)
    .get();
  return data as BriefingDoc[];
}

/** Newest first, then by id: the keyset of every list. */
function after(cursor: string | undefined): Record<string, unknown>[] {
  if (!cursor) return [];
  const c = decodeCursor(cursor);
  return [_.or([{ publishedAt: _.lt(new Date(c.at)) }, { publishedAt: new Date(c.at), _id: _.lt(c.id) }])];
}

function nextCursor(data: BriefingDoc[], limit: number): string | null {
  const last = data[limit - 1];
  return data.length > limit && last ? encodeCursor(new Date(last.publishedAt).getTime(), last._id) : null;
}

/**
 * Published briefings the caller may read (the town's and their village's), newest first, by category or
 * only the public disclosures. The first page also carries the categories, so a page opens with one call.
 * Two reads.
 */
export const list = defineCommand('briefings', 'list', {
  async run(ctx, input) {
    const member = await ctx.member();
    const limit = input.limit ?? PAGE;
    const where: Record<string, unknown>[] = [
      { status: 'published', scope: _.in(readableScopes(member)) },
      ...after(input.cursor),
    ];
    if (input.categoryId) where.push({ categoryId: input.categoryId });
    if (input.disclosures) where.push({ isDisclosure: true });
    const [categories, docs] = await Promise.all([loadCategories(), newest(where, limit, SUMMARY_FIELDS)]);
    return {
      items: docs.slice(0, limit).map((d) => summaryOf(d, categories, ctx.now)),
      nextCursor: nextCursor(docs, limit),
      categories: input.cursor ? null : categories.filter((c) => !c.hidden).map(categoryView),
    };
  },
});

/**
 * Full-text search over titles, summaries and bodies: every word of the query must appear (Chinese needs no
 * spaces: a word matches anywhere inside the text). Newest first, with an excerpt around the match. Two reads.
 * ok: a page · invalid: INVALID_INPUT (no word)
 */
export const search = defineCommand('briefings', 'search', {
  async run(ctx, input) {
    const terms = searchTerms(input.query);
    if (!terms.length) throw new AppError('INVALID_INPUT', '请输入要搜索的字词');
    const member = await ctx.member();
    const limit = input.limit ?? PAGE;
    const where: Record<string, unknown>[] = [
      { status: 'published', scope: _.in(readableScopes(member)) },
      ...terms.map((t) => ({ searchText: db.RegExp({ regexp: escapeRegExp(t), options: 'i' }) })),
      ...after(input.cursor),
    ];
    const [categories, docs] = await Promise.all([loadCategories(), newest(where, limit, HIT_FIELDS)]);
    return {
      items: docs.slice(0, limit).map((d) => ({
        ...summaryOf(d, categories, ctx.now),
        snippet: snippet(d.searchText, terms),
      })),
      nextCursor: nextCursor(docs, limit),
    };
  },
});

/**
 * One briefing's page: the safe nodes, the text to read aloud, attachments, the disclosure period, the
 * count, and whether the caller marked it learned. A withdrawn briefing shows why, not its body (its
 * managers still see everything). Three reads at most.
 * ok: the detail · invalid: NOT_FOUND (missing, or another village's)
 */
export const get = defineCommand('briefings', 'get', {
  async run(ctx, input) {
    const member = await ctx.member();
    const [doc, categories] = await Promise.all([
      requireBriefing(input.briefingId, member),
      loadCategories(),
    ]);
    const manages = canManage(member, doc);
    const shown = doc.status === 'published' || manages;
    return {
      ...summaryOf(doc, categories, ctx.now),
      nodes: shown ? doc.nodes : null,
      speech: shown ? `${doc.title}。${doc.summary}。${plainText(doc.body)}` : null,
      body: manages ? doc.body : null,
      attachments: shown ? doc.attachments : [],
      authorName: doc.authorName,
      withdrawReason: doc.withdrawReason,
      withdrawnAt: doc.withdrawnAt ? new Date(doc.withdrawnAt).getTime() : null,
      learned: member ? await hasLearned(doc._id, member.residentId) : false,
      canManage: manages,
      canLearn: member !== null && doc.status === 'published',
    };
  },
});

/** Every version of a briefing, newest first: who changed it and when. Two reads. */
export const listVersions = defineCommand('briefings', 'listVersions', {
  async run(ctx, input) {
    await requireBriefing(input.briefingId, await ctx.member());
    const { data } = await db
      .collection(VERSIONS)
      .where({ briefingId: input.briefingId })
      .orderBy('version', 'desc')
      .limit(100)
      .field({ version: true, title: true, summary: true, editedAt: true, editorName: true })
      .get();
    return {
      versions: (data as VersionDoc[]).map((v) => ({
        version: v.version,
        title: v.title,
        summary: v.summary,
        editedAt: new Date(v.editedAt).getTime(),
        editorName: v.editorName,
      })),
    };
  },
});

/** One earlier version as it was published. ok · invalid: NOT_FOUND */
export const getVersion = defineCommand('briefings', 'getVersion', {
  async run(ctx, input) {
    const member = await ctx.member();
    const doc = await requireBriefing(input.briefingId, member);
    if (doc.status !== 'published' && !canManage(member, doc))
      throw new AppError('NOT_FOUND', '这篇宣讲已撤回');
    const { data } = await db
      .collection(VERSIONS)
      .where({ _id: versionId(input.briefingId, input.version) })
      .get();
    const v = data[0] as VersionDoc | undefined;
    if (!v) throw new AppError('NOT_FOUND', '没有这个版本');
    return {
      version: v.version,
      title: v.title,
      summary: v.summary,
      editedAt: new Date(v.editedAt).getTime(),
      editorName: v.editorName,
      nodes: v.nodes,
    };
  },
});
