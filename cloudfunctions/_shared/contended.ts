import { db } from './cloud';

/** Rounds of the SDK's transaction (each with its own immediate retries) before a conflict is answered INTERNAL. */
const ROUNDS = 6;

function isConflict(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'DATABASE_TRANSACTION_CONFLICT';
}

/**
 * A transaction on a document many residents write at once (a matter's support and verdict counts, a briefing's learned count). The SDK
 * retries a conflict at once, so a burst of callers collides again and again until some give up; between
 * rounds this waits a random, growing pause (at most about 1.3 s in all, inside the function's 5 s timeout)
 * so that the burst spreads out. Any other error, and the callback's own AppErrors, pass through at once.
 */
export async function runContended<T>(run: (t: WxCloud.Transaction) => Promise<T>): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await db.runTransaction(run);
    } catch (e) {
      if (round >= ROUNDS || !isConflict(e)) throw e;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** round));
    }
  }
}
