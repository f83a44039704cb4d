import { ROSTER_IMPORTS } from '../../_shared/collections';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import type { RosterImportDoc } from '../model';
import { requireImport } from '../roster-access';
import { rosterImportView } from '../views';

/**
 * An import's progress; without an id, the caller's latest import (so reopening the page resumes it).
 * ok: the import or null · invalid: NOT_FOUND, FORBIDDEN
 */
export const getRosterImport = defineCommand('members', 'getRosterImport', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    if (input.importId) return { import: rosterImportView(await requireImport(input.importId, actor)) };
    const { data } = await db
      .collection(ROSTER_IMPORTS)
      .where({ startedBy: ctx.openid })
      .orderBy('startedAt', 'desc')
      .limit(1)
      .get();
    const latest = data[0] as RosterImportDoc | undefined;
    return { import: latest ? rosterImportView(latest) : null };
  },
});
