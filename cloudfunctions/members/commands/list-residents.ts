import type { ResidentDoc } from '../../_shared/documents';
import { RESIDENTS } from '../../_shared/collections';
import { canManageVillage } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { containing } from '../../_shared/search';
import { residentView } from '../views';

/**
 * A village's roster for its admins (to set roles or issue claim codes), 20 per page, optionally by name.
 * One read per page.
 * ok: a page · invalid: FORBIDDEN (another village)
 */
export const listResidents = defineCommand('members', 'listResidents', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    if (!canManageVillage(actor, input.villageId)) throw new AppError('FORBIDDEN', '只能查看本村的村民');
    const limit = input.limit ?? 20;
    const where: Record<string, unknown> = { villageId: input.villageId };
    if (input.keyword) where.name = containing(input.keyword);
    if (input.cursor) where._id = _.gt(input.cursor);
    const { data } = await db
      .collection(RESIDENTS)
      .where(where)
      .orderBy('_id', 'asc')
      .limit(limit + 1)
      .get();
    const page = (data as ResidentDoc[]).slice(0, limit);
    return {
      items: page.map(residentView),
      nextCursor: data.length > limit ? (page.at(-1)?._id ?? null) : null,
    };
  },
});
