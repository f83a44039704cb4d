import { COOPERATIVES, DISTRIBUTIONS, RESIDENTS, ROSTERS, VILLAGES } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { readRosterFile, rosterFromCells } from '../../../core/dividends/roster-file';
import { _, db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { newId } from '../../_shared/ids';
import { coopSummaryOf, findCoop, manages, requireCoop, requireManagedCoop, summaryOf } from '../access';
import { type CoopDoc, type DistributionDoc, type RosterDoc } from '../model';

const SUMMARY_FIELDS = { snapshot: false, lines: false } as const;

/** The newest published version of each cooperative (one read for all of them). */
async function latestPublished(coopIds: string[]): Promise<Map<string, DistributionDoc>> {
  if (coopIds.length === 0) return new Map();
  const { data } = await db
    .collection(DISTRIBUTIONS)
    .where({ coopId: _.in(coopIds), status: 'published', supersededBy: null })
    .orderBy('year', 'desc')
    .field(SUMMARY_FIELDS)
    .limit(1000)
    .get();
  const latest = new Map<string, DistributionDoc>();
  for (const d of data as DistributionDoc[]) if (!latest.has(d.coopId)) latest.set(d.coopId, d);
  return latest;
}

/**
 * 合作社公示 (public): every cooperative of the town (or one village) with its newest published distribution's
 * summary — profit, pools, shareholders, rate — and never a household's amount. Two reads.
 */
export const listCooperatives = defineCommand('dividends', 'listCooperatives', {
  async run(_ctx, input) {
    const { data } = await db
      .collection(COOPERATIVES)
      .where(input.villageId ? { villageId: input.villageId } : {})
      .orderBy('villageId', 'asc')
      .orderBy('createdAt', 'asc')
      .limit(1000)
      .get();
    const coops = data as CoopDoc[];
    const latest = await latestPublished(coops.map((c) => c._id));
    return { cooperatives: coops.map((c) => coopSummaryOf(c, latest.get(c._id) ?? null)) };
  },
});

/**
 * One cooperative: the public summary and every published version (corrections with their reasons); its
 * managers also see drafts and the roster. ok: CooperativeView · invalid: NOT_FOUND
 */
export const getCooperative = defineCommand('dividends', 'getCooperative', {
  async run(ctx, input) {
    const member = await ctx.member();
    const coop = await requireCoop(input.coopId);
    const canManage = manages(member, coop);
    const { data } = await db
      .collection(DISTRIBUTIONS)
      .where(canManage ? { coopId: coop._id } : { coopId: coop._id, status: 'published' })
      .orderBy('year', 'desc')
      .orderBy('version', 'desc')
      .field(SUMMARY_FIELDS)
      .limit(1000)
      .get();
    const distributions = data as DistributionDoc[];
    const roster = canManage
      ? (((await db.collection(ROSTERS).where({ _id: coop._id }).get()).data[0] as RosterDoc | undefined)
          ?.rows ?? [])
      : null;
    const latest = distributions.find((d) => d.status === 'published' && !d.supersededBy) ?? null;
    return {
      ...coopSummaryOf(coop, latest),
      distributions: distributions.map(summaryOf),
      canManage,
      roster,
      board: coop.board,
    };
  },
});

/**
 * Creates or edits a cooperative: village, name, industry, legal form (which fixes the basis), the split rule,
 * the share of the members' pool returned by transactions, how holdings become shares, and the board.
 * ok: { coopId } · invalid: FORBIDDEN (not an admin of the village), INVALID_INPUT (board member not in the
 * village), CONTENT_REJECTED (the public name or industry fails WeChat's content check)
 */
export const saveCooperative = defineCommand('dividends', 'saveCooperative', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    if (!canManageVillage(member, input.villageId)) throw new AppError('FORBIDDEN', '只能管理本村的合作社');
    const existing = input.coopId ? await findCoop(input.coopId) : null;
    if (input.coopId && !existing) throw new AppError('NOT_FOUND', '没有找到这个合作社');
    if (existing && !canManageVillage(member, existing.villageId)) {
      throw new AppError('FORBIDDEN', '只能管理本村的合作社');
    }
    const { data: villages } = await db.collection(VILLAGES).where({ _id: input.villageId }).get();
    if (!villages[0]) throw new AppError('INVALID_INPUT', '没有这个村（社区）');
    const ids = [...new Set(input.board)];
    const { data: people } = ids.length
      ? await db
          .collection(RESIDENTS)
          .where({ _id: _.in(ids), villageId: input.villageId })
          .field({ name: true })
          .get()
      : { data: [] };
    if (people.length !== ids.length) throw new AppError('INVALID_INPUT', '理事会成员必须是本村村民');
    // The name and industry are public (合作社公示): WeChat's content check first.
    if ((await checkText(ctx.openid, `${input.name}\n${input.industry}`, 3)) !== 'pass') {
      throw new AppError('CONTENT_REJECTED', '合作社名称或产业未通过微信内容安全检查，请修改');
    }
    const now = new Date(ctx.now);
    const fields = {
      villageId: input.villageId,
      villageName: villages[0].name as string,
      name: input.name,
      industry: input.industry,
      legalForm: input.legalForm,
      rule: input.rule,
      transactionReturnBp: input.transactionReturnBp,
      terms: input.terms,
      board: ids.map((id) => ({ residentId: id, name: people.find((p) => p._id === id)!.name as string })),
      updatedAt: now,
    };
    if (existing) {
      await db.collection(COOPERATIVES).doc(existing._id).update({ data: fields });
      return { coopId: existing._id };
    }
    const coopId = newId('coop');
    await db
      .collection(COOPERATIVES)
      .add({ data: { _id: coopId, ...fields, shareholders: 0, createdAt: now } });
    return { coopId };
  },
});

/**
 * 导入股东名册 from the Excel or CSV file the village keeps. Every row is checked first; if any row is wrong,
 * nothing is written and every problem is listed by its row. Otherwise the roster is replaced as a whole (a
 * distribution already computed keeps its own snapshot). ok: rows and households · invalid: INVALID_INPUT
 */
export const importRoster = defineCommand('dividends', 'importRoster', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const coop = await requireManagedCoop(input.coopId, member);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new AppError('INVALID_INPUT', '文件是空的');
    let cells;
    try {
      cells = readRosterFile(input.filename, new Uint8Array(bytes));
    } catch (e) {
      throw new AppError('INVALID_INPUT', (e as Error).message);
    }
    const { rows, problems } = rosterFromCells(cells, coop.villageId);
    if (problems.length) {
      const shown = problems.slice(0, 20);
      const more = problems.length > shown.length ? `\n……还有 ${problems.length - shown.length} 处问题` : '';
      throw new AppError(
        'INVALID_INPUT',
        `名册有 ${problems.length} 处问题，没有导入：\n${shown.join('\n')}${more}`,
      );
    }
    const doc: Omit<RosterDoc, '_id'> = {
      rows,
      importedAt: new Date(ctx.now),
      importedBy: { openid: ctx.openid, name: member.name },
      filename: input.filename,
    };
    await db.runTransaction(async (t) => {
      await t.collection(ROSTERS).doc(coop._id).set({ data: doc });
      await t
        .collection(COOPERATIVES)
        .doc(coop._id)
        .update({ data: { shareholders: rows.length } });
    });
    return { rows: rows.length, households: rows.length };
  },
});
