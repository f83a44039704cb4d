import type { MemberDoc, ResidentDoc, VillageDoc } from '../../_shared/documents';
import { CLAIM_CODES, MEMBERS, RESIDENTS, VILLAGES } from '../../_shared/collections';
import { CLAIM_ATTEMPTS_PER_HOUR, normalizeClaimCode } from '../../../core/members/claim-code';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { derivedId } from '../../_shared/ids';
import { consume, used } from '../../_shared/rate-limit';
import { txGet } from '../../_shared/transaction';
import { type ClaimCodeDoc } from '../model';
import { memberView } from '../views';

const HOUR_MS = 3_600_000;

/**
 * Assisted registration: a resident types the one-time code an admin handed them, and their WeChat user is
 * bound to the record the admin created. In one transaction: the code is spent, the record gets the openid,
 * the member is created. Wrong codes are counted; after 5 in an hour the user must wait.
 * ok: the member · invalid: CONFLICT (already bound / code used, revoked or expired / record taken),
 * NOT_FOUND (no such code), RATE_LIMITED, INVALID_INPUT (not 8 digits)
 */
export const claimWithCode = defineCommand('members', 'claimWithCode', {
  async run(ctx, input) {
    const code = normalizeClaimCode(input.code);
    if (!code) throw new AppError('INVALID_INPUT', '认领码是 8 位数字，请核对后再输入');
    if (await ctx.member()) throw new AppError('CONFLICT', '您已经绑定了村民身份');
    if ((await used('claimFailure', ctx.openid, HOUR_MS, ctx.now)) >= CLAIM_ATTEMPTS_PER_HOUR) {
      throw new AppError('RATE_LIMITED', '认领码输错次数太多，请一小时后再试');
    }

    const at = new Date(ctx.now);
    let member: MemberDoc;
    try {
      member = await db.runTransaction(async (t) => {
        const claim = (await txGet(t, CLAIM_CODES, derivedId('claim', code))) as ClaimCodeDoc | null;
        if (!claim) throw new AppError('NOT_FOUND', '认领码不正确，请核对后重新输入');
        if (claim.usedAt) throw new AppError('CONFLICT', '这个认领码已经用过了');
        if (claim.revokedAt) throw new AppError('CONFLICT', '这个认领码已作废，请使用最新的认领码');
        if (new Date(claim.expiresAt).getTime() < ctx.now) {
          throw new AppError('CONFLICT', '认领码已过期，请联系村干部重新领取');
        }
        const resident = (await txGet(t, RESIDENTS, claim.residentId)) as ResidentDoc | null;
        if (!resident) throw new AppError('NOT_FOUND', '认领码对应的村民记录不存在，请联系村干部');
        if (resident.openid) throw new AppError('CONFLICT', '该村民已经绑定了微信');
        const village = (await txGet(t, VILLAGES, resident.villageId)) as VillageDoc | null;

        const doc: MemberDoc = {
          _id: ctx.openid,
          residentId: resident._id,
          villageId: resident.villageId,
          villageName: village?.name ?? '',
          name: resident.name,
          household: resident.household,
          phoneMasked: resident.phoneMasked,
          roles: resident.roles,
          boundAt: at,
        };
        await t
          .collection(CLAIM_CODES)
          .doc(claim._id)
          .update({ data: { usedAt: at, usedBy: ctx.openid } });
        await t
          .collection(RESIDENTS)
          .doc(resident._id)
          .update({ data: { openid: ctx.openid, updatedAt: at } });
        await t.collection(MEMBERS).add({ data: doc });
        await audit(
          t,
          {
            actorOpenid: ctx.openid,
            actorResidentId: resident._id,
            action: 'claimWithCode',
            target: `${RESIDENTS}/${resident._id}`,
          },
          at,
        );
        return doc;
      });
    } catch (e) {
      if (e instanceof AppError) {
        if (e.code === 'NOT_FOUND')
          await consume('claimFailure', ctx.openid, CLAIM_ATTEMPTS_PER_HOUR, HOUR_MS, ctx.now);
        throw e;
      }
      // Another WeChat user bound the same record (unique index on members.residentId) or this user bound meanwhile.
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '该村民已经绑定了微信');
      throw e;
    }
    return { member: memberView(member) };
  },
});
