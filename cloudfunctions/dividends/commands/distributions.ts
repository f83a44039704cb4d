import type { MemberDoc } from '../../_shared/documents';
import { DISTRIBUTIONS, ROSTERS } from '../../_shared/collections';
import {
  BASIS_OF,
  DistributionError,
  SHARE_CLASSES,
  SHARE_CLASS_LABELS,
  distribute,
  householdViews,
  yuan,
  type DistributionInput,
  type DividendsOutput,
  type HouseholdView,
} from '../../../core/dividends';
import { toCsv } from '../../../core/csv';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { lineOf, manages, requireDistribution, requireManagedCoop, summaryOf } from '../access';
import { distributionId, type CoopDoc, type DistributionDoc, type RosterDoc } from '../model';

const person = (openid: string, member: MemberDoc) => ({ openid, name: member.name });

/** Runs the computation of core/dividends.ts; its refusals become INVALID_INPUT in Chinese. */
function compute(input: DistributionInput) {
  try {
    return distribute(input);
  } catch (e) {
    if (e instanceof DistributionError) throw new AppError('INVALID_INPUT', e.message);
    throw e;
  }
}

function inputOf(d: DistributionDoc, profitFen = d.profitFen): DistributionInput {
  return {
    profitFen,
    rule: d.rule,
    basis: d.basis,
    transactionReturnBp: d.transactionReturnBp,
    terms: d.terms,
    holdings: d.snapshot ?? [],
  };
}

const linesOf = (d: DistributionDoc, result: ReturnType<typeof distribute>): HouseholdView[] =>
  householdViews(result, d.snapshot!);

/**
 * 申报: a year's distributable profit, under the cooperative's current rule and terms. A year with an unpublished
 * version is declared again (back to 已申报); a published year needs `corrects` with a reason and gets a new
 * version. ok: the version · invalid: FORBIDDEN, CONFLICT (published without a correction, or correcting what is
 * not the year's current published version)
 */
export const declare = defineCommand('dividends', 'declare', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const coop = await requireManagedCoop(input.coopId, member);
    const { data } = await db
      .collection(DISTRIBUTIONS)
      .where({ coopId: coop._id, year: input.year })
      .orderBy('version', 'desc')
      .field({ snapshot: false, lines: false })
      .limit(100)
      .get();
    const newest = data[0] as DistributionDoc | undefined;
    const fields = {
      legalForm: coop.legalForm,
      basis: BASIS_OF[coop.legalForm],
      rule: coop.rule,
      transactionReturnBp: coop.transactionReturnBp,
      terms: coop.terms,
      profitFen: input.profitFen,
      shareholders: 0,
      status: 'declared' as const,
      snapshot: null,
      result: null,
      lines: null,
      declaredBy: person(ctx.openid, member),
      computedBy: null,
      reviewedBy: null,
    };
    if (newest && newest.status !== 'published') {
      if (input.corrects) throw new AppError('CONFLICT', '这一年度还有未公布的方案，请先处理它');
      await db.collection(DISTRIBUTIONS).doc(newest._id).update({ data: fields });
      return { distributionId: newest._id, version: newest.version };
    }
    if (newest && !input.corrects) {
      throw new AppError('CONFLICT', `${input.year}年度的分配已公布，如需更正请写明更正原因`);
    }
    if (input.corrects && input.corrects.distributionId !== newest?._id) {
      throw new AppError('CONFLICT', '只能更正这一年度最新公布的方案');
    }
    // The correction's reason is shown to every shareholder: WeChat's content check first.
    if (input.corrects && (await checkText(ctx.openid, input.corrects.reason, 3)) !== 'pass') {
      throw new AppError('CONTENT_REJECTED', '更正原因未通过微信内容安全检查，请修改');
    }
    const version = (newest?.version ?? 0) + 1;
    const doc: DistributionDoc = {
      _id: distributionId(coop._id, input.year, version),
      coopId: coop._id,
      coopName: coop.name,
      villageId: coop.villageId,
      year: input.year,
      version,
      ...fields,
      reason: input.corrects?.reason ?? null,
      corrects: input.corrects?.distributionId ?? null,
      supersededBy: null,
      createdAt: new Date(ctx.now),
      publishedAt: null,
    };
    try {
      await db.collection(DISTRIBUTIONS).add({ data: doc });
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '另一位管理员刚刚申报了这一版本，请刷新');
      throw e;
    }
    return { distributionId: doc._id, version };
  },
});

async function requireManaged(distributionId: string, member: MemberDoc) {
  const found = await requireDistribution(distributionId, member);
  if (!found.canManage) throw new AppError('FORBIDDEN', '只有本村管理员和合作社理事会可以操作');
  return found;
}

/** Changes a distribution's status only if nobody changed it meanwhile (a conditional update). */
async function advance(d: DistributionDoc, to: DistributionDoc['status'], data: Record<string, unknown>) {
  const { stats } = await db
    .collection(DISTRIBUTIONS)
    .where({ _id: d._id, status: d.status })
    .update({ data: { status: to, ...data } });
  if (stats.updated !== 1) throw new AppError('CONFLICT', '方案刚被别人改过，请刷新后再试');
}

/**
 * 核算: divides the declared profit over the roster as it is now (kept with the distribution as its snapshot).
 * ok: the distribution with every line · invalid: CONFLICT (not 已申报), INVALID_INPUT (empty roster, no shares)
 */
export const computeDistribution = defineCommand('dividends', 'compute', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist, coop } = await requireManaged(input.distributionId, member);
    if (dist.status !== 'declared') throw new AppError('CONFLICT', '只有已申报的方案可以核算');
    const { data } = await db.collection(ROSTERS).where({ _id: coop._id }).get();
    const roster = (data[0] as RosterDoc | undefined)?.rows ?? [];
    if (roster.length === 0) throw new AppError('INVALID_INPUT', '请先导入股东名册');
    const withSnapshot = { ...dist, snapshot: roster };
    const result = compute(inputOf(withSnapshot));
    const { lines: _lines, profitFen: _p, basis: _b, ...summary } = result;
    const lines = linesOf(withSnapshot, result);
    await advance(dist, 'computed', {
      snapshot: roster,
      shareholders: roster.length,
      result: summary,
      lines,
      computedBy: person(ctx.openid, member),
    });
    return view(
      { ...withSnapshot, shareholders: roster.length, status: 'computed', result: summary, lines },
      coop,
      member,
      ctx.openid,
    );
  },
});

/**
 * 复核: a second manager — not the one who declared it — checks the computed distribution.
 * ok: status · invalid: FORBIDDEN (the declarer), CONFLICT (not 已核算)
 */
export const review = defineCommand('dividends', 'review', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist } = await requireManaged(input.distributionId, member);
    if (dist.status !== 'computed') throw new AppError('CONFLICT', '只有已核算的方案可以复核');
    if (dist.declaredBy.openid === ctx.openid)
      throw new AppError('FORBIDDEN', '申报人不能自己复核，请另一位管理员复核');
    await advance(dist, 'reviewed', { reviewedBy: person(ctx.openid, member) });
    return { status: 'reviewed' };
  },
});

/**
 * 公布: the reviewed distribution becomes public and immutable; a correction marks the version it corrects as
 * superseded in the same transaction. ok: status · invalid: CONFLICT (not 已复核)
 */
export const publish = defineCommand('dividends', 'publish', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist } = await requireManaged(input.distributionId, member);
    if (dist.status !== 'reviewed') throw new AppError('CONFLICT', '方案要先经另一位管理员复核才能公布');
    await db.runTransaction(async (t) => {
      const current = (await t.collection(DISTRIBUTIONS).doc(dist._id).get()).data as DistributionDoc;
      if (current.status !== 'reviewed') throw new AppError('CONFLICT', '方案刚被别人改过，请刷新后再试');
      await t
        .collection(DISTRIBUTIONS)
        .doc(dist._id)
        .update({ data: { status: 'published', publishedAt: new Date(ctx.now) } });
      if (dist.corrects) {
        await t
          .collection(DISTRIBUTIONS)
          .doc(dist.corrects)
          .update({ data: { supersededBy: dist._id } });
      }
    });
    return { status: 'published' };
  },
});

function view(
  d: DistributionDoc,
  coop: CoopDoc,
  member: MemberDoc | null,
  openid: string,
): DividendsOutput['getDistribution'] {
  const canManage = manages(member, coop);
  return {
    summary: summaryOf(d),
    legalForm: d.legalForm,
    rule: d.rule,
    transactionReturnBp: d.transactionReturnBp,
    terms: d.terms,
    lines: canManage ? d.lines : null,
    mine: d.status === 'published' || canManage ? lineOf(d, member) : null,
    canManage,
    canReview: canManage && d.status === 'computed' && d.declaredBy.openid !== openid,
    canPublish: canManage && d.status === 'reviewed',
  };
}

/**
 * A distribution: anyone sees a published one's summary; the household on its roster sees its own line; the
 * cooperative's managers see every line and drafts. ok: DistributionView · invalid: NOT_FOUND
 */
export const getDistribution = defineCommand('dividends', 'getDistribution', {
  async run(ctx, input) {
    const member = await ctx.member();
    const { dist, coop } = await requireDistribution(input.distributionId, member);
    return view(dist, coop, member, ctx.openid);
  },
});

/**
 * 如果盈余是…: the same roster and rule at another profit — the pools, and the caller's household's amount.
 * Computed, never stored. ok: pools and the caller's line · invalid: NOT_FOUND, CONFLICT (not computed yet)
 */
export const whatIf = defineCommand('dividends', 'whatIf', {
  async run(ctx, input) {
    const member = await ctx.member();
    const { dist } = await requireDistribution(input.distributionId, member);
    if (!dist.snapshot) throw new AppError('CONFLICT', '方案还没有核算');
    const result = compute(inputOf(dist, input.profitFen));
    const lines = linesOf(dist, result);
    const own = lineOf({ ...dist, lines }, member);
    return { profitFen: input.profitFen, pools: result.pools, mine: own };
  },
});

/**
 * 导出表格: every household's line as CSV, for the cooperative's managers (and the 公示 board).
 * ok: file name and text · invalid: FORBIDDEN, CONFLICT (not computed yet)
 */
export const exportDistribution = defineCommand('dividends', 'exportDistribution', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist } = await requireManaged(input.distributionId, member);
    if (!dist.lines) throw new AppError('CONFLICT', '方案还没有核算');
    const header = [
      '户号',
      '户主',
      ...SHARE_CLASSES.map((c) => `${SHARE_CLASS_LABELS[c]}（股）`),
      '折合股数',
      '交易额（元）',
      '交易返还（元）',
      '按股分红（元）',
      '取整补差（分）',
      '合计（元）',
    ];
    const rows = dist.lines.map((l) => [
      l.household,
      l.name,
      ...SHARE_CLASSES.map((c) => l.shares[c]),
      l.weightedShares,
      yuan(l.volumeFen),
      yuan(l.byVolume?.fen ?? 0),
      yuan(l.byShares.fen),
      l.byShares.adjustmentFen + (l.byVolume?.adjustmentFen ?? 0),
      yuan(l.amountFen),
    ]);
    return {
      filename: `${dist.coopName}_${dist.year}年度分红_第${dist.version}版.csv`.replace(
        /[\\/:*?"<>|\s]/g,
        '',
      ),
      csv: toCsv(header, rows),
      rows: rows.length,
    };
  },
});

/**
 * 我的分红: the caller's household's lines in every published distribution of their village's cooperatives,
 * newest first, corrected versions included and marked. ok: the lines
 */
export const myDividends = defineCommand('dividends', 'myDividends', {
  async run(ctx) {
    const member = (await ctx.member())!;
    const { data } = await db
      .collection(DISTRIBUTIONS)
      .where({ villageId: member.villageId, status: 'published' })
      .orderBy('year', 'desc')
      .orderBy('version', 'desc')
      .field({ snapshot: false })
      .limit(1000)
      .get();
    const dividends = (data as DistributionDoc[]).flatMap((d) => {
      const line = lineOf(d, member);
      return line
        ? [
            {
              summary: summaryOf(d),
              legalForm: d.legalForm,
              line,
            },
          ]
        : [];
    });
    return { dividends, household: member.household };
  },
});
