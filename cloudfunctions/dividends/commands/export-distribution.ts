import { SHARE_CLASSES, SHARE_CLASS_LABELS, yuan } from '../../../core/dividends';
import { toCsv } from '../../../core/csv';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { requireManagedDistribution } from '../policy';

/**
 * 导出表格: every household's line as CSV, for the cooperative's managers (and the 公示 board).
 * ok: file name and text · invalid: FORBIDDEN, CONFLICT (not computed yet)
 */
export const exportDistribution = defineCommand('dividends', 'exportDistribution', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const { dist } = await requireManagedDistribution(input.distributionId, member);
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
