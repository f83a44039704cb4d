import { ITEMS } from '../../_shared/collections';
import { roleLabels, type Roles } from '../../../core/roles';
import { defineCommand } from '../../_shared/command';
import { _, db } from '../../_shared/cloud';
import { AppError } from '../../_shared/errors';
import { requireItem, requireManager, requireStep } from '../access';
import { event } from '../model';

/** The alliance-group role someone sits at the round table in, or '' when they are in no group. */
function groupRole(roles: Roles): string {
  return roleLabels({ ...roles, townAdmin: false, villageAdmin: false, rep: false })[0] ?? '';
}

/** Round-table seats offered to the admin at most. */
export const PARTICIPANTS_MAX = 200;

/**
 * 圆桌议事: the village admin schedules the round table — time, place, and participants from the alliance
 * groups — and the matter moves to this step.
 * ok: the step · invalid: WRONG_STEP, FORBIDDEN, INVALID_INPUT (a participant outside the groups)
 */
export const scheduleRoundtable = defineCommand('agenda', 'scheduleRoundtable', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    requireStep(item, ['consulting']);
    const ids = [...new Set(input.participantIds)];
    const { data } = await db
      .collection('residents')
      .where({ _id: _.in(ids) })
      .limit(100)
      .get();
    if (data.length !== ids.length) throw new AppError('INVALID_INPUT', '参会人中有人不在名册里');
    const participants = data.map((r) => ({
      residentId: r._id as string,
      name: r.name as string,
      role: groupRole(r.roles as Roles),
    }));
    const outsider = participants.find((p) => !p.role);
    if (outsider) throw new AppError('INVALID_INPUT', `${outsider.name}不是联盟小组成员，不能作为参会人`);
    const at = new Date(ctx.now);
    const when = new Date(input.at);
    const { stats } = await db
      .collection(ITEMS)
      .where({ _id: item._id, step: 'consulting', status: 'open' })
      .update({
        data: {
          step: 'roundtable',
          roundtable: _.set({ at: when, place: input.place, participants, minutes: null }),
          updatedAt: at,
          timeline: _.push(
            event(
              'roundtable',
              member,
              `召开圆桌会：${input.place}，${participants.length} 位联盟成员参加`,
              at,
            ),
          ),
        },
      });
    if (stats.updated === 0) throw new AppError('CONFLICT', '这件事项刚刚被别人办理过，请刷新');
    return { step: 'roundtable' };
  },
});

/**
 * The minutes of the round table, recorded by the village admin.
 * ok: {itemId} · invalid: WRONG_STEP, FORBIDDEN
 */
export const recordMinutes = defineCommand('agenda', 'recordMinutes', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    requireStep(item, ['roundtable']);
    const at = new Date(ctx.now);
    await db
      .collection(ITEMS)
      .doc(item._id)
      .update({
        data: {
          'roundtable.minutes': input.minutes,
          updatedAt: at,
          timeline: _.push(event('roundtable', member, '记录会议纪要', at)),
        },
      });
    return { itemId: item._id };
  },
});

/**
 * Who may be invited to the round table: members of the alliance groups on the roster (bound to WeChat or
 * not), town level or of the item's village, by group. Two reads.
 * ok: the participants · invalid: NOT_FOUND, FORBIDDEN
 */
export const listParticipants = defineCommand('agenda', 'listParticipants', {
  async run(ctx, input) {
    const member = (await ctx.member())!;
    const item = await requireItem(input.itemId, member, ctx.openid);
    requireManager(member, item);
    const { data } = await db
      .collection('residents')
      .where(
        _.and([
          { 'roles.groups.0': _.exists(true) },
          _.or([{ villageId: item.villageId }, { 'roles.groups.level': 'town' }]),
        ]),
      )
      .limit(PARTICIPANTS_MAX)
      .get();
    const villages = await villageNames(data.map((r) => r.villageId as string));
    const participants = data
      .map((r) => ({
        residentId: r._id as string,
        name: r.name as string,
        villageName: villages.get(r.villageId as string) ?? '',
        role: groupRole(r.roles as Roles),
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
    .collection('villages')
    .where({ _id: _.in(unique) })
    .limit(100)
    .get();
  return new Map(data.map((v) => [v._id as string, v.name as string]));
}
