import type { ResidentDoc } from '../../_shared/documents';
import { GROUP_SUMMARIES, MEMBERS, RESIDENTS } from '../../_shared/collections';
import { GROUP_CODES, type GroupCode } from '../../../core/groups';
import { checkRoleChange, normalizeRoles, roleLabels, type Roles } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { txGet } from '../../_shared/transaction';
import { type GroupSummaryDoc } from '../model';
import { requireResident, requireVillage } from '../policy';

/**
 * Sets a resident's roles (村民代表, admin roles, alliance group positions). The rules of who may change what
 * are `checkRoleChange` in core/roles.ts. In one transaction: the resident record, the bound member's copy
 * (so role checks stay one read) and the summaries of the groups that changed (so listGroups stays one read).
 * ok: the new roles · invalid: NOT_FOUND, FORBIDDEN (with the reason)
 */
export const setRoles = defineCommand('members', 'setRoles', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const after = normalizeRoles(input.roles);
    const at = new Date(ctx.now);
    const found = await requireResident(input.residentId);
    const village = await requireVillage(found.villageId);

    await db.runTransaction(async (t) => {
      const resident = (await txGet(t, RESIDENTS, input.residentId)) as ResidentDoc | null;
      if (!resident) throw new AppError('NOT_FOUND', '没有找到这位村民');
      const before = normalizeRoles(resident.roles);
      const refusal = checkRoleChange(
        actor,
        { residentId: resident._id, villageId: resident.villageId },
        before,
        after,
      );
      if (refusal) throw new AppError('FORBIDDEN', refusal);

      await t
        .collection(RESIDENTS)
        .doc(resident._id)
        .update({ data: { roles: setValue(after), updatedAt: at } });
      if (resident.openid) {
        await t
          .collection(MEMBERS)
          .doc(resident.openid)
          .update({ data: { roles: setValue(after) } });
      }
      for (const group of changedGroups(before, after)) {
        const summary = ((await txGet(t, GROUP_SUMMARIES, group)) as GroupSummaryDoc | null) ?? {
          _id: group,
          leaders: [],
          memberCount: 0,
        };
        const inGroup = (r: Roles) => r.groups.some((g) => g.group === group);
        const leaders = [
          ...summary.leaders.filter((l) => l.residentId !== resident._id),
          ...after.groups
            .filter((g) => g.group === group && g.position !== 'member')
            .map((g) => ({
              residentId: resident._id,
              name: resident.name,
              level: g.level,
              position: g.position as 'deputy' | 'leader',
              villageName: village.name,
            })),
        ];
        const memberCount = Math.max(
          0,
          summary.memberCount + Number(inGroup(after)) - Number(inGroup(before)),
        );
        await t.collection(GROUP_SUMMARIES).doc(group).set({ data: { leaders, memberCount } });
      }
      await audit(
        t,
        {
          actorOpenid: ctx.openid,
          actorResidentId: actor.residentId,
          action: 'setRoles',
          target: `${RESIDENTS}/${resident._id}`,
          details: { before, after },
        },
        at,
      );
    });
    return { residentId: input.residentId, roles: after, roleLabels: roleLabels(after) };
  },
});

/** Replace the whole roles object (an update with a plain object would merge into it field by field). */
function setValue(roles: Roles): unknown {
  return db.command.set(roles);
}

function changedGroups(before: Roles, after: Roles): GroupCode[] {
  const key = (r: Roles, group: GroupCode) =>
    JSON.stringify(r.groups.filter((g) => g.group === group).map((g) => [g.level, g.position]));
  return GROUP_CODES.filter((group) => key(before, group) !== key(after, group));
}
