import { roleLabels, type Roles } from '../roles';
import type { PollKind, PollOption, PollRules, Step } from './contract';
import type { Outcome } from './views';

/** The agenda's pure rules: how a matter moves, what a ballot may hold, how a poll is counted and published. */

/** Which step comes next; the only forward moves an admin can make. */
export const NEXT_STEP: Partial<Record<Step, Step>> = {
  raised: 'consulting',
  consulting: 'roundtable',
  roundtable: 'deciding',
  deciding: 'doing',
  doing: 'supervising',
  supervising: 'closed',
};

/** Residents may comment and support while the matter is being raised and discussed. */
export const DISCUSSION_STEPS: Step[] = ['raised', 'consulting'];

/** A duplicate is merged while it is raised or discussed, into a matter of the village not yet decided. */
export const MERGE_FROM_STEPS: Step[] = ['raised', 'consulting'];
export const MERGE_INTO_STEPS: Step[] = ['raised', 'consulting', 'roundtable', 'deciding'];

/** The alliance-group role someone sits at the round table in, or '' when they are in no group. */
export function roundtableRole(roles: Roles): string {
  return roleLabels({ ...roles, townAdmin: false, villageAdmin: false, rep: false })[0] ?? '';
}

/** Matters a resident may raise per day. */
export const ITEMS_PER_DAY = 3;
/** Comments a resident may write per hour. */
export const COMMENTS_PER_HOUR = 20;
/** Progress reports kept per task. */
export const TASK_NOTES_MAX = 100;

export const APPROVAL_OPTIONS = [
  { id: 'yes', label: '赞成' },
  { id: 'no', label: '反对' },
  { id: 'abstain', label: '弃权' },
] as const;

/** The options of a poll: fixed for 赞成/反对/弃权, given for choice polls. */
export function pollOptions(kind: PollKind, labels: string[]): PollOption[] {
  if (kind === 'approval') return APPROVAL_OPTIONS.map((o) => ({ ...o }));
  return labels.map((label, i) => ({ id: `o${i + 1}`, label }));
}

/** Checks a ballot's choices against the poll's rules; returns the problem in Chinese, or null. */
export function checkChoices(
  rules: Pick<PollRules, 'kind' | 'options' | 'minChoices' | 'maxChoices'>,
  choices: string[],
): string | null {
  const known = new Set(rules.options.map((o) => o.id));
  if (new Set(choices).size !== choices.length) return '同一个选项不能选两次';
  if (choices.some((c) => !known.has(c))) return '选项不存在';
  if (rules.kind === 'multiple') {
    if (choices.length < rules.minChoices) return `至少要选 ${rules.minChoices} 项`;
    if (choices.length > rules.maxChoices) return `最多只能选 ${rules.maxChoices} 项`;
    return null;
  }
  return choices.length === 1 ? null : '请选择一项';
}

/** The result of a poll from its counters: what the tally shows at any moment, and what is frozen at close. */
export function computeOutcome(
  rules: PollRules,
  eligible: number,
  cast: number,
  counts: Record<string, number>,
): Outcome {
  const base = rules.thresholdBase === 'cast' ? cast : eligible;
  const pct = (n: number, of: number) => (of > 0 ? Math.round((n / of) * 1000) / 10 : 0);
  const full: Record<string, number> = {};
  const percents: Record<string, number> = {};
  for (const o of rules.options) {
    full[o.id] = counts[o.id] ?? 0;
    percents[o.id] = pct(full[o.id]!, base);
  }
  // Exact integer comparisons: count / base >= threshold / 100.
  const quorumMet = eligible > 0 && cast * 100 >= rules.quorumPct * eligible;
  const carriedOptions =
    rules.kind === 'approval' ? rules.options.filter((o) => o.id === 'yes') : rules.options;
  const carried = carriedOptions
    .filter((o) => base > 0 && full[o.id]! * 100 >= rules.thresholdPct * base)
    .map((o) => o.id);
  return {
    cast,
    eligible,
    counts: full,
    percents,
    turnoutPct: pct(cast, eligible),
    quorumMet,
    carried,
    passed: quorumMet && carried.length > 0,
  };
}

/** One line for the timeline and the result card, e.g. “赞成 12 · 反对 3 · 弃权 1，投票 16/20 人”. */
export function outcomeSummary(rules: Pick<PollRules, 'options'>, outcome: Outcome): string {
  const counts = rules.options.map((o) => `${o.label} ${outcome.counts[o.id] ?? 0}`).join(' · ');
  return `${counts}，投票 ${outcome.cast}/${outcome.eligible} 人`;
}

/**
 * Receipts: the voter's phone makes a random code and keeps it; the cloud stores only its hash on the ballot,
 * never next to the voter. 16 characters of Crockford base32 (80 bits), shown in groups of four.
 */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_PATTERN = /^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{16}$/;

export function formatReceipt(receipt: string): string {
  return receipt.match(/.{1,4}/g)!.join('-');
}

/** Accepts what people copy: spaces, dashes, lower case; O→0, I/L→1 as Crockford base32 does. */
export function normalizeReceipt(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return RECEIPT_PATTERN.test(code) ? code : null;
}

/** A receipt from 10 random bytes (the caller supplies a cryptographic source where it has one). */
export function receiptFromBytes(bytes: ArrayLike<number>): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < bytes.length && out.length < 16; i++) {
    value = (value << 8) | (bytes[i]! & 0xff);
    bits += 8;
    while (bits >= 5 && out.length < 16) {
      out += RECEIPT_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/**
 * The published text a tally digest is computed over: one line per ballot, `<receiptHash> <choices>`, sorted.
 * Anyone with the published receipts can rebuild it and compare `sha256(text)` with the poll's digest.
 */
export function tallyDigestText(ballots: { receiptHash: string; choices: string[] }[]): string {
  return ballots
    .map((b) => `${b.receiptHash} ${[...b.choices].sort().join(',')}`)
    .sort()
    .join('\n');
}

/**
 * The digest is chained over blocks of DIGEST_BLOCK receipts in receipt-hash order (a receipts page each), so a
 * town-size poll is digested a block at a time: digest₁ = sha256(text₁), digestₖ = sha256(digestₖ₋₁ + "\n" +
 * textₖ), where textₖ is block k's `tallyDigestText`. With one block (up to 1000 ballots) it is sha256 of the
 * whole text; with none, sha256 of the empty text.
 */
export const DIGEST_BLOCK = 1000;

/** The text hashed for one block: the block's text after the previous block's digest (null for the first). */
export function digestBlockText(
  previous: string | null,
  block: { receiptHash: string; choices: string[] }[],
): string {
  const text = tallyDigestText(block);
  return previous === null ? text : `${previous}\n${text}`;
}

/** Seconds after closing before the result is frozen: longer than any vote can take to land (function timeout). */
export const FINALIZE_GRACE_MS = 15_000;
