import { GROUP_CODES } from '../../../core/groups';
import { DAY_MS } from '../../../core/time';
import {
  NOTICES_PER_DAY,
  audienceLabel,
  audienceVillage,
  canNotify,
  type Audience,
  type ComposeOption,
} from '../../../core/notices';
import { defineCommand } from '../../_shared/command';
import { used } from '../../_shared/rate-limit';
import { PUSH_BUCKET } from '../model';
import { allVillages } from '../planning';

/**
 * The audiences the caller may send to, in the order a sender would look for them, and how many pushes they
 * have left today. ok: options · invalid: FORBIDDEN (not a sender)
 */
export const composeOptions = defineCommand('notices', 'composeOptions', {
  async run(ctx) {
    const member = (await ctx.member())!;
    const villages = await allVillages();
    const candidates: Audience[] = [
      { kind: 'village', villageId: member.villageId },
      ...GROUP_CODES.map((group): Audience => ({ kind: 'group', group, villageId: member.villageId })),
      ...GROUP_CODES.map((group): Audience => ({ kind: 'group', group, villageId: null })),
      { kind: 'town' },
      ...villages
        .filter((v) => v._id !== member.villageId)
        .map((v): Audience => ({ kind: 'village', villageId: v._id })),
    ];
    const name = new Map(villages.map((v) => [v._id, v.name]));
    const options: ComposeOption[] = candidates
      .filter((a) => canNotify(member, a))
      .map((a) => {
        const villageId = audienceVillage(a);
        return { audience: a, label: audienceLabel(a, villageId ? (name.get(villageId) ?? null) : null) };
      });
    return {
      options,
      sentToday: await used(PUSH_BUCKET, ctx.openid, DAY_MS, ctx.now),
      perDay: NOTICES_PER_DAY,
    };
  },
});
