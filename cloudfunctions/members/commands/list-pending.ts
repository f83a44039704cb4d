import type { ResidentDoc } from '../../_shared/documents';
import { BINDING_REQUESTS, RESIDENTS } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { decodeCursor, encodeCursor } from '../../_shared/cursor';
import { type BindingRequestDoc } from '../model';
import { requestView } from '../views';
import { allVillages } from '../policy';

/**
 * Binding requests waiting for a decision, oldest first, 20 per page (keyset pagination). A village admin
 * sees their own village; a town admin sees all, or one village. Each request says whether the village
 * already has a resident of that name and household. Three reads per page.
 * ok: a page · invalid: FORBIDDEN (another village), INVALID_INPUT (bad cursor)
 */
export const listPending = defineCommand('members', 'listPending', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const villageId = member.roles.townAdmin ? input.villageId : (input.villageId ?? member.villageId);
    if (villageId && !canManageVillage(member, villageId))
      throw new AppError('FORBIDDEN', '只能查看本村的申请');
    const limit = input.limit ?? 20;
    const after = input.cursor ? decodeCursor(input.cursor) : null;

    const where: Record<string, unknown> = { status: 'pending' };
    if (villageId) where.villageId = villageId;
    const query = after
      ? _.and([
          where,
          _.or([
            { createdAt: _.gt(new Date(after.at)) },
            { createdAt: new Date(after.at), _id: _.gt(after.id) },
          ]),
        ])
      : where;
    const { data } = await db
      .collection(BINDING_REQUESTS)
      .where(query)
      .orderBy('createdAt', 'asc')
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const page = (data as BindingRequestDoc[]).slice(0, limit);
    const villages = new Map((await allVillages()).map((v) => [v._id, v.name]));

    const duplicates = new Set<string>();
    if (page.length > 0) {
      const { data: same } = await db
        .collection(RESIDENTS)
        .where({
          name: _.in([...new Set(page.map((r) => r.name))]),
          villageId: _.in([...new Set(page.map((r) => r.villageId))]),
        })
        .limit(1000)
        .get();
      for (const r of same as ResidentDoc[])
        duplicates.add(`${r.villageId}\u0000${r.name}\u0000${r.household}`);
    }
    const last = page.at(-1);
    return {
      items: page.map((r) =>
        requestView(
          r,
          villages.get(r.villageId) ?? '',
          duplicates.has(`${r.villageId}\u0000${r.name}\u0000${r.household}`),
        ),
      ),
      nextCursor:
        data.length > limit && last ? encodeCursor(new Date(last.createdAt).getTime(), last._id) : null,
    };
  },
});
