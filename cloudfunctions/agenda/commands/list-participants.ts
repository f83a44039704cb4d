import { RESIDENTS, VILLAGES } from '../../_shared/collections';
import type { ResidentDoc, VillageDoc } from '../../_shared/documents';
import { roundtableRole } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { requireManagedItem } from '../policy';

/** Round-table seats offered to the admin at most. */
export const PARTICIPANTS_MAX = 200;

/**
 * Who may be invited to the round table: members of the alliance groups on the roster (bound to WeChat or
 * not), town level or of the item's village, by group. Two reads.
 * ok: the participants · invalid: NOT_FOUND, FORBIDDEN
 */
export const listParticipants = defineCommand('agenda', 'listParticipants', {
  async run(ctx, input) {
    const { item } = await requireManagedItem(ctx, input.itemId);
    const { data } = await db
      .collection(RESIDENTS)
      .where(
        _.and([
          { 'roles.groups.0': _.exists(true) },
          _.or([{ villageId: item.villageId }, { 'roles.groups.level': 'town' }]),
        ]),
      )
      .limit(PARTICIPANTS_MAX)
      .get();
    const residents = data as ResidentDoc[];
    const villages = await villageNames(residents.map((r) => r.villageId));
    const participants = residents
      .map((r) => ({
        residentId: r._id,
        name: r.name,
        villageName: villages.get(r.villageId) ?? '',
        role: roundtableRole(r.roles),
      }))
      .filter((p) => p.role)
      .sort((a, b) => a.role.localeCompare(b.role, 'zh') || a.name.localeCompare(b.name, 'zh'));
    return { participants };
  },
});

async function villageNames(ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { data } = await db
    .collection(VILLAGES)
    .where({ _id: _.in(unique) })
    .limit(100)
    .get();
  return new Map((data as VillageDoc[]).map((v) => [v._id, v.name]));
}
