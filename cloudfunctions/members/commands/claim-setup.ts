import type { MemberDoc, ResidentDoc, VillageDoc } from '../../_shared/documents';
import { MEMBERS, RESIDENTS, SETUP_CODES, VILLAGES } from '../../_shared/collections';
import { normalizeSetupCode } from '../../../core/members/township';
import { NO_ROLES } from '../../../core/roles';
import { audit } from '../../_shared/audit';
import { db } from '../../_shared/cloud';
import { defineCommand } from '../../_shared/command';
import { checkText } from '../../_shared/content';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { derivedId } from '../../_shared/ids';
import { consume, used } from '../../_shared/rate-limit';
import { txGet } from '../../_shared/transaction';
import { type SetupCodeDoc } from '../model';
import { memberView } from '../views';

const HOUR_MS = 3_600_000;
/** Wrong setup codes a WeChat user may try per hour. */
const SETUP_ATTEMPTS_PER_HOUR = 5;

/**
 * 开通: the first town admin. Bootstrap (scripts/tools/bootstrap.ts) printed a one-time code for the town; the
 * person who enters it, with their name and the village or community they live in, becomes the town admin, and
 * the code stops working. In one transaction: the code is spent, the resident record and the member are created.
 * ok: the member · invalid: INVALID_INPUT (not a code, a village of another town), NOT_FOUND (no such code),
 * CONFLICT (already bound, code used or replaced), RATE_LIMITED, CONTENT_REJECTED
 */
export const claimSetup = defineCommand('members', 'claimSetup', {
  async run(ctx, input) {
    const code = normalizeSetupCode(input.code);
    if (!code) throw new AppError('INVALID_INPUT', '开通码是 12 位字母和数字，请核对后再输入');
    if (await ctx.member()) throw new AppError('CONFLICT', '您已经绑定了村民身份');
    if ((await used('setupFailure', ctx.openid, HOUR_MS, ctx.now)) >= SETUP_ATTEMPTS_PER_HOUR) {
      throw new AppError('RATE_LIMITED', '开通码输错次数太多，请一小时后再试');
    }
    if ((await checkText(ctx.openid, input.name, 1)) === 'risky') {
      throw new AppError('CONTENT_REJECTED', '姓名含有不允许的内容，请修改后再提交');
    }

    const at = new Date(ctx.now);
    let member: MemberDoc;
    try {
      member = await db.runTransaction(async (t) => {
        const setup = (await txGet(t, SETUP_CODES, derivedId('setup', code))) as SetupCodeDoc | null;
        if (!setup) throw new AppError('NOT_FOUND', '开通码不正确，请核对后重新输入');
        if (setup.usedAt) throw new AppError('CONFLICT', '这个开通码已经用过了');
        if (setup.revokedAt) throw new AppError('CONFLICT', '这个开通码已作废，请使用最新打印的开通码');
        const village = (await txGet(t, VILLAGES, input.villageId)) as VillageDoc | null;
        if (!village || village.townId !== setup.townId) {
          throw new AppError('INVALID_INPUT', '请选择本镇的村（社区）');
        }
        const resident: ResidentDoc = {
          _id: derivedId('setup-admin', setup.townId, ctx.openid).slice(0, 32),
          townId: setup.townId,
          villageId: village._id,
          name: input.name,
          household: `${village.townName}管理员`,
          phoneMasked: null,
          openid: ctx.openid,
          roles: { ...NO_ROLES, townAdmin: true },
          source: 'setup',
          createdAt: at,
          updatedAt: at,
        };
        const doc: MemberDoc = {
          _id: ctx.openid,
          residentId: resident._id,
          villageId: village._id,
          villageName: village.name,
          name: resident.name,
          household: resident.household,
          phoneMasked: null,
          roles: resident.roles,
          boundAt: at,
        };
        await t
          .collection(SETUP_CODES)
          .doc(setup._id)
          .update({ data: { usedAt: at, usedBy: ctx.openid } });
        await t.collection(RESIDENTS).add({ data: resident });
        await t.collection(MEMBERS).add({ data: doc });
        await audit(
          t,
          {
            actorOpenid: ctx.openid,
            actorResidentId: resident._id,
            action: 'claimSetup',
            target: `${SETUP_CODES}/${setup._id}`,
            details: { townId: setup.townId },
          },
          at,
        );
        return doc;
      });
    } catch (e) {
      if (e instanceof AppError) {
        if (e.code === 'NOT_FOUND')
          await consume('setupFailure', ctx.openid, SETUP_ATTEMPTS_PER_HOUR, HOUR_MS, ctx.now);
        throw e;
      }
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', '您已经绑定了村民身份');
      throw e;
    }
    return { member: memberView(member) };
  },
});
