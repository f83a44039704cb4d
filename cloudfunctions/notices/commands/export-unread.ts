import { DELIVERY_LABELS } from '../../../core/notices';
import { toCsv } from '../../../core/csv';
import { inShanghai } from '../../../core/time';
import { defineCommand } from '../../_shared/command';
import { unreadOf } from '../households';
import { requireOverseen } from '../policy';

/**
 * 导出未读户 (CSV, for Excel or WPS): every household that has not read, village by village, with its
 * members and reminder outcomes. ok: file name and text · invalid: NOT_FOUND, FORBIDDEN
 */
export const exportUnread = defineCommand('notices', 'exportUnread', {
  async run(ctx, input) {
    const notice = await requireOverseen(input.noticeId, (await ctx.member())!);
    const names = new Map(notice.villages.map((v) => [v.villageId, v.villageName]));
    const households = await unreadOf(notice, null);
    const rows = households.map((h) => [
      names.get(h.villageId) ?? h.villageId,
      h.household,
      h.members.map((m) => m.name).join('、'),
      h.members.some((m) => m.bound) ? '是' : '否',
      h.members.map((m) => `${m.name}：${DELIVERY_LABELS[m.delivery]}`).join('；'),
    ]);
    const csv = toCsv(['村（社区）', '户', '家庭成员', '有人绑定微信', '提醒推送情况'], rows);
    const day = inShanghai(new Date(notice.createdAt).getTime()).format('YYYYMMDD');
    return {
      filename: `未读户_${notice.title}_${day}.csv`.replace(/[\\/:*?"<>|\s]/g, ''),
      csv,
      rows: rows.length,
    };
  },
});
