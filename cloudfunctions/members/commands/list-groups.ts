import { GROUP_SUMMARIES } from '../../_shared/collections';
import { GROUP_CODES, GROUPS } from '../../../core/groups';
import { defineCommand } from '../../_shared/command';
import { db } from '../../_shared/cloud';
import { type GroupSummaryDoc } from '../model';

const POSITION_ORDER = { leader: 0, deputy: 1 } as const;

/** The five alliance groups with their leaders (town level first) and member counts. Public. One read. */
export const listGroups = defineCommand('members', 'listGroups', {
  async run() {
    const { data } = await db.collection(GROUP_SUMMARIES).limit(GROUP_CODES.length).get();
    const summaries = new Map((data as GroupSummaryDoc[]).map((s) => [s._id, s]));
    return {
      groups: GROUP_CODES.map((code) => {
        const summary = summaries.get(code);
        const leaders = [...(summary?.leaders ?? [])].sort(
          (a, b) =>
            (a.level === b.level ? 0 : a.level === 'town' ? -1 : 1) ||
            POSITION_ORDER[a.position] - POSITION_ORDER[b.position] ||
            a.villageName.localeCompare(b.villageName, 'zh'),
        );
        return { ...GROUPS[code], leaders, memberCount: summary?.memberCount ?? 0 };
      }),
    };
  },
});
