import type { MemberDoc } from '../../_shared/documents';
import { BRIEFINGS, CATEGORIES, VERSIONS, VILLAGES } from '../../_shared/collections';
import { type BriefingsInput } from '../../../core/briefings';
import { plainText } from '../../../core/briefings/rich-text';
import { canPublishBriefing } from '../../../core/roles';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { canManage, categoryView, loadCategories, scopeKey } from '../access';
import { briefingContent, newBriefing, versionRecord, type WrittenBriefing } from '../document';
import { type BriefingDoc, type CategoryDoc } from '../model';

const EDITED_MEANWHILE = '这篇宣讲刚被别人修改过，请刷新后再改';

/** msgSecCheck takes at most 2500 characters a call. */
const SEC_CHECK_CHARS = 2500;

/**
 * Checks and prepares what a publish or an edit writes: the category exists and is shown, the caller may
 * publish to the scope, the village exists, the text passes WeChat's content check (a risky verdict is
 * refused; a publisher is a vetted official, so "review" passes). document.ts then shapes what is stored.
 */
async function prepare(
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
  const [categories, village] = await Promise.all([
    db.collection(CATEGORIES).where({ _id: input.categoryId }).get(),
    villageId ? db.collection(VILLAGES).where({ _id: villageId }).get() : Promise.resolve(null),
  ]);
  const category = categories.data[0] as CategoryDoc | undefined;
  if (!category || category.hidden) throw new AppError('INVALID_INPUT', '请选择宣讲分类');
  if (village && !village.data[0]) throw new AppError('INVALID_INPUT', '没有这个村');

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
    scopeLabel: village ? (village.data[0]!.name as string) : '全镇',
    attachments: input.attachments ?? [],
    disclosure: input.disclosure
      ? { startsAt: new Date(input.disclosure.startsAt), endsAt: new Date(input.disclosure.endsAt) }
      : null,
  };
}

/**
 * Publishes a briefing (and its version 1) to the town or one village.
 * ok: its id and version · invalid: FORBIDDEN (scope), INVALID_INPUT, CONTENT_REJECTED
 */
export const publish = defineCommand('briefings', 'publish', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const written = await prepare(member, ctx.openid, input);
    const briefingId = newId('b');
    const { doc, version } = newBriefing(
      briefingId,
      written,
      { openid: ctx.openid, name: member.name },
      new Date(ctx.now),
    );
    await db.runTransaction(async (t) => {
      await t.collection(BRIEFINGS).add({ data: doc });
      await t.collection(VERSIONS).add({ data: version });
    });
    return { briefingId, version: 1 };
  },
});

/**
 * Edits a briefing: a new version is kept, the old ones stay readable. The editor names the version they
 * started from, so an edit over someone else's newer edit is refused rather than silently lost.
 * ok: the new version · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (withdrawn, or edited meanwhile),
 * INVALID_INPUT, CONTENT_REJECTED
 */
export const edit = defineCommand('briefings', 'edit', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const current = await requireManaged(input.briefingId, member);
    if (current.status !== 'published') throw new AppError('CONFLICT', '已撤回的宣讲不能再修改');
    if (current.version !== input.version) throw new AppError('CONFLICT', EDITED_MEANWHILE);
    const { content, searchText } = briefingContent(await prepare(member, ctx.openid, input));
    const at = new Date(ctx.now);
    const next = input.version + 1;
    try {
      await db.runTransaction(async (t) => {
        const { data } = await t.collection(BRIEFINGS).doc(input.briefingId).get();
        const doc = data as BriefingDoc;
        if (doc.version !== input.version || doc.status !== 'published') {
          throw new AppError('CONFLICT', EDITED_MEANWHILE);
        }
        await t.collection(VERSIONS).add({
          data: versionRecord(input.briefingId, next, content, { openid: ctx.openid, name: member.name }, at),
        });
        await t
          .collection(BRIEFINGS)
          .doc(input.briefingId)
          .update({
            data: {
              ...content,
              nodes: _.set(content.nodes),
              attachments: _.set(content.attachments),
              disclosure: _.set(content.disclosure),
              searchText,
              isDisclosure: content.disclosure !== null,
              version: next,
              updatedAt: at,
            },
          });
      });
    } catch (e) {
      // Two editors from the same version: the other one's version record is already there.
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', EDITED_MEANWHILE);
      throw e;
    }
    return { version: next };
  },
});

/**
 * Withdraws a briefing: it leaves the lists and search; its page says it was withdrawn and why.
 * ok · invalid: NOT_FOUND, FORBIDDEN, CONFLICT (already withdrawn)
 */
export const withdraw = defineCommand('briefings', 'withdraw', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    await requireManaged(input.briefingId, member);
    const { stats } = await db
      .collection(BRIEFINGS)
      .where({ _id: input.briefingId, status: 'published' })
      .update({
        data: {
          status: 'withdrawn',
          withdrawReason: input.reason,
          withdrawnAt: new Date(ctx.now),
          updatedAt: new Date(ctx.now),
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这篇宣讲已经撤回了');
    return { status: 'withdrawn' };
  },
});

async function requireManaged(briefingId: string, member: MemberDoc): Promise<BriefingDoc> {
  const { data } = await db.collection(BRIEFINGS).where({ _id: briefingId }).field({ nodes: false }).get();
  const doc = data[0] as BriefingDoc | undefined;
  if (!doc) throw new AppError('NOT_FOUND', '没有找到这篇宣讲');
  if (!canManage(member, doc)) throw new AppError('FORBIDDEN', '只能修改自己有权发布范围内的宣讲');
  return doc;
}

/** The categories, in order; hidden ones are listed too (a page shows only the others). One read. */
export const listCategories = defineCommand('briefings', 'listCategories', {
  async run() {
    return { categories: (await loadCategories()).map(categoryView) };
  },
});

/**
 * A town admin adds a category or renames, reorders or hides one (categories are data, not code; a hidden
 * one keeps its briefings but takes no new ones). ok: the category
 */
export const saveCategory = defineCommand('briefings', 'saveCategory', {
  async run(_ctx, input) {
    const doc: CategoryDoc = {
      _id: input.categoryId,
      name: input.name,
      order: input.order,
      hidden: input.hidden,
    };
    const { _id, ...data } = doc;
    await db.collection(CATEGORIES).doc(_id).set({ data });
    return { category: categoryView(doc) };
  },
});
