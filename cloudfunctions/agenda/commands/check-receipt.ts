import { normalizeReceipt } from '../../../core/agenda';
import { defineCommand } from '../../_shared/command';
import { AppError } from '../../_shared/errors';
import { findBallot, receiptHash } from '../polls';

/**
 * A voter checks with their receipt that their ballot is counted as cast; nobody without the receipt can.
 * ok: counted and the choices · invalid: INVALID_INPUT (not a receipt)
 */
export const checkReceipt = defineCommand('agenda', 'checkReceipt', {
  async run(_ctx, input) {
    const receipt = normalizeReceipt(input.receipt);
    if (!receipt) throw new AppError('INVALID_INPUT', '回执码是 16 位字母和数字');
    const ballot = await findBallot(input.pollId, receiptHash(input.pollId, receipt));
    return ballot ? { counted: true, choices: ballot.choices } : { counted: false, choices: null };
  },
});
