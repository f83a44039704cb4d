import { DISTRIBUTIONS } from '../../_shared/collections';
import { BASIS_OF } from '../../../core/dividends';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError } from '../../_shared/errors';
import { addUnique } from '../../_shared/store';
import { distributionId, personOf, SUMMARY_FIELDS, type DistributionDoc } from '../model';
import { requireManagedCoop } from '../policy';

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
      .field(SUMMARY_FIELDS)
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
      declaredBy: personOf(ctx.openid, member),
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
    await addUnique(DISTRIBUTIONS, doc, '另一位管理员刚刚申报了这一版本，请刷新');
    return { distributionId: doc._id, version };
  },
});
