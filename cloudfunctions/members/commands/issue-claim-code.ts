import type { ResidentDoc } from '../../_shared/documents';
import { CLAIM_CODES, RESIDENTS } from '../../_shared/collections';
import { CLAIM_CODE_DIGITS, CLAIM_CODE_TTL_DAYS, formatClaimCode } from '../../../core/members/claim-code';
import { maskPhone } from '../../../core/members/phone';
import { canManageVillage, NO_ROLES } from '../../../core/roles';
import { DAY_MS } from '../../../core/time';
import { defineCommand } from '../../_shared/command';
import { audit } from '../../_shared/audit';
import { _, db } from '../../_shared/cloud';
import { AppError, isDuplicateKey } from '../../_shared/errors';
import { derivedId, newId, randomDigits } from '../../_shared/ids';
import { txGet } from '../../_shared/transaction';
import { type ClaimCodeDoc } from '../model';
import { requireVillage } from '../policy';

/**
 * Assisted registration for residents who cannot fill in the form themselves (many are elderly): an admin
 * creates the resident's record (or picks an unbound one) and gets a one-time 8-digit code to hand over on
 * paper. Only a hash of the code is stored; issuing a new code revokes the resident's older unused codes.
 * ok: {residentId, code, expiresAt} · invalid: NOT_FOUND, FORBIDDEN (another village), CONFLICT (already bound)
 */
export const issueClaimCode = defineCommand('members', 'issueClaimCode', {
  async run(ctx, input) {
    const actor = (await ctx.member())!;
    const at = new Date(ctx.now);
    const expiresAt = new Date(ctx.now + CLAIM_CODE_TTL_DAYS * DAY_MS);
    const newResident =
      'name' in input
        ? await (async (): Promise<ResidentDoc> => {
            const village = await requireVillage(input.villageId);
            if (!canManageVillage(actor, village._id)) throw new AppError('FORBIDDEN', '只能为本村村民办理');
            return {
              _id: newId('r'),
              townId: village.townId,
              villageId: village._id,
              name: input.name,
              household: input.household,
              phoneMasked: input.phone ? maskPhone(input.phone) : null,
              openid: null,
              roles: NO_ROLES,
              source: 'admin',
              createdAt: at,
              updatedAt: at,
            };
          })()
        : null;

    for (let attempt = 0; ; attempt++) {
      const code = randomDigits(CLAIM_CODE_DIGITS);
      try {
        const residentId = await db.runTransaction(async (t) => {
          let resident = newResident;
          if (resident) {
            await t.collection(RESIDENTS).add({ data: resident });
          } else {
            resident = (await txGet(
              t,
              RESIDENTS,
              (input as { residentId: string }).residentId,
            )) as ResidentDoc | null;
            if (!resident) throw new AppError('NOT_FOUND', '没有找到这位村民');
            if (!canManageVillage(actor, resident.villageId))
              throw new AppError('FORBIDDEN', '只能为本村村民办理');
            if (resident.openid) throw new AppError('CONFLICT', '这位村民已经绑定了微信，不需要认领码');
          }
          const claim: ClaimCodeDoc = {
            _id: derivedId('claim', code),
            residentId: resident._id,
            villageId: resident.villageId,
            issuedBy: ctx.openid,
            issuedAt: at,
            expiresAt,
            usedAt: null,
            usedBy: null,
            revokedAt: null,
          };
          await t.collection(CLAIM_CODES).add({ data: claim });
          await audit(
            t,
            {
              actorOpenid: ctx.openid,
              actorResidentId: actor.residentId,
              action: 'issueClaimCode',
              target: `${RESIDENTS}/${resident._id}`,
            },
            at,
          );
          return resident._id;
        });
        // Older unused codes of this resident stop working (not in the transaction: it allows single documents only).
        await db
          .collection(CLAIM_CODES)
          .where({ residentId, usedAt: null, revokedAt: null, _id: _.neq(derivedId('claim', code)) })
          .update({ data: { revokedAt: at } });
        return { residentId, code: formatClaimCode(code), expiresAt: expiresAt.getTime() };
      } catch (e) {
        // A new code colliding with a live one is astronomically rare; draw again.
        if (isDuplicateKey(e) && attempt < 3) continue;
        throw e;
      }
    }
  },
});
